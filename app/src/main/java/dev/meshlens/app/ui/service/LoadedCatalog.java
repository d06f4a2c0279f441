package dev.meshlens.app.ui.service;

import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.Snapshot;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One cluster's catalog as of a snapshot, with the per-topic facts the window shows. Immutable, so it can be
 * built on a worker thread and handed to the UI thread.
 *
 * @param state  the catalog as of the snapshot being viewed
 * @param newest the cluster's newest snapshot when this was loaded; viewing an older one is a historical view
 * @param topics facts per topic name, for every topic a product names (other topics may be present)
 */
public record LoadedCatalog(CatalogState state, Snapshot newest, Map<String, TopicFacts> topics) {

    public LoadedCatalog {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(newest, "newest");
        topics = Map.copyOf(topics);
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
        TopicFacts facts = topics.get(topic);
        return facts != null ? facts : TopicFacts.unknown(topic);
    }

    /** Whether the topic exists in the cluster, as far as the imported topic listings tell. */
    public boolean topicKnown(String topic) {
        return state.content().topics().stream().anyMatch(t -> t.name().equals(topic));
    }

    /** The registered versions of {@code subject}, oldest first. */
    public List<SchemaVersion> schemaVersions(String subject) {
        return state.content().schemas().stream().filter(s -> s.subject().equals(subject))
                .sorted(java.util.Comparator.comparingInt(SchemaVersion::version)).toList();
    }
}
