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

    /** Rows of other snapshots a range read may pass over before a new range is cheaper. */
    private static final int MAX_SKIPPED_ROWS = 512;

    /**
     * Replays into {@code sink} the facts of {@code cluster} and {@code source} that the import with id
     * {@code snapshotId} saw: the rows whose range [valid_from, valid_to) contains that id.
     *
     * <p>Two steps, because a catalog with a long history holds many more rows than any one snapshot sees: the
     * ids of the facts that hold are found in {@code ix_fact_current} alone, and only those rows are parsed,
     * read by primary-key ranges in id order, so each page of the table is read about once.
     *
     * @return the number of facts replayed
     * @throws StoreException when a stored payload cannot be read back
     */
    static long replay(Connection c, FactSerializer serializer, String cluster, SourceKind source, long snapshotId,
                       MeshSink sink) throws SQLException {
        long[] ids = idsHolding(c, cluster, source, snapshotId);
        long count = 0;
        // Runs of nearby ids are read as primary-key ranges, and the rows between them that the snapshot does not
        // see are skipped unparsed: one range scan per run instead of a lookup per id (H2 evaluates
        // "id = ANY(?)" by comparing every row with the array).
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, kind, payload FROM fact WHERE id >= ? AND id <= ? ORDER BY id")) {
            ps.setFetchSize(FETCH_SIZE);
            int next = 0;
            while (next < ids.length) {
                int last = next;
                while (last + 1 < ids.length && ids[last + 1] - ids[last] <= MAX_SKIPPED_ROWS) {
                    last++;
                }
                ps.setLong(1, ids[next]);
                ps.setLong(2, ids[last]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && next <= last) {
                        long id = rs.getLong(1);
                        if (id == ids[next]) {
                            replayRow(serializer, cluster, id, rs.getString(2), rs.getString(3), sink);
                            count++;
                            next++;
                        }
                    }
                }
                next = last + 1;
            }
        }
        if (count != ids.length) {
            throw new StoreException("the catalog of " + cluster + " changed while snapshot " + snapshotId
                    + " was read: " + ids.length + " facts found, " + count + " read");
        }
        return count;
    }

    private static void replayRow(FactSerializer serializer, String cluster, long id, String kindLabel,
                                  String payload, MeshSink sink) {
        FactKind kind = FactKind.fromLabel(kindLabel);
        Object fact;
        try {
            fact = serializer.fromJson(payload, kind.type());
        } catch (IllegalArgumentException e) {
            throw new StoreException("fact " + id + " of cluster " + cluster + " cannot be read back: "
                    + e.getMessage(), e);
        }
        kind.replay(fact, sink);
    }

    /**
     * The ids of the facts of {@code cluster} and {@code source} that hold at {@code snapshotId}, ascending, each
     * once. One statement, so that the answer comes from one consistent view even while another client imports:
     * an import only adds facts valid after the snapshot and closes others after it, so the rows that held then
     * hold still when they are read afterwards. Every column it asks for is in {@code ix_fact_current}, so it is
     * answered from the index without reading a row.
     */
    private static long[] idsHolding(Connection c, String cluster, SourceKind source, long snapshotId)
            throws SQLException {
        LongList ids = new LongList();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM fact WHERE cluster = ? AND source = ?"
                + " AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)")) {
            ps.setFetchSize(FETCH_SIZE);
            ps.setString(1, cluster);
            ps.setString(2, source.label());
            ps.setLong(3, snapshotId);
            ps.setLong(4, snapshotId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        long[] sorted = ids.toArray();
        java.util.Arrays.sort(sorted);
        return java.util.Arrays.stream(sorted).distinct().toArray();
    }

    /** A growable list of longs, so a million ids are not a million boxed objects. */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
