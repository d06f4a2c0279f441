package dev.meshlens.app.ui.service;

import dev.meshlens.app.ui.task.TaskContext;
import dev.meshlens.engine.lineage.LineageOptions;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.store.CatalogStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The window's catalog over a real H2 store and the real file importers. */
class StoreCatalogServiceTest {
    private static final String CATALOG = """
            Name,Topic,Bootstrap URI,Owner,SLA,Quality,Schema URI,Description,Domain,Tags,Lifecycle
            Orders,shop.orders,kafka://b:9092,sales@x,Tier 1,gold,,Every order,sales,pii,active
            Report,shop.report,kafka://b:9092,bi@x,Tier 3,silver,,Daily report,analytics,,active
            """;
    private static final String MESH = """
            {"cluster": "shop",
             "acls": [
              {"resourceType":"TOPIC","patternType":"LITERAL","resourceName":"shop.orders","principal":"User:checkout",
               "host":"*","operation":"WRITE","permission":"ALLOW"},
              {"resourceType":"TOPIC","patternType":"LITERAL","resourceName":"shop.orders","principal":"User:bi",
               "host":"*","operation":"READ","permission":"ALLOW"},
              {"resourceType":"TOPIC","patternType":"LITERAL","resourceName":"shop.report","principal":"User:bi",
               "host":"*","operation":"WRITE","permission":"ALLOW"}],
             "topics": [
              {"name":"shop.orders","partitions":1,"replicationFactor":1,"configs":{}},
              {"name":"shop.report","partitions":1,"replicationFactor":1,"configs":{}}]}
            """;

    @TempDir
    Path dir;

    private CatalogStore store;
    private StoreCatalogService service;
    private final List<String> log = new ArrayList<>();
    private final List<long[]> progress = new ArrayList<>();

