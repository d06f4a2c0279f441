package dev.meshlens.engine.store;

import static dev.meshlens.engine.store.Facts.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing a store after imports leaves a compact H2 file with the same content. */
class CompactionTest {
    @TempDir
    Path dir;

    private static Snapshot importAcls(CatalogStore store, int day, int count) {
        try (ImportSession session = store.beginImport("prod", "day " + day, T0.plusSeconds(86_400L * day))) {
            session.cover(SourceKind.ACLS);
            for (int i = 0; i < count; i++) {
                session.acl(Facts.acl(i + day * 10));
            }
            return session.commit();
        }
    }

    @Test
    void closingAfterImportsLeavesAFileThatAFullCompactionCannotShrink() throws Exception {
        Path file = dir.resolve("catalog.mv.db");
        try (CatalogStore store = CatalogStore.open(StoreFiles.url(dir))) {
            for (int day = 0; day < 3; day++) {
                importAcls(store, day, 3_000);
            }
        }
        long afterClose = Files.size(file);

        try (Connection c = DriverManager.getConnection(StoreFiles.url(dir)); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }

        // without compaction on close the file is more than twice the compacted size (garbage, no compression)
        assertThat(afterClose).isLessThanOrEqualTo(Files.size(file) * 11 / 10);
    }

    @Test
    void compactedFileKeepsItsContent() {
        Snapshot last;
        MeshContent content;
        try (CatalogStore store = CatalogStore.open(StoreFiles.url(dir))) {
            importAcls(store, 0, 1_000);
            last = importAcls(store, 1, 1_000);
            content = store.state("prod", last.id()).content();
        }

        try (CatalogStore reopened = CatalogStore.open(StoreFiles.url(dir))) {
            assertThat(reopened.snapshots()).hasSize(2);
            assertThat(reopened.state("prod", last.id()).content()).isEqualTo(content);
        }
    }
}
