package dev.meshlens.importers;

import dev.meshlens.engine.export.ExportFormat;
import dev.meshlens.engine.export.ExportOptions;
import dev.meshlens.engine.export.SnapshotExporter;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageOptions;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.Topic;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.engine.store.ImportSession;
import dev.meshlens.engine.store.StoreException;
import dev.meshlens.importers.file.ImportProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Re-opening JSON exports in another catalog, on real H2 files. */
class ExportImporterTest {
    private static final Instant T1 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T08:00:00Z");

    @TempDir
    Path dir;
    private CatalogStore source;
    private CatalogStore target;
    private CatalogState exported;

    @BeforeEach
    void exportTwoImports() {
        source = CatalogStore.open("jdbc:h2:file:" + dir.resolve("source"));
        target = CatalogStore.open("jdbc:h2:file:" + dir.resolve("target"));
        land(source, facts(), T1);
        MeshContent.Collector catalog = new MeshContent.Collector();
        catalog.cover(SourceKind.CATALOG);
        catalog.product(new DataProduct("Orders", "orders", "prod", null, "sales", "team-orders", null, 1, "gold",
                List.of("pii"), null, null));
        Snapshot second = land(source, catalog.content(), T2);
        exported = source.state("prod", second.id());
    }

    @AfterEach
    void closeStores() {
        source.close();
        target.close();
    }

    private static MeshContent facts() {
        MeshContent.Collector c = new MeshContent.Collector();
        EnumSet.of(SourceKind.ACLS, SourceKind.TOPICS, SourceKind.GROUPS).forEach(c::cover);
        c.acl(new AclBinding(ResourceType.TOPIC, PatternType.LITERAL, "orders", "User:billing", "*",
                AclOperation.READ, AclPermission.ALLOW));
        c.acl(new AclBinding(ResourceType.GROUP, PatternType.LITERAL, "billing-app", "User:billing", "*",
                AclOperation.READ, AclPermission.ALLOW));
        c.topic(new Topic("orders", null, 1, 1, Map.of()));
        c.group(new ConsumerGroup("billing-app", GroupState.STABLE, null, null, List.of(),
                List.of(new PartitionOffset("orders", 0, 3L, 8L, null))));
        return c.content();
    }

    private static Snapshot land(CatalogStore store, MeshContent content, Instant at) {
        try (ImportSession session = store.beginImport("prod", "test", at)) {
            content.writeTo(session);
            return session.commit();
        }
    }

    private Path export(Set<ExportFormat> formats) {
        Path out = dir.resolve("export");
        new SnapshotExporter(exported, LineageGraph.build(exported, LineageOptions.defaults()))
                .export(out, formats, ExportOptions.of("test"));
        return out;
    }

    private Snapshot importExport(Path export) {
        return new ExportImporter(target, ImportProgress.NONE).importExport(export, Optional.empty());
    }

    @Test
    void theExportedSnapshotIsRestoredAtItsOriginalTime() {
        Snapshot restored = importExport(export(EnumSet.of(ExportFormat.JSON)));

        assertThat(restored.takenAt()).isEqualTo(T2);
        assertThat(restored.cluster()).isEqualTo("prod");
        assertThat(restored.sources()).containsExactlyInAnyOrder(SourceKind.ACLS, SourceKind.TOPICS,
                SourceKind.GROUPS, SourceKind.CATALOG);
        assertThat(restored.origin()).isEqualTo("export of snapshot 2 of cluster prod (export)");
    }

    @Test
    void theRestoredCatalogHoldsTheExportedFacts() {
        Snapshot restored = importExport(export(EnumSet.of(ExportFormat.JSON, ExportFormat.CSV)));

        assertThat(target.state("prod", restored.id()).content()).isEqualTo(exported.content());
    }

    @Test
    void anAlteredExportIsRefusedNamingTheFileAndNothingIsImported() throws IOException {
        Path export = export(EnumSet.of(ExportFormat.JSON));
        Path mesh = export.resolve("mesh.json");
        Files.writeString(mesh, Files.readString(mesh).replace("\"User:billing\"", "\"User:mallory\""));

        assertThatThrownBy(() -> importExport(export))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("the export was altered since it was made (changed: mesh.json)");
        assertThat(target.snapshots()).isEmpty();
    }

    @Test
    void anExportWithoutJsonCannotBeImported() {
        Path export = export(EnumSet.of(ExportFormat.GRAPHML));

        assertThatThrownBy(() -> importExport(export))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("only a json export can be imported");
    }

    @Test
    void aDirectoryThatIsNoExportIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("plain"));

        assertThat(ExportImporter.isExport(dir.resolve("plain"))).isFalse();
        assertThatThrownBy(() -> importExport(dir.resolve("plain")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("it has no MANIFEST.json");
    }

    @Test
    void aCatalogWithALaterSnapshotRefusesTheExport() {
        land(target, facts(), T2.plusSeconds(1));
        Path export = export(EnumSet.of(ExportFormat.JSON));

        assertThatThrownBy(() -> importExport(export))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("snapshots must be imported in time order");
    }

    @Test
    void importingIntoAnotherClusterIsRefused() {
        Path export = export(EnumSet.of(ExportFormat.JSON));

        assertThatThrownBy(() -> new ExportImporter(target, ImportProgress.NONE).importExport(export,
                Optional.of("staging")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("import it with --cluster prod");
        assertThat(target.snapshots()).isEmpty();
    }
}
