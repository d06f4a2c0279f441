package dev.meshlens.engine.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.ResourceType;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.store.FactSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export "as of D" holds exactly what the snapshot at D held: three snapshots that differ (the full mesh; ACLs
 * changed; the catalog changed), exported as of a date after each.
 */
class PointInTimeExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FactSerializer FACTS = new FactSerializer();
    private static final Instant T2 = ExportMesh.T1.plus(Duration.ofDays(1));
    private static final Instant T3 = ExportMesh.T1.plus(Duration.ofDays(2));
    private static final AclBinding SHIPPING_READS = ExportMesh.allow(ResourceType.TOPIC, "orders",
            "User:shipping-svc", AclOperation.READ);
    private static final AclBinding FRAUD_READS = ExportMesh.allow(ResourceType.TOPIC, "orders", "User:fraud-svc",
            AclOperation.READ);

    @TempDir
    static Path dir;
    private static ExportMesh mesh;

    @BeforeAll
    static void threeSnapshots() {
        mesh = new ExportMesh(dir.resolve("catalog"));
        MeshContent full = ExportMesh.full();
        mesh.importContent(full, ExportMesh.T1);

        MeshContent.Collector acls = new MeshContent.Collector();
        acls.cover(SourceKind.ACLS);
        full.acls().stream().filter(a -> !a.equals(SHIPPING_READS)).forEach(acls::acl);
        acls.acl(FRAUD_READS);
        mesh.importContent(acls.content(), T2);

        MeshContent.Collector catalog = new MeshContent.Collector();
        catalog.cover(SourceKind.CATALOG);
        for (DataProduct p : full.products()) {
            catalog.product(p.topic().equals("orders") ? new DataProduct(p.name(), p.topic(), p.cluster(),
                    p.bootstrapUri(), p.domain(), p.owner(), p.description(), 3, p.quality(), p.tags(),
                    p.schemaUri(), p.lifecycle()) : p);
        }
        mesh.importContent(catalog.content(), T3);
    }

    @AfterAll
    static void closeStore() {
        mesh.close();
    }

    /** Exports the snapshot as of {@code at}, as {@code meshlens export --at} chooses it. */
    private static JsonNode exportAsOf(Instant at, String name) throws IOException {
        Snapshot asOf = mesh.store().latestAtOrBefore(ExportMesh.CLUSTER, at).orElseThrow();
        CatalogState state = mesh.state(asOf);
        Path out = dir.resolve(name);
        new SnapshotExporter(state, ExportMesh.lineage(state)).export(out, EnumSet.of(ExportFormat.JSON),
                ExportOptions.of("1"));
        return JSON.readTree(Files.readString(out.resolve("mesh.json")));
    }

    private static <T> List<T> section(JsonNode root, String key, Class<T> type) {
        List<T> facts = new ArrayList<>();
        root.get(key).forEach(e -> facts.add(FACTS.fromJson(e.toString(), type)));
        return facts;
    }

    @Test
    void eachExportHoldsExactlyItsSnapshotsFacts() throws IOException {
        Instant[] dates = {ExportMesh.T1.plusSeconds(60), T2.plusSeconds(60), T3.plusSeconds(60)};
        for (int i = 0; i < dates.length; i++) {
            JsonNode exported = exportAsOf(dates[i], "exact-" + i);
            MeshContent held = mesh.store().state(ExportMesh.CLUSTER, i + 1).content();

            assertThat(exported.get("snapshot").get("id").asLong()).isEqualTo(i + 1);
            assertThat(section(exported, "acls", AclBinding.class)).isEqualTo(held.acls());
            assertThat(section(exported, "products", DataProduct.class)).isEqualTo(held.products());
        }
    }

    @Test
    void theFirstExportHasTheOriginalAclsAndTiers() throws IOException {
        JsonNode first = exportAsOf(T2.minusSeconds(1), "first");

        assertThat(section(first, "acls", AclBinding.class)).contains(SHIPPING_READS).doesNotContain(FRAUD_READS);
        assertThat(tierOfOrders(first)).isEqualTo(1);
        assertThat(first.get("snapshot").get("takenAt").asText()).isEqualTo("2026-03-01T08:00:00Z");
    }

    @Test
    void theSecondExportHasTheChangedAclsAndTheOriginalCatalog() throws IOException {
        JsonNode second = exportAsOf(T2, "second");

        assertThat(section(second, "acls", AclBinding.class)).contains(FRAUD_READS).doesNotContain(SHIPPING_READS);
        assertThat(tierOfOrders(second)).isEqualTo(1);
        assertThat(second.get("snapshot").get("sources").get("acls").asLong()).isEqualTo(2);
        assertThat(second.get("snapshot").get("sources").get("catalog").asLong()).isEqualTo(1);
        assertThat(edgeIds(second)).contains("read:product:orders->service:User:fraud-svc")
                .doesNotContain("read:product:orders->service:User:shipping-svc");
    }

    @Test
    void theThirdExportHasTheChangedCatalogAndKeepsTheChangedAcls() throws IOException {
        JsonNode third = exportAsOf(T3.plus(Duration.ofDays(30)), "third");

        assertThat(tierOfOrders(third)).isEqualTo(3);
        assertThat(section(third, "acls", AclBinding.class)).contains(FRAUD_READS).doesNotContain(SHIPPING_READS);
        assertThat(third.get("snapshot").get("sources").get("catalog").asLong()).isEqualTo(3);
    }

    private static int tierOfOrders(JsonNode root) {
        return section(root, "products", DataProduct.class).stream().filter(p -> p.topic().equals("orders"))
                .findFirst().orElseThrow().slaTier();
    }

    private static List<String> edgeIds(JsonNode root) {
        List<String> ids = new ArrayList<>();
        root.get("lineage").get("edges").forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }
}
