package dev.meshlens.engine.store;

import static dev.meshlens.engine.store.Facts.T0;
import static dev.meshlens.engine.store.StoreFiles.covering;
import static dev.meshlens.engine.store.StoreFiles.importContent;
import static dev.meshlens.engine.store.StoreFiles.scriptDump;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A failed import leaves the store exactly as it was: compared with every row of every catalog table, on H2
 * and on PostgreSQL, and on H2 also with its SCRIPT dump of the whole database (schema and every row).
 */
@ParameterizedClass
@MethodSource("dev.meshlens.engine.store.TestDatabase#all")
class ImportRollbackTest {
    private static final int ROWS = 2_000;

    @Parameter
    TestDatabase database;
    @TempDir
    Path dir;
    TestCatalog catalog;
    CatalogStore store;
    List<Snapshot> snapshotsBefore;
    String dumpBefore;

    @BeforeEach
    void importA() {
        catalog = database.fresh(dir);
        store = catalog.open();
        MeshContent.Collector a = covering(SourceKind.ACLS, SourceKind.TOPICS, SourceKind.GROUPS);
        for (int i = 0; i < ROWS; i++) {
            a.acl(Facts.acl(i));
        }
        a.topic(Facts.topic("orders"));
        a.group(Facts.group("billing"));
        importContent(store, "prod", T0, a.content());
        snapshotsBefore = store.snapshots();
        dumpBefore = dump();
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        if (catalog != null) {
            catalog.close();
        }
    }

    /** The whole database as text: H2's byte-exact SCRIPT where there is one, every table's rows anyway. */
    private String dump() {
        String rows = catalog.tableDump();
        return database == TestDatabase.H2 ? rows + scriptDump(catalog.url()) : rows;
    }

    /** Import B: replaces half of A's ACLs, adds a topic and a group. */
    private static void writeB(MeshSink sink, int upTo) {
        sink.cover(SourceKind.ACLS);
        sink.cover(SourceKind.TOPICS);
        sink.cover(SourceKind.GROUPS);
        sink.topic(Facts.topic("payments"));
        sink.group(Facts.group("shipping"));
        for (int i = 0; i < upTo; i++) {
            sink.acl(Facts.acl(i + ROWS / 2));
        }
    }

    /** An importer that fails after half of its rows, the way a parser meets a bad line. */
    private static void failingImporter(MeshSink sink) {
        writeB(sink, ROWS / 2);
        throw new IllegalStateException("acls.txt:2501: unexpected end of line");
    }

    @Test
    void importerFailingMidwayLeavesTheDatabaseAsItWas() {
        assertThatThrownBy(() -> {
            try (ImportSession session = store.beginImport("prod", "B", T0.plusSeconds(60))) {
                failingImporter(session);
                session.commit();
            }
        }).hasMessageContaining("unexpected end of line");

        assertThat(dump()).isEqualTo(dumpBefore);
        assertThat(store.snapshots()).isEqualTo(snapshotsBefore);
    }

    @Test
    void closeWithoutCommitLeavesTheDatabaseAsItWas() {
        try (ImportSession session = store.beginImport("prod", "B", T0.plusSeconds(60))) {
            writeB(session, ROWS);
        }

        assertThat(dump()).isEqualTo(dumpBefore);
        assertThat(store.snapshots()).isEqualTo(snapshotsBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {"written", "dropped", "closed", "snapshot"})
    void failureInsideTheCommitRollsBackEverythingWrittenSoFar(String failingStep) {
        store.commitHook((step, transaction) -> {
            if (step.equals(failingStep)) {
                throw new SQLException("injected failure after " + step);
            }
        });

        try (ImportSession session = store.beginImport("prod", "B", T0.plusSeconds(60))) {
            writeB(session, ROWS);
            assertThatThrownBy(session::commit).isInstanceOf(StoreException.class)
                    .hasMessageContaining("cannot commit the import of cluster prod")
                    .hasMessageContaining("injected failure after " + failingStep);
        }

        assertThat(dump()).isEqualTo(dumpBefore);
        assertThat(store.snapshots()).isEqualTo(snapshotsBefore);
    }

    @Test
    void rolledBackCommitHadReallyWrittenItsSnapshotAndFacts() {
        long[] seenInsideCommit = new long[3];
        store.commitHook((step, transaction) -> {
            if (step.equals("snapshot")) {
                seenInsideCommit[0] = countIn(transaction, "SELECT COUNT(*) FROM snapshot");
                seenInsideCommit[1] = countIn(transaction, "SELECT COUNT(*) FROM fact WHERE valid_from = 2");
                seenInsideCommit[2] = countIn(transaction, "SELECT COUNT(*) FROM fact WHERE valid_to = 2");
                throw new SQLException("injected failure");
            }
        });

        try (ImportSession session = store.beginImport("prod", "B", T0.plusSeconds(60))) {
            writeB(session, ROWS);
            assertThatThrownBy(session::commit).isInstanceOf(StoreException.class);
        }

        // inside the transaction: snapshot 2, B's new ACLs, topic and group added, A's first half closed
        assertThat(seenInsideCommit).containsExactly(2, ROWS / 2 + 2, ROWS / 2 + 2);
        assertThat(dump()).isEqualTo(dumpBefore);
    }

    private static long countIn(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void storeAcceptsTheSameImportAfterAFailedOne() {
        try (ImportSession session = store.beginImport("prod", "B", T0.plusSeconds(60))) {
            writeB(session, ROWS / 2);
        }

        Snapshot b;
        try (ImportSession session = store.beginImport("prod", "B", T0.plusSeconds(60))) {
            writeB(session, ROWS);
            b = session.commit();
        }

        assertThat(b.id()).isEqualTo(2);
        assertThat(store.state("prod", b.id()).content().acls()).hasSize(ROWS);
    }

    @Test
    void sessionIsUnusableAfterAFailedCommit() {
        store.commitHook((step, transaction) -> {
            throw new SQLException("disk full");
        });
        try (ImportSession session = store.beginImport("prod", "B", T0.plusSeconds(60))) {
            writeB(session, 10);
            assertThatThrownBy(session::commit).isInstanceOf(StoreException.class);

            assertThatThrownBy(() -> session.acl(Facts.acl(1))).isInstanceOf(IllegalStateException.class);
        }
    }
}
