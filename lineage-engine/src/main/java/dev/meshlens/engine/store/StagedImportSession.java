package dev.meshlens.engine.store;

import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.GroupMapping;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.Topic;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ImportSession} of {@link CatalogStore}: one connection, one transaction, facts batched into
 * {@code fact_stage} and moved into {@code fact} with set-based SQL at commit.
 */
final class StagedImportSession implements ImportSession {
    /** JDBC batch size for staging inserts: large enough to amortise round trips, small enough to stay cheap. */
    static final int BATCH_SIZE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(StagedImportSession.class);
    private static final String STAGE_SQL = "INSERT INTO fact_stage"
            + " (id, source, kind, fact_key, content_hash, payload) VALUES (?, ?, ?, ?, ?, ?)";
    /** Staging row ids are {@code importId << 32 | seq}: one contiguous primary-key range per import. */
    private static final int SEQ_BITS = 32;
    private static final long MAX_SEQ = (1L << SEQ_BITS) - 1;
    private static final SecureRandom IMPORT_IDS = new SecureRandom();

    private enum State { OPEN, COMMITTED, CLOSED }

    private final Connection connection;
    private final FactSerializer serializer;
    private final CommitHook hook;
    private final Consumer<ImportSession> onFinish;
    private final String location;
    private final String cluster;
    private final String origin;
    private final Instant takenAt;
    /**
     * This import's staging rows are the ids from {@code firstStageId} (seq 0, never used) to
     * {@code firstStageId + MAX_SEQ}. The import id is random, so imports from several processes or machines
     * sharing the database never collide (and if two ever did, the primary key would fail one cleanly).
     */
    private final long firstStageId = (1 + IMPORT_IDS.nextInt(Integer.MAX_VALUE - 1)) * (1L << SEQ_BITS);
    private final MessageDigest sha256;
    private final PreparedStatement stage;
    private final EnumSet<SourceKind> covered = EnumSet.noneOf(SourceKind.class);
    private final Map<String, ConsumerGroup> groups = new TreeMap<>();
    private final Map<SourceKind, Long> stagedPerSource = new EnumMap<>(SourceKind.class);
    private long seq;
    private int pendingInBatch;
    private State state = State.OPEN;
    private boolean released;

    /**
     * @param connection a fresh connection, owned by the session from now on
     * @param onFinish   called once when the session commits, fails or closes
     */
    StagedImportSession(Connection connection, FactSerializer serializer, CommitHook hook, Consumer<ImportSession> onFinish,
                        String location, String cluster, String origin, Instant takenAt) throws SQLException {
        this.connection = connection;
        this.serializer = serializer;
        this.hook = hook;
        this.onFinish = onFinish;
        this.location = location;
        this.cluster = cluster;
        this.origin = origin;
        this.takenAt = takenAt;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        connection.setAutoCommit(false);
        this.stage = connection.prepareStatement(STAGE_SQL);
    }

    @Override
    public void cover(SourceKind source) {
        requireOpen();
        covered.add(Objects.requireNonNull(source, "source"));
    }

    @Override
    public void acl(AclBinding acl) {
        stageFact(FactKind.ACL, acl);
    }

    @Override
    public void topic(Topic topic) {
        stageFact(FactKind.TOPIC, topic);
    }

    @Override
    public void group(ConsumerGroup group) {
        requireOpen();
        groups.merge(group.groupId(), group, ConsumerGroup::merge);
    }

    @Override
    public void product(DataProduct product) {
        stageFact(FactKind.PRODUCT, product);
    }

    @Override
    public void service(ServiceInfo service) {
        stageFact(FactKind.SERVICE, service);
    }

    @Override
    public void groupMapping(GroupMapping mapping) {
        stageFact(FactKind.GROUP_MAPPING, mapping);
    }

    @Override
    public void schema(SchemaVersion schema) {
        stageFact(FactKind.SCHEMA, schema);
    }

    @Override
    public void hop(RecordHop hop) {
        stageFact(FactKind.HOP, hop);
    }

