package dev.meshlens.app.ui.catalog;

import dev.meshlens.app.ui.TestMesh;
import dev.meshlens.app.ui.product.SchemaFieldReader;
import dev.meshlens.app.ui.service.LoadedCatalog;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProductRowTest {
    private final LoadedCatalog catalog = TestMesh.service().load(TestMesh.CLUSTER, 2);

    private ProductRow row(dev.meshlens.engine.model.DataProduct product) {
        return ProductRow.of(catalog, product, new SchemaFieldReader());
    }

    @Test
    void countsTheConsumersOfTheTopic() {
        assertThat(row(TestMesh.ORDERS).consumers()).isEqualTo(4);
    }

    @Test
    void freshnessIsTheAgeOfTheNewestRecordAtSnapshotTime() {
        assertThat(row(TestMesh.ORDERS).freshness()).isEqualTo(Duration.ofMinutes(12));
    }

    @Test
    void freshnessIsUnknownWithoutRecordTimes() {
        assertThat(row(TestMesh.CAPTURES).freshness()).isNull();
    }

    @Test
    void aProductPromisingMoreThanItsUpstreamIsAViolation() {
        assertThat(row(TestMesh.KPIS).tierViolation()).isTrue();
        assertThat(row(TestMesh.VALIDATED).tierViolation()).isFalse();
    }

    @Test
    void aTopicMissingFromTheTopicListingIsFlagged() {
        assertThat(row(TestMesh.TRACKING).topicMissing()).isTrue();
        assertThat(row(TestMesh.ORDERS).topicMissing()).isFalse();
    }

    @Test
    void schemaFieldNamesComeFromTheNewestVersion() {
        assertThat(row(TestMesh.ORDERS).schemaFieldNames()).contains("currency", "shipping.city");
    }
}
