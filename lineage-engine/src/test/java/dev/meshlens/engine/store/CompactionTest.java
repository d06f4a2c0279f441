package dev.meshlens.engine.store;

import static dev.meshlens.engine.store.Facts.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void closingAfterImportsShrinksTheFileAndKeepsItsContent() throws IOException {
        Path file = dir.resolve("catalog.mv.db");
        CatalogStore store = CatalogStore.open(StoreFiles.url(dir));
        Snapshot last = null;
        for (int day = 0; day < 3; day++) {
            last = importAcls(store, day, 3_000);
        }
        long beforeClose = Files.size(file);
        var content = store.state("prod", last.id()).content();

        store.close();

        assertThat(Files.size(file)).isLessThan(beforeClose);
        try (CatalogStore reopened = CatalogStore.open(StoreFiles.url(dir))) {
            assertThat(reopened.state("prod", last.id()).content()).isEqualTo(content);
        }
    }
}