    @BeforeEach
    void openStore() {
        store = CatalogStore.open("jdbc:h2:file:" + dir.resolve("db").resolve("catalog"));
        service = new StoreCatalogService(store, LineageOptions.defaults(),
                Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void closeStore() {
        service.close();
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private TaskContext context(int cancelAfterChecks) {
        return new TaskContext() {
            private int checks;

            @Override
            public void updateProgress(long done, long total) {
                progress.add(new long[] {done, total});
            }

            @Override
            public void updateMessage(String message) {
            }

            @Override
            public void log(String line) {
                log.add(line);
            }

            @Override
            public boolean isCancelled() {
                return ++checks > cancelAfterChecks;
            }
        };
    }

    @Test
    void anImportLandsAsASnapshotOfTheCluster() throws IOException {
        Snapshot snapshot = service.importFiles("shop", List.of(file("catalog.csv", CATALOG)),
                context(Integer.MAX_VALUE));

        assertThat(snapshot.cluster()).isEqualTo("shop");
        assertThat(snapshot.sources()).containsExactly(SourceKind.CATALOG);
        assertThat(service.clusters()).containsExactly("shop");
        assertThat(service.snapshots("shop")).containsExactly(snapshot);
        assertThat(service.load("shop", snapshot.id()).products()).extracting(p -> p.name())
                .containsExactly("Orders", "Report");
    }

    @Test
    void theLogSaysWhatEachFileHeld() throws IOException {
        service.importFiles("shop", List.of(file("catalog.csv", CATALOG)), context(Integer.MAX_VALUE));

        assertThat(log).anyMatch(line -> line.startsWith("read catalog.csv") && line.contains("catalog"));
    }

    @Test
    void progressReachesEveryByteOfEveryFile() throws IOException {
        Path catalog = file("catalog.csv", CATALOG);
        Path mesh = file("mesh.json", MESH);

        service.importFiles("shop", List.of(catalog, mesh), context(Integer.MAX_VALUE));

        long total = Files.size(catalog) + Files.size(mesh);
        assertThat(progress.get(progress.size() - 1)).containsExactly(total, total);
    }

    @Test
    void aMalformedFileNamesItsLineAndLeavesTheStoreAsItWas() throws IOException {
        service.importFiles("shop", List.of(file("catalog.csv", CATALOG)), context(Integer.MAX_VALUE));
        Path bad = file("bad.csv", CATALOG + "Broken,shop.broken,,x@x,Tier 9,gold,,,sales,,active\n");

        assertThatThrownBy(() -> service.importFiles("shop", List.of(file("mesh.json", MESH), bad),
                context(Integer.MAX_VALUE)))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(bad + ":4:");

        assertThat(service.snapshots("shop")).hasSize(1);
    }

    @Test
    void cancelBeforeTheFirstFileLeavesTheStoreAsItWas() throws IOException {
        Path mesh = file("mesh.json", MESH);

        // the first check passes; the importer's report that the file starts sees the cancel
        assertThatThrownBy(() -> service.importFiles("shop", List.of(mesh), context(1)))
                .isInstanceOf(CancellationException.class);

        assertThat(service.clusters()).isEmpty();
    }

    @Test
    void cancelAfterTheLastFileWasReadStillLeavesTheStoreAsItWas() throws IOException {
        Path mesh = file("mesh.json", MESH);

        // every fact has been read when the file's end is reported; the commit must not happen
        assertThatThrownBy(() -> service.importFiles("shop", List.of(mesh), context(2)))
                .isInstanceOf(CancellationException.class);

        assertThat(service.clusters()).isEmpty();
    }

    @Test
    void aFolderIsImportedAsSchemas() throws IOException {
        Path schemas = Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(schemas.resolve("shop.orders-value.avsc"),
                "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");

        Snapshot snapshot = service.importFiles("shop", List.of(schemas), context(Integer.MAX_VALUE));

        assertThat(snapshot.sources()).containsExactly(SourceKind.SCHEMAS);
        assertThat(service.load("shop", snapshot.id()).schemaVersions("shop.orders-value")).hasSize(1);
    }

    @Test
    void loadingBuildsTheLineageOfTheSnapshot() throws IOException {
        Snapshot snapshot = service.importFiles("shop", List.of(file("catalog.csv", CATALOG),
                file("mesh.json", MESH)), context(Integer.MAX_VALUE));

        LoadedCatalog loaded = service.load("shop", snapshot.id());

        assertThat(loaded.facts("shop.orders").consumers()).extracting(ConsumerRow::principal)
                .containsExactly("User:bi");
        assertThat(loaded.facts("shop.report").upstreamTopics()).containsExactly("shop.orders");
        assertThat(loaded.summary("shop.report").worstUpstreamTier()).isEqualTo(1);
        assertThat(loaded.historical()).isFalse();
    }

    @Test
    void anOlderSnapshotLoadsAsHistorical() throws IOException {
        Snapshot first = service.importFiles("shop", List.of(file("catalog.csv", CATALOG)),
                context(Integer.MAX_VALUE));
        service.importFiles("shop", List.of(file("mesh.json", MESH)), context(Integer.MAX_VALUE));

        LoadedCatalog loaded = service.load("shop", first.id());

        assertThat(loaded.historical()).isTrue();
        assertThat(loaded.snapshot()).isEqualTo(first);
        assertThat(loaded.state().has(SourceKind.ACLS)).isFalse();
    }

    @Test
    void aSnapshotOfAnotherClusterIsRefused() throws IOException {
        Snapshot other = service.importFiles("staging", List.of(file("catalog.csv", CATALOG.replace("shop.", "stg."))),
                context(Integer.MAX_VALUE));

        assertThatThrownBy(() -> service.load("shop", other.id()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("snapshot #" + other.id() + " is of cluster staging, not shop");
    }

    @Test
    void theDemoMeshLandsAsClusterDemoWithItsProductsAndSchemas() throws IOException {
        List<Snapshot> snapshots = service.importDemo(context(Integer.MAX_VALUE));

        assertThat(service.clusters()).containsExactly("demo");
        LoadedCatalog loaded = service.load("demo", snapshots.get(snapshots.size() - 1).id());
        assertThat(loaded.productOn("sales.orders.placed")).isPresent();
        assertThat(loaded.schemaVersions("sales.orders.placed-value")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void theNameIsTheDatabaseName() {
        assertThat(StoreCatalogService.nameOf("jdbc:h2:file:/home/a/.meshlens/catalog")).isEqualTo("catalog");
        assertThat(StoreCatalogService.nameOf("jdbc:h2:file:/data/team;AUTO_SERVER=TRUE")).isEqualTo("team");
        assertThat(StoreCatalogService.nameOf("jdbc:postgresql://db:5432/meshlens?ssl=true")).isEqualTo("meshlens");
    }
}