    private void stageFact(FactKind kind, Object fact) {
        requireOpen();
        Objects.requireNonNull(fact, kind.label());
        try {
            addToBatch(kind, fact);
        } catch (SQLException e) {
            throw fail("cannot stage " + kind.label() + " facts", e);
        }
    }

    private void addToBatch(FactKind kind, Object fact) throws SQLException {
        if (seq == MAX_SEQ) {
            throw new StoreException("an import is limited to " + MAX_SEQ + " facts");
        }
        String payload = serializer.toJson(fact);
        stage.setLong(1, firstStageId + ++seq);
        stage.setString(2, kind.source().label());
        stage.setString(3, kind.label());
        stage.setString(4, serializer.toJson(kind.keyParts(fact)));
        stage.setString(5, contentHash(kind, payload));
        stage.setString(6, payload);
        stage.addBatch();
        stagedPerSource.merge(kind.source(), 1L, Long::sum);
        if (++pendingInBatch == BATCH_SIZE) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (pendingInBatch > 0) {
            stage.executeBatch();
            pendingInBatch = 0;
        }
    }

    /** 128 bits of SHA-256 over kind and payload, in hex: identical facts hash alike, different ones never meet. */
    private String contentHash(FactKind kind, String payload) {
        sha256.update(kind.label().getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        byte[] digest = sha256.digest(payload.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    @Override
    public Snapshot commit() {
        requireOpen();
        if (covered.isEmpty()) {
            throw fail("the import of cluster " + cluster + " covers no source, so it would change nothing;"
                    + " an importer must cover every source it read completely", null);
        }
        long started = System.nanoTime();
        try {
            for (ConsumerGroup group : groups.values()) {
                addToBatch(FactKind.GROUP, group);
            }
            flush();
            hook.reached("staged", connection);
            lockStore();
            Optional<Snapshot> newest = SnapshotQueries.latest(connection, null);
            if (newest.isPresent() && takenAt.isBefore(newest.get().takenAt())) {
                throw fail(CatalogStore.outOfOrderMessage(cluster, takenAt, newest.get()), null);
            }
            Snapshot snapshot = new Snapshot(newest.map(Snapshot::id).orElse(0L) + 1, takenAt, cluster, covered,
                    origin);
            SnapshotQueries.insert(connection, snapshot);
            hook.reached("snapshot", connection);
            int closedFacts = closeVanishedFacts(snapshot.id());
            hook.reached("closed", connection);
            int addedFacts = insertNewFacts(snapshot.id());
            hook.reached("inserted", connection);
            clearStaging();
            hook.reached("cleared", connection);
            connection.commit();
            state = State.COMMITTED;
            warnAboutUncoveredFacts();
            LOG.info("Landed snapshot {} of cluster {} ({}): {} facts read, {} added, {} closed, in {} ms",
                    snapshot.id(), cluster, covered.stream().map(SourceKind::label).collect(Collectors.joining(",")),
                    seq, addedFacts, closedFacts, (System.nanoTime() - started) / 1_000_000);
            return snapshot;
        } catch (SQLException e) {
            throw fail("cannot commit the import of cluster " + cluster, e);
        } catch (RuntimeException e) {
            // already a StoreException from fail(), or an unexpected failure: either way nothing may land
            if (state == State.OPEN) {
                throw fail("cannot commit the import of cluster " + cluster + ": " + e.getMessage(), e);
            }
            throw e;
        } finally {
            finish();
        }
    }

    /** Serialises commits across connections and processes, so snapshot and fact ids are assigned in order. */
    private void lockStore() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM store_lock WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("store_lock has no row; the catalog schema is damaged");
            }
        }
    }

