package dev.meshlens.app.ui.catalog;

import dev.meshlens.app.ui.product.SchemaFieldReader;
import dev.meshlens.app.ui.product.SchemaSubjects;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.app.ui.service.TopicSummary;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.SourceKind;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of the product table: the product and what the table shows beside it, computed once per load.
 *
 * @param consumers          how many consumers (principals or groups) read the product's topic
 * @param newestRecord       when the newest record on the topic was written, or null when unknown
 * @param freshness          how old that record was when the snapshot was taken, or null when unknown
 * @param worstUpstreamTier  the weakest tier upstream, or null when nothing upstream declares one
 * @param topicMissing       whether the imported topic listing lacks the product's topic
 * @param schemaFieldNames   the field names of the newest registered schema version, for the search
 */
public record ProductRow(DataProduct product, int consumers, Instant newestRecord, Duration freshness,
                         Integer worstUpstreamTier, boolean topicMissing, List<String> schemaFieldNames) {

    public ProductRow {
        Objects.requireNonNull(product, "product");
        schemaFieldNames = List.copyOf(schemaFieldNames);
    }

    /**
     * Builds the row of {@code product} from a loaded catalog. May parse schemas: call off the UI thread.
     */
    public static ProductRow of(LoadedCatalog catalog, DataProduct product, SchemaFieldReader schemas) {
        TopicSummary summary = catalog.summary(product.topic());
        Instant taken = catalog.snapshot().takenAt();
        Duration freshness = summary.newestRecord() == null ? null
                : Duration.between(summary.newestRecord(), taken);
        List<SchemaVersion> versions = catalog.schemaVersions(SchemaSubjects.subjectOf(product));
        List<String> fields = versions.isEmpty() ? List.of() : schemas.fieldNames(versions.get(versions.size() - 1));
        boolean missing = catalog.state().has(SourceKind.TOPICS) && !catalog.topicKnown(product.topic());
        return new ProductRow(product, summary.consumers(), summary.newestRecord(), freshness,
                summary.worstUpstreamTier(), missing, fields);
    }

    /** Whether the product promises a stronger tier than its upstream can give. */
    public boolean tierViolation() {
        return worstUpstreamTier != null && product.slaTier() != null && product.slaTier() < worstUpstreamTier;
    }
}
