package dev.meshlens.engine.store;

import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.SourceKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The SQL that reads facts back. Stateless; works on the connection it is given. */
final class FactQueries {
    /** Rows fetched per round trip on databases that stream results (PostgreSQL); H2 ignores it. */
    private static final int FETCH_SIZE = 5_000;

    private FactQueries() {
    }

    /**
     * Replays into {@code sink} the facts of {@code cluster} and {@code source} that the import with id
     * {@code snapshotId} saw: the rows whose range [valid_from, valid_to) contains that id.
     *
     * @return the number of facts replayed
     * @throws StoreException when a stored payload cannot be read back
     */
    static long replay(Connection c, FactSerializer serializer, String cluster, SourceKind source, long snapshotId,
                       MeshSink sink) throws SQLException {
        long count = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, kind, payload FROM fact"
                + " WHERE cluster = ? AND source = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)")) {
            ps.setFetchSize(FETCH_SIZE);
            ps.setString(1, cluster);
            ps.setString(2, source.label());
            ps.setLong(3, snapshotId);
            ps.setLong(4, snapshotId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    FactKind kind = FactKind.fromLabel(rs.getString(2));
                    Object fact;
                    try {
                        fact = serializer.fromJson(rs.getString(3), kind.type());
                    } catch (IllegalArgumentException e) {
                        throw new StoreException("fact " + rs.getLong(1) + " of cluster " + cluster
                                + " cannot be read back: " + e.getMessage(), e);
                    }
                    kind.replay(fact, sink);
                    count++;
                }
            }
        }
        return count;
    }
}
