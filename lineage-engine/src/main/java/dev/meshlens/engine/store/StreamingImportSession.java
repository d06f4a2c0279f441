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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ImportSession} of {@link CatalogStore}: one connection, one transaction, holding the store lock
 * from start to end, writing only what changed.
 *
 * <p>How an import finds what changed without holding the facts: for each source it receives facts of, it
 * loads the content hashes of that source's current facts into a {@link ContentIndex} (35 to 70 bytes per
 * fact). Each incoming fact is serialised and hashed; an unchanged fact costs no database write at all, only
 * a mark in the index; a new fact is appended to {@code fact} in JDBC batches with this import's snapshot id
 * as {@code valid_from}. At commit, the current facts of the covered sources that were not seen get
 * {@code valid_to} set, and the snapshot row is written. Why not a staging table with set-based SQL: with
 * H2's MVStore, a million rows inserted and deleted again in one transaction, or scattered through a content
 * hash index, cost tens of times more than the appends done here.
 */
final class StreamingImportSession implements ImportSession {
    /** JDBC batch size: large enough to amortise round trips, small enough to keep the batch cheap. */
    static final int BATCH_SIZE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(StreamingImportSession.class);
    private static final String INSERT_SQL = "INSERT INTO fact"
            + " (id, cluster, source, kind, content_hash, payload, valid_from) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final HexFormat HEX = HexFormat.of();

    private enum State { OPEN, COMMITTED, CLOSED }

    private final Connection connection;
    private final FactSerializer serializer;
    private final CommitHook hook;
    private final BiConsumer<ImportSession, Boolean> onFinish;
    private final String cluster;
    private final String origin;
    private final Instant takenAt;
    private final long snapshotId;
    private final MessageDigest sha256;
    private final PreparedStatement insert;
    private final EnumSet<SourceKind> covered = EnumSet.noneOf(SourceKind.class);
    private final Map<SourceKind, ContentIndex> contents = new EnumMap<>(SourceKind.class);
    private final Map<SourceKind, Long> addedPerSource = new EnumMap<>(SourceKind.class);
    private final Map<String, ConsumerGroup> groups = new TreeMap<>();
    private long nextFactId;
    private long received;
    private int pendingInBatch;
    private State state = State.OPEN;
    private boolean released;

