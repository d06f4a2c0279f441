package dev.meshlens.app.ui.service;

import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.Snapshot;

import java.util.List;
import java.util.Objects;

/**
 * One cluster's catalog as of a snapshot, with the per-topic facts the window shows. Immutable, so it can be
 * built on a worker thread and handed to the UI thread.
 *
 * @param state  the catalog as of the snapshot being viewed
 * @param newest the cluster's newest snapshot when this was loaded; viewing an older one is a historical view
 * @param facts  what the lineage of the snapshot says about each topic
 */
public record LoadedCatalog(CatalogState state, Snapshot newest, CatalogFacts facts) {

    public LoadedCatalog {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(newest, "newest");
        Objects.requireNonNull(facts, "facts");
    }

    /** The snapshot being viewed. */
    public Snapshot snapshot() {
        return state.asOf();
    }

    /** Whether an older snapshot than the newest is being viewed. */
    public boolean historical() {
        return state.asOf().id() != newest.id();
    }

    /** The data products of the catalog, in canonical order. */
    public List<DataProduct> products() {
        return state.content().products();
    }

    /** The facts about {@code topic}; a topic the catalog knows nothing about has no producers or consumers. */
    public TopicFacts facts(String topic) {
        return facts.facts(topic);
    }

    /** The table's summary of {@code topic}. */
    public TopicSummary summary(String topic) {
        return facts.summary(topic);
    }

    /** Whether the topic exists in the cluster, as far as the imported topic listings tell. */
    public boolean topicKnown(String topic) {
        return state.content().topics().stream().anyMatch(t -> t.name().equals(topic));
    }

    /**
     * The products on {@code topics}, in the given order; a topic no catalog entry describes is listed by its
     * name alone (an unregistered stream).
     */
    public List<LinkedProduct> linked(List<String> topics) {
        java.util.Map<String, DataProduct> byTopic = new java.util.HashMap<>();
        products().forEach(p -> byTopic.putIfAbsent(p.topic(), p));
        return topics.stream().map(t -> {
            DataProduct p = byTopic.get(t);
            return p == null ? new LinkedProduct(t, null, null, null)
                    : new LinkedProduct(t, p.name(), p.slaTier(), p.owner());
        }).toList();
    }

    /** The catalog entry of {@code topic}, if there is one. */
    public java.util.Optional<DataProduct> productOn(String topic) {
        return products().stream().filter(p -> p.topic().equals(topic)).findFirst();
    }

    /** The registered versions of {@code subject}, oldest first. */
    public List<SchemaVersion> schemaVersions(String subject) {
        return state.content().schemas().stream().filter(s -> s.subject().equals(subject))
                .sorted(java.util.Comparator.comparingInt(SchemaVersion::version)).toList();
    }

    /**
     * The lineage graph of the snapshot: the one the facts were computed from, or (facts made without one, as in
     * tests) one built now with the default options.
     */
    public dev.meshlens.engine.lineage.LineageGraph lineage() {
        return facts.lineage().orElseGet(() -> dev.meshlens.engine.lineage.LineageGraph.build(state,
                dev.meshlens.engine.lineage.LineageOptions.defaults()));
    }
}
