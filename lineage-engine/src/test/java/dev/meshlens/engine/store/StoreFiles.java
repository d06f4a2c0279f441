package dev.meshlens.engine.store;

import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** Test helpers around a real H2 catalog file in a temporary directory. */
final class StoreFiles {
    private StoreFiles() {
    }

    static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("catalog");
    }

    /** Imports {@code content} (its sources and facts) as one snapshot. */
    static Snapshot importContent(CatalogStore store, String cluster, Instant takenAt, MeshContent content) {
        try (ImportSession session = store.beginImport(cluster, "test", takenAt)) {
            content.writeTo(session);
            return session.commit();
        }
    }

    /** Content that covers {@code sources} and holds nothing but what the builder adds. */
    static MeshContent.Collector covering(SourceKind... sources) {
        MeshContent.Collector collector = new MeshContent.Collector();
        for (SourceKind source : sources) {
            collector.cover(source);
        }
        return collector;
    }

    /** The result of one SQL query returning a single number, read through a connection of its own. */
    static long count(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** H2's SCRIPT dump of the whole database: schema and every row, as SQL text. */
    static String scriptDump(String url) {
        StringBuilder dump = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SCRIPT NOPASSWORDS")) {
            while (rs.next()) {
                dump.append(rs.getString(1)).append('\n');
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return dump.toString();
    }
}