    /**
     * Starts the import: takes the store lock (waiting for an import in progress to finish, up to the
     * database's lock timeout), checks the time order and reserves the next snapshot id.
     *
     * @param connection a fresh connection, owned by the session from now on (closed on failure too)
     * @param onFinish   called once when the session commits, fails or closes, with whether it committed
     * @throws StoreException when another import holds the lock too long, when {@code takenAt} is before the
     *                        newest snapshot, or when the database fails
     */
    StreamingImportSession(Connection connection, FactSerializer serializer, CommitHook hook,
                           BiConsumer<ImportSession, Boolean> onFinish, String location, String cluster, String origin,
                           Instant takenAt) {
        this.connection = connection;
        this.serializer = serializer;
        this.hook = hook;
        this.onFinish = onFinish;
        this.cluster = cluster;
        this.origin = origin;
        this.takenAt = takenAt;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try {
            connection.setAutoCommit(false);
            StoreLock.acquire(connection);
            Snapshot newest = SnapshotQueries.latest(connection, null).orElse(null);
            if (newest != null && takenAt.isBefore(newest.takenAt())) {
                throw new StoreException(CatalogStore.outOfOrderMessage(cluster, takenAt, newest));
            }
            this.snapshotId = newest == null ? 1 : newest.id() + 1;
            this.nextFactId = maxFactId() + 1;
            this.insert = connection.prepareStatement(INSERT_SQL);
        } catch (SQLException e) {
            release();
            throw new StoreException("cannot start an import into catalog " + location + ": "
                    + (StoreLock.isTimeout(e) ? "another import into it is in progress and did not finish in time"
                    : CatalogStore.reason(e)), e);
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    @Override
    public void cover(SourceKind source) {
        requireOpen();
        covered.add(Objects.requireNonNull(source, "source"));
    }

    @Override
    public void acl(AclBinding acl) {
        receive(FactKind.ACL, acl);
    }

    @Override
    public void topic(Topic topic) {
        receive(FactKind.TOPIC, topic);
    }

    @Override
    public void group(ConsumerGroup group) {
        requireOpen();
        groups.merge(group.groupId(), group, ConsumerGroup::merge);
    }

    @Override
    public void product(DataProduct product) {
        receive(FactKind.PRODUCT, product);
    }

    @Override
    public void service(ServiceInfo service) {
        receive(FactKind.SERVICE, service);
    }

    @Override
    public void groupMapping(GroupMapping mapping) {
        receive(FactKind.GROUP_MAPPING, mapping);
    }

    @Override
    public void schema(SchemaVersion schema) {
        receive(FactKind.SCHEMA, schema);
    }

    @Override
    public void hop(RecordHop hop) {
        receive(FactKind.HOP, hop);
    }

    private void receive(FactKind kind, Object fact) {
        requireOpen();
        Objects.requireNonNull(fact, kind.label());
        try {
            write(kind, fact);
        } catch (SQLException e) {
            throw fail("cannot write " + kind.label() + " facts of cluster " + cluster, e);
        }
    }

    /** Marks the fact as seen; appends it to the insert batch when its content is new. */
    private void write(FactKind kind, Object fact) throws SQLException {
        received++;
        String payload = serializer.toJson(fact);
        byte[] hash = contentHash(kind, payload);
        ByteBuffer bits = ByteBuffer.wrap(hash);
        long high = bits.getLong();
        long low = bits.getLong();
        if (!contentsOf(kind.source()).see(high, low, nextFactId)) {
            return;
        }
        insert.setLong(1, nextFactId++);
        insert.setString(2, cluster);
        insert.setString(3, kind.source().label());
        insert.setString(4, kind.label());
        insert.setString(5, HEX.formatHex(hash));
        insert.setString(6, payload);
        insert.setLong(7, snapshotId);
        insert.addBatch();
        addedPerSource.merge(kind.source(), 1L, Long::sum);
        if (++pendingInBatch == BATCH_SIZE) {
            flush();
        }
    }

    /** The first 128 bits of SHA-256 over the kind and the payload. */
    private byte[] contentHash(FactKind kind, String payload) {
        kind.startHash(sha256);
        byte[] digest = sha256.digest(payload.getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(digest, 16);
    }

    /** The content index of {@code source}, loaded with the source's current facts on first use. */
    private ContentIndex contentsOf(SourceKind source) throws SQLException {
        ContentIndex index = contents.get(source);
        if (index == null) {
            index = new ContentIndex();
            try (PreparedStatement ps = connection.prepareStatement("SELECT id, content_hash FROM fact"
                    + " WHERE cluster = ? AND source = ? AND valid_to IS NULL")) {
                ps.setFetchSize(10_000);
                ps.setString(1, cluster);
                ps.setString(2, source.label());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String hex = rs.getString(2);
                        index.addCurrent(Long.parseUnsignedLong(hex, 0, 16, 16),
                                Long.parseUnsignedLong(hex, 16, 32, 16), rs.getLong(1));
                    }
                }
            }
            contents.put(source, index);
        }
        return index;
    }

    private void flush() throws SQLException {
        if (pendingInBatch > 0) {
            insert.executeBatch();
            pendingInBatch = 0;
        }
    }

    private long maxFactId() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM fact");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
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
                write(FactKind.GROUP, group);
            }
            flush();
            hook.reached("written", connection);
            dropFactsOfUncoveredSources();
            hook.reached("dropped", connection);
            long closed = closeUnseenFacts();
            hook.reached("closed", connection);
            Snapshot snapshot = new Snapshot(snapshotId, takenAt, cluster, covered, origin);
            SnapshotQueries.insert(connection, snapshot);
            hook.reached("snapshot", connection);
            connection.commit();
            state = State.COMMITTED;
            LOG.info("Landed snapshot {} of cluster {} ({}): {} facts received, {} added, {} closed; commit {} ms",
                    snapshotId, cluster, covered.stream().map(SourceKind::label).collect(Collectors.joining(",")),
                    received, addedPerSource.entrySet().stream().filter(e -> covered.contains(e.getKey()))
                            .mapToLong(Map.Entry::getValue).sum(), closed, (System.nanoTime() - started) / 1_000_000);
            return snapshot;
        } catch (SQLException e) {
            throw fail("cannot commit the import of cluster " + cluster, e);
        } catch (RuntimeException e) {
            // a StoreException from fail() has already rolled back; anything else must roll back here
            if (state == State.OPEN) {
                throw fail("cannot commit the import of cluster " + cluster + ": " + e.getMessage(), e);
            }
            throw e;
        } finally {
            release();
        }
    }

    /** Facts of a source the importer sent but did not cover (it could not read it completely) are not kept. */
    private void dropFactsOfUncoveredSources() throws SQLException {
        for (Map.Entry<SourceKind, Long> entry : addedPerSource.entrySet()) {
            SourceKind source = entry.getKey();
            if (covered.contains(source)) {
                continue;
            }
            LOG.warn("The import of cluster {} sent {} new {} facts but did not cover {}: they are not kept, the"
                    + " catalog keeps the {} of the previous import", cluster, entry.getValue(), source.label(),
                    source.label(), source.label());
            try (PreparedStatement ps = connection.prepareStatement(
                    "DELETE FROM fact WHERE cluster = ? AND source = ? AND valid_from = ?")) {
                ps.setString(1, cluster);
                ps.setString(2, source.label());
                ps.setLong(3, snapshotId);
                ps.executeUpdate();
            }
        }
    }

    /** Sets valid_to on the current facts of the covered sources that this import did not see. */
    private long closeUnseenFacts() throws SQLException {
        long closed = 0;
        try (PreparedStatement ps = connection.prepareStatement("UPDATE fact SET valid_to = ? WHERE id = ?")) {
            for (SourceKind source : covered) {
                for (long id : contentsOf(source).unseenCurrentIds()) {
                    ps.setLong(1, snapshotId);
                    ps.setLong(2, id);
                    ps.addBatch();
                    if (++closed % BATCH_SIZE == 0) {
                        ps.executeBatch();
                    }
                }
            }
            ps.executeBatch();
        }
        return closed;
    }

    @Override
    public void close() {
        if (state == State.OPEN) {
            LOG.debug("Import of cluster {} closed without commit: rolled back", cluster);
        }
        release();
    }

    /**
     * Rolls back what is not committed (which also releases the store lock), closes the connection and
     * drops the content indexes; once.
     */
    private void release() {
        if (released) {
            return;
        }
        released = true;
        contents.clear();
        groups.clear();
        try {
            if (state != State.COMMITTED) {
                state = State.CLOSED;
                connection.rollback();
            }
        } catch (SQLException e) {
            LOG.warn("Rollback of the import of cluster {} failed: {}", cluster, CatalogStore.reason(e));
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the connection of the import of cluster {} failed: {}", cluster, CatalogStore.reason(e));
        }
        onFinish.accept(this, state == State.COMMITTED);
    }

    /** Rolls back and finishes the session, then returns the exception to throw. */
    private StoreException fail(String message, Throwable cause) {
        release();
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