    /** Sets valid_to on the current facts of the covered sources that this import did not see. */
    private int closeVanishedFacts(long snapshotId) throws SQLException {
        String sql = "UPDATE fact SET valid_to = ? WHERE cluster = ? AND source IN (" + placeholders() + ")"
                + " AND valid_to IS NULL AND NOT EXISTS (SELECT 1 FROM fact_stage s"
                + " WHERE s.content_hash = fact.content_hash AND s.id BETWEEN ? AND ?)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, snapshotId);
            ps.setString(i++, cluster);
            i = setSources(ps, i);
            ps.setLong(i++, firstStageId);
            ps.setLong(i, firstStageId + MAX_SEQ);
            return ps.executeUpdate();
        }
    }

    /**
     * Moves the staged facts of the covered sources that are not already current into {@code fact}, once per
     * distinct content (the first staged copy wins). A fact's id is the largest existing id plus its staging
     * sequence number: unique and increasing, with gaps where facts were unchanged, and computed without a
     * window function (which would make the database hold the whole import in memory).
     */
    private int insertNewFacts(long snapshotId) throws SQLException {
        long maxId;
        try (PreparedStatement ps = connection.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM fact");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            maxId = rs.getLong(1);
        }
        String sql = "INSERT INTO fact (id, cluster, source, kind, fact_key, content_hash, payload, valid_from)"
                + " SELECT s.id + ?, ?, s.source, s.kind, s.fact_key, s.content_hash,"
                + " s.payload, ? FROM fact_stage s"
                + " WHERE s.id BETWEEN ? AND ? AND s.source IN (" + placeholders() + ")"
                + " AND NOT EXISTS (SELECT 1 FROM fact_stage d WHERE d.content_hash = s.content_hash"
                + " AND d.id >= ? AND d.id < s.id)"
                + " AND NOT EXISTS (SELECT 1 FROM fact f WHERE f.cluster = ? AND f.source = s.source"
                + " AND f.valid_to IS NULL AND f.content_hash = s.content_hash)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, maxId - firstStageId);
            ps.setString(i++, cluster);
            ps.setLong(i++, snapshotId);
            ps.setLong(i++, firstStageId);
            ps.setLong(i++, firstStageId + MAX_SEQ);
            i = setSources(ps, i);
            ps.setLong(i++, firstStageId);
            ps.setString(i, cluster);
            return ps.executeUpdate();
        }
    }

    private void clearStaging() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM fact_stage WHERE id BETWEEN ? AND ?")) {
            ps.setLong(1, firstStageId);
            ps.setLong(2, firstStageId + MAX_SEQ);
            ps.executeUpdate();
        }
    }

    private String placeholders() {
        return String.join(", ", Collections.nCopies(covered.size(), "?"));
    }

    private int setSources(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (SourceKind source : covered) {
            ps.setString(i++, source.label());
        }
        return i;
    }

    private void warnAboutUncoveredFacts() {
        stagedPerSource.forEach((source, count) -> {
            if (!covered.contains(source)) {
                LOG.warn("The import of cluster {} sent {} {} facts but did not cover {}: they were not stored,"
                        + " the catalog keeps the {} of the previous import", cluster, count, source.label(),
                        source.label(), source.label());
            }
        });
    }

    @Override
    public void close() {
        if (state == State.OPEN) {
            LOG.debug("Import of cluster {} closed without commit: rolled back", cluster);
            finish();
        }
    }

    /** Rolls back what is not committed and releases the connection, once; the session is finished afterwards. */
    private void finish() {
        if (released) {
            return;
        }
        released = true;
        if (state == State.OPEN) {
            state = State.CLOSED;
            try {
                connection.rollback();
            } catch (SQLException e) {
                LOG.warn("Rollback of the import of cluster {} into {} failed: {}", cluster, location, e.getMessage());
            }
        }
        try {
            stage.close();
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the import connection to {} failed: {}", location, e.getMessage());
        }
        onFinish.accept(this);
    }

    /** Rolls back and finishes the session, then returns the exception to throw. */
    private StoreException fail(String message, Throwable cause) {
        finish();
        String reason = cause instanceof SQLException sql ? ": " + CatalogStore.reason(sql) : "";
        return new StoreException(message + reason, cause);
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("the import of cluster " + cluster + " is already "
                    + (state == State.COMMITTED ? "committed" : "closed"));
        }
    }
}
