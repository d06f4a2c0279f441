package dev.meshlens.engine.store;

import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The SQL on the snapshot tables. Stateless; every method works on the connection it is given. */
final class SnapshotQueries {
    private static final String SELECT = "SELECT s.id, s.taken_at, s.cluster, s.origin, ss.source"
            + " FROM snapshot s LEFT JOIN snapshot_source ss ON ss.snapshot_id = s.id ";

    private SnapshotQueries() {
    }

    /** Every snapshot, oldest first. */
    static List<Snapshot> all(Connection c) throws SQLException {
        return select(c, "ORDER BY s.id");
    }

    static Optional<Snapshot> byId(Connection c, long id) throws SQLException {
        return first(select(c, "WHERE s.id = ?", id));
    }

    /** The newest snapshot taken at or before {@code at}, of {@code cluster} or, when null, of any cluster. */
    static Optional<Snapshot> latestAtOrBefore(Connection c, String cluster, Instant at) throws SQLException {
        // Ids grow with taken_at, so the newest is the largest id. Stored times have microsecond precision:
        // flooring the bound to microseconds keeps "at or before" exact on databases that would round it.
        OffsetDateTime bound = toDb(at.truncatedTo(ChronoUnit.MICROS));
        if (cluster == null) {
            return first(select(c, "WHERE s.id = (SELECT MAX(id) FROM snapshot WHERE taken_at <= ?)", bound));
        }
        return first(select(c, "WHERE s.id = (SELECT MAX(id) FROM snapshot WHERE cluster = ? AND taken_at <= ?)",
                cluster, bound));
    }

    /** The newest snapshot of {@code cluster}, or of any cluster when null. */
    static Optional<Snapshot> latest(Connection c, String cluster) throws SQLException {
        if (cluster == null) {
            return first(select(c, "WHERE s.id = (SELECT MAX(id) FROM snapshot)"));
        }
        return first(select(c, "WHERE s.id = (SELECT MAX(id) FROM snapshot WHERE cluster = ?)", cluster));
    }

    /** The names of the clusters that have snapshots, sorted by Java string order (not the database's collation). */
    static List<String> clusters(Connection c) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT cluster FROM snapshot");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return List.copyOf(names);
    }

    /**
     * For each source, the id of the newest snapshot of {@code cluster} with id at most {@code bound} that covered
     * it; sources no such snapshot covered are absent.
     */
    static Map<SourceKind, Long> newestCovering(Connection c, String cluster, long bound) throws SQLException {
        Map<SourceKind, Long> newest = new EnumMap<>(SourceKind.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT ss.source, MAX(s.id) FROM snapshot s"
                + " JOIN snapshot_source ss ON ss.snapshot_id = s.id"
                + " WHERE s.cluster = ? AND s.id <= ? GROUP BY ss.source")) {
            ps.setString(1, cluster);
            ps.setLong(2, bound);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    newest.put(SourceKind.fromLabel(rs.getString(1)), rs.getLong(2));
                }
            }
        }
        return newest;
    }

    /** Inserts {@code snapshot} and its sources. */
    static void insert(Connection c, Snapshot snapshot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO snapshot (id, taken_at, cluster, origin) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, snapshot.id());
            ps.setObject(2, toDb(snapshot.takenAt()));
            ps.setString(3, snapshot.cluster());
            ps.setString(4, snapshot.origin());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO snapshot_source (snapshot_id, source) VALUES (?, ?)")) {
            for (SourceKind source : EnumSet.copyOf(snapshot.sources())) {
                ps.setLong(1, snapshot.id());
                ps.setString(2, source.label());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static OffsetDateTime toDb(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Optional<Snapshot> first(List<Snapshot> snapshots) {
        return snapshots.isEmpty() ? Optional.empty() : Optional.of(snapshots.get(0));
    }

    private static List<Snapshot> select(Connection c, String where, Object... params) throws SQLException {
        Map<Long, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + where)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Row row = rows.get(id);
                    if (row == null) {
                        row = new Row(id, rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                                rs.getString(4), EnumSet.noneOf(SourceKind.class));
                        rows.put(id, row);
                    }
                    String source = rs.getString(5);
                    if (source != null) {
                        row.sources().add(SourceKind.fromLabel(source));
                    }
                }
            }
        }
        List<Snapshot> snapshots = new ArrayList<>(rows.size());
        for (Row row : rows.values()) {
            snapshots.add(new Snapshot(row.id(), row.takenAt(), row.cluster(), row.sources(), row.origin()));
        }
        return snapshots;
    }

    private record Row(long id, Instant takenAt, String cluster, String origin, Set<SourceKind> sources) {
    }
}
