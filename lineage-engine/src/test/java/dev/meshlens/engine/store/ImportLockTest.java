package dev.meshlens.engine.store;

import static dev.meshlens.engine.store.Facts.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Imports into one catalog run one at a time; readers never wait for them. */
@ParameterizedClass
@MethodSource("dev.meshlens.engine.store.TestDatabase#all")
class ImportLockTest {
    @Parameter
    TestDatabase database;
    @TempDir
    Path dir;
    TestCatalog catalog;

    @BeforeEach
    void location() {
        catalog = database.fresh(dir);
    }

    @AfterEach
    void drop() {
        if (catalog != null) {
            catalog.close();
        }
    }

    @Test
    void secondImportGivesUpWithAClearMessageWhenTheFirstTakesLongerThanTheLockTimeout() {
        try (CatalogStore store = catalog.openWithLockTimeout(100);
             ImportSession first = store.beginImport("prod", "first", T0)) {
            first.cover(SourceKind.ACLS);

            assertThatThrownBy(() -> store.beginImport("staging", "second", T0))
                    .isInstanceOf(StoreException.class)
                    .hasMessageEndingWith("another import into it is in progress and did not finish in time");
        }
    }

    @Test
    void secondImportWaitsForTheFirstAndLandsAfterIt() throws Exception {
        try (CatalogStore store = catalog.open()) {
            Snapshot first;
            CompletableFuture<Snapshot> second;
            try (ImportSession session = store.beginImport("prod", "first", T0)) {
                session.cover(SourceKind.ACLS);
                session.acl(Facts.acl(1));
                second = CompletableFuture.supplyAsync(() -> {
                    try (ImportSession other = store.beginImport("staging", "second", T0.plusSeconds(1))) {
                        other.cover(SourceKind.TOPICS);
                        return other.commit();
                    }
                });
                Thread.sleep(200);
                assertThat(second).isNotDone();
                first = session.commit();
            }

            assertThat(first.id()).isEqualTo(1);
            assertThat(second.get(30, TimeUnit.SECONDS).id()).isEqualTo(2);
        }
    }

    @Test
    void readersDoNotWaitForAnOpenImportNorSeeIt() {
        try (CatalogStore store = catalog.openWithLockTimeout(100);
             ImportSession session = store.beginImport("prod", "open", T0)) {
            session.cover(SourceKind.ACLS);
            session.acl(Facts.acl(1));

            assertThat(store.snapshots()).isEmpty();
            assertThat(store.clusters()).isEmpty();
        }
    }

    @Test
    void closedImportReleasesTheLock() {
        try (CatalogStore store = catalog.openWithLockTimeout(100)) {
            store.beginImport("prod", "abandoned", T0).close();

            try (ImportSession next = store.beginImport("prod", "next", T0)) {
                next.cover(SourceKind.ACLS);
                assertThat(next.commit().id()).isEqualTo(1);
            }
        }
    }

    @Test
    void secondClientReadingWhileAnotherImportsSeesOnlyWholeSnapshots() throws Exception {
        int imports = 5;
        int acls = 500;
        try (CatalogStore writer = catalog.open(); CatalogStore reader = catalog.open()) {
            CompletableFuture<Void> importing = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < imports; i++) {
                    try (ImportSession session = writer.beginImport("prod", "import " + i, T0.plusSeconds(i))) {
                        session.cover(SourceKind.ACLS);
                        for (int a = 0; a < acls; a++) {
                            // every import replaces a fifth of the ACLs, so each snapshot differs from the last
                            session.acl(Facts.acl(a + i * acls / 5));
                        }
                        session.commit();
                    }
                }
            });
            int reads = 0;
            while (!importing.isDone() || reads == 0) {
                for (Snapshot snapshot : reader.snapshots()) {
                    assertThat(reader.state("prod", snapshot.id()).content().acls()).hasSize(acls);
                }
                reads++;
            }
            importing.get(60, TimeUnit.SECONDS);

            assertThat(reader.snapshots()).hasSize(imports);
        }
    }
}
