package dev.meshlens.app.ui.service;

/**
 * What the lineage of one snapshot says about its topics. Summaries are asked for every product of the table;
 * full facts only for the products a user opens, so an implementation may compute them on demand.
 * Implementations are immutable or thread-safe: facts are read on worker threads and the UI thread.
 */
public interface CatalogFacts {

    /** The table's view of {@code topic}; a topic nothing is known about has zero consumers. */
    TopicSummary summary(String topic);

    /** Everything the product page shows about {@code topic}; unknown topics give {@link TopicFacts#unknown}. */
    TopicFacts facts(String topic);

    /** The lineage graph these facts were computed from, when they were computed from one. */
    default java.util.Optional<dev.meshlens.engine.lineage.LineageGraph> lineage() {
        return java.util.Optional.empty();
    }
}
