package dev.meshlens.engine.store;

import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog store: every import as an immutable, timestamped snapshot, facts kept with the range of
 * snapshots in which they hold, and the catalog of a cluster as of any snapshot.
 *
 * <p><b>Semantics.</b> An import covers some sources ({@link SourceKind}) of one cluster and lands in one
 * transaction as a new snapshot (see {@link ImportSession}). The catalog of a cluster as of snapshot X is, for
 * each source, the facts seen by the newest import of that cluster with id &le; X that covered the source: a
 * catalog-only import therefore never hides the ACLs imported before it. Snapshot ids grow with their time
 * ({@code takenAt}); an import older than the newest snapshot is refused. Unchanged facts are stored once,
 * however many snapshots see them.
 *
 * <p><b>Databases.</b> By default an embedded H2 file under the user's home ({@link #defaultJdbcUrl()}); any
 * JDBC URL works whose driver is on the class path and whose database runs the portable migrations in
 * {@code classpath:db/migration} (H2 and PostgreSQL; both run the same migration and queries).
 * Several processes may share one database server. Imports into one catalog run one at a time (a lock row
 * held from {@link #beginImport} to commit or close); reading never waits for an import.
 *
 * <p><b>A second process on one H2 file.</b> An embedded H2 file is opened with {@code AUTO_SERVER=TRUE}: the
 * process that opens it first holds the file and serves it (on the loopback interface) to the others. A
 * second {@link #open} of the file from another process raises {@link CatalogInUseException} instead of
 * H2's lock error; {@link #openReadOnly} then connects through the holder and reads whole snapshots only
 * (one database engine, committed transactions only). This was chosen after trying, with two JVMs, the
 * alternatives on H2 2.5.252: {@code ACCESS_MODE_DATA=r}, with or without {@code FILE_LOCK=NO}, is refused
 * while another process holds the file, and reading a file that another process rewrites could not be safe
 * anyway. Two stores in one process simply share the database (H2 locks per process). See {@link H2Sharing}.
 *
 * <p><b>Read-only.</b> A store opened with {@link #openReadOnly} refuses every import ("catalog opened
 * read-only"), never runs migrations (an outdated catalog is refused instead), never creates a missing H2
 * file, and never compacts the file on close ({@code MAX_COMPACT_TIME=0}, no {@code SHUTDOWN COMPACT}); reads
 * work as usual, including imports that other processes land meanwhile. When no other process holds the H2
 * file, a read-only store holds it itself (and serves it, so a later Meshlens is told it is in use): H2's
 * {@code ACCESS_MODE_DATA=r} would take no lock, and a writer opening the file later would rewrite pages
 * under the reader. H2 then updates its own file header, never a row of the catalog.
 *
 * <p><b>Credentials</b> are used to connect and never kept in what the store shows, logs or writes:
 * {@link #location()} has every password parameter removed. Snapshot origins are caller-given text and must
 * not contain secrets; as a safety net, {@code password=...} values in an origin are stored as {@code ***}.
 *
 * <p>Thread-safe: reads share one connection, one at a time; each import has its own connection.
 */
public final class CatalogStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogStore.class);
    private static final int MAX_CLUSTER_LENGTH = 255;
    private static final int MAX_ORIGIN_LENGTH = 4000;
    /** H2's error code for a database file locked by another process. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    /** H2's error code for a database that does not exist while {@code IFEXISTS=TRUE}. */
    private static final int H2_DATABASE_NOT_FOUND = 90146;
    private static final String MIGRATIONS = "classpath:db/migration";
    /** H2's error code for wrong credentials. */
    private static final int H2_WRONG_USER_OR_PASSWORD = 28000;

    private final ConnectionFactory connections;
    private final String location;
    /** Serves reads; for an embedded H2 database it also keeps the database open between imports. */
    private final Connection reader;
    private final FactSerializer serializer = new FactSerializer();
    private final Set<ImportSession> openImports = ConcurrentHashMap.newKeySet();
    /** Whether an import landed through this store since it was opened: then closing compacts the H2 file. */
    private final AtomicBoolean landedImports = new AtomicBoolean();
    /** An embedded H2 file that may be compacted on close (see {@link JdbcUrls#compactsOnClose}). */
    private final boolean compactsOnClose;
    private final boolean readOnly;
    private volatile CommitHook commitHook = CommitHook.NONE;
    private volatile boolean closed;

    static {
        // before any H2 class reads its settings: a shared catalog is served on the loopback interface only
        H2Sharing.bindToLoopback();
    }

    private CatalogStore(ConnectionFactory connections, String location, Connection reader, boolean compactsOnClose,
                         boolean readOnly) {
        this.connections = connections;
        this.location = location;
        this.reader = reader;
        this.compactsOnClose = compactsOnClose;
        this.readOnly = readOnly;
    }

    /**
     * The default catalog: an H2 file {@code .meshlens/catalog.mv.db} under the user's home directory.
     *
     * @return {@code jdbc:h2:file:<home>/.meshlens/catalog}
     */
    public static String defaultJdbcUrl() {
        return "jdbc:h2:file:" + Path.of(System.getProperty("user.home"), ".meshlens", "catalog");
    }

    /**
     * Opens the catalog at {@code jdbcUrl} with the credentials the URL carries (or none), creating and
     * migrating it as needed.
     *
     * @see #open(String, String, String)
     */
    public static CatalogStore open(String jdbcUrl) {
        return open(jdbcUrl, null, null);
    }

    /**
     * Opens the catalog at {@code jdbcUrl}, creating the database (for H2 files, the directories too) and
     * bringing its schema up to date with Flyway. For an embedded H2 file URL, settings suited to a catalog
     * (cache size, compression, lock timeout, {@code AUTO_SERVER}) are added unless the URL sets them.
     *
     * @param user     null to use the URL's or the driver's default
     * @param password null to use the URL's or the driver's default; never logged nor shown
     * @throws CatalogInUseException when the catalog is an H2 file that another process holds open; then
     *                               {@link #openReadOnly} can still read it if
     *                               {@link CatalogInUseException#readableReadOnly()}
     * @throws StoreException        naming {@link #location()} and the reason when the database cannot be opened
     *                               or migrated
     */
    public static CatalogStore open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, false);
    }

    /**
     * Opens the catalog at {@code jdbcUrl} read-only, with the credentials the URL carries (or none).
     *
     * @see #openReadOnly(String, String, String)
     */
    public static CatalogStore openReadOnly(String jdbcUrl) {
        return openReadOnly(jdbcUrl, null, null);
    }

    /**
     * Opens an existing catalog read-only: imports are refused, nothing is migrated, created or compacted. An
     * H2 file that another Meshlens holds is read through that process, so this works while the other window
     * is open and shows the snapshots it imports (whole snapshots only).
     *
     * @param user     null to use the URL's or the driver's default
     * @param password null to use the URL's or the driver's default; never logged nor shown
     * @throws CatalogInUseException when another program holds the H2 file without sharing it
     * @throws StoreException        when the catalog does not exist, needs a migration (open it once
     *                               read-write), or cannot be opened
     */
    public static CatalogStore openReadOnly(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, true);
    }

    private static CatalogStore open(String jdbcUrl, String user, String password, boolean readOnly) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        String location = JdbcUrls.redact(jdbcUrl);
        String url = JdbcUrls.withH2Defaults(jdbcUrl);
        boolean embeddedH2File = JdbcUrls.isEmbeddedH2File(jdbcUrl);
        ConnectionFactory connections = new ConnectionFactory(readOnly ? JdbcUrls.readOnly(url) : url, user,
                password);
        Connection reader = null;
        try {
            reader = connections.getConnection();
            if (readOnly) {
                // a hint for H2; PostgreSQL then refuses any write in this session
                reader.setReadOnly(true);
                requireCurrentSchema(connections, location);
            } else {
                if (embeddedH2File && H2Sharing.isThroughAnotherProcess(reader)) {
                    throw new CatalogInUseException(location, true);
                }
                Flyway.configure(CatalogStore.class.getClassLoader())
                        .dataSource(connections)
                        .locations(MIGRATIONS)
                        .load()
                        .migrate();
            }
            LOG.info("Opened catalog {}{}", location, readOnly ? " read-only" : "");
            return new CatalogStore(connections, location, reader, JdbcUrls.compactsOnClose(jdbcUrl), readOnly);
        } catch (SQLException e) {
            closeQuietly(reader);
            if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN && embeddedH2File) {
                // a process that opted out of sharing itself (an import run from the command line) finds out here
                // whether the holder would share the file
                throw new CatalogInUseException(location, H2Sharing.holderShares(jdbcUrl));
            }
            if (e.getErrorCode() == H2_DATABASE_NOT_FOUND) {
                throw new StoreException("cannot open catalog " + location + " read-only: it does not exist", e);
            }
            throw new StoreException("cannot open catalog " + location + ": " + reason(e), e);
        } catch (FlywayException e) {
            closeQuietly(reader);
            throw new StoreException("cannot migrate catalog " + location + ": "
                    + JdbcUrls.redactText(e.getMessage().replace(jdbcUrl, location)), e);
        } catch (RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
    }

    /**
     * Refuses a catalog whose schema a read-only store cannot use: one never set up, or one that needs
     * migrations this version would run (Flyway's {@code info} only reads the schema history).
     */
    private static void requireCurrentSchema(ConnectionFactory connections, String location) {
        MigrationInfoService info = Flyway.configure(CatalogStore.class.getClassLoader())
                .dataSource(connections)
                .locations(MIGRATIONS)
                .load()
                .info();
        if (info.current() == null) {
            throw new StoreException("cannot open catalog " + location + " read-only: it holds no Meshlens catalog"
                    + " yet");
        }
        if (info.pending().length > 0) {
            throw new StoreException("cannot open catalog " + location + " read-only: it needs an update to this"
                    + " Meshlens version (" + info.pending().length + " migrations); open it once normally");
        }
    }

    /**
     * Where the catalog is, for status bars and messages: the JDBC URL as given, without any password.
     */
    public String location() {
        return location;
    }

    /**
     * Starts an import of some sources of {@code cluster}. Nothing is visible to readers until the session
     * commits; see {@link ImportSession}. Imports run one at a time: while another import into this catalog is
     * open (in this or another process), this call waits for it, up to the database's lock timeout: 60 s unless
     * an H2 URL sets {@code LOCK_TIMEOUT} or a PostgreSQL session sets {@code lock_timeout} (e.g. with the URL
     * parameter {@code options=-c%20lock_timeout%3D5s}). Always close the session, e.g. with
     * try-with-resources, or later imports wait for it.
     *
     * @param origin  what is imported, e.g. file names or {@code kafka:broker:9092}, shown with the snapshot;
     *                may be null. It must never contain credentials (values of {@code password=} are masked
     *                anyway)
     * @param takenAt when the imported facts were read; stored to the microsecond. It must not be earlier
     *                than the newest snapshot of any cluster
     * @throws StoreException when the store was opened read-only ("catalog opened read-only"), the cluster name
     *                        is blank or longer than 255 characters, the origin longer than 4000, {@code takenAt} earlier than the newest snapshot, another import did
     *                        not finish within the lock timeout, or the database fails
     */
    public ImportSession beginImport(String cluster, String origin, Instant takenAt) {
        Objects.requireNonNull(takenAt, "takenAt");
        requireOpen();
        if (readOnly) {
            throw new StoreException("cannot import into catalog " + location + ": catalog opened read-only");
        }
        if (cluster == null || cluster.isBlank()) {
            throw new StoreException("a cluster name is required to import");
        }
        if (cluster.length() > MAX_CLUSTER_LENGTH) {
            throw new StoreException("cluster name '" + cluster.substring(0, 40) + "...' is longer than "
                    + MAX_CLUSTER_LENGTH + " characters");
        }
        String safeOrigin = JdbcUrls.redactText(origin);
        if (safeOrigin != null && safeOrigin.length() > MAX_ORIGIN_LENGTH) {
            throw new StoreException("the origin of an import is limited to " + MAX_ORIGIN_LENGTH
                    + " characters, got " + safeOrigin.length());
        }
        Instant at = takenAt.truncatedTo(ChronoUnit.MICROS);
        Connection connection;
        try {
            connection = connections.getConnection();
        } catch (SQLException e) {
            throw new StoreException("cannot start an import into catalog " + location + ": " + reason(e), e);
        }
        ImportSession session = new StreamingImportSession(connection, serializer, commitHook,
                (finished, committed) -> {
                    openImports.remove(finished);
                    if (committed) {
                        landedImports.set(true);
                    }
                }, location, cluster, safeOrigin, at);
        openImports.add(session);
        return session;
    }

    /** Whether this store was opened with {@link #openReadOnly} and so refuses imports. */
    public boolean readOnly() {
        return readOnly;
    }

    /** Every snapshot, oldest first. */
    public List<Snapshot> snapshots() {
        return read("the snapshots", SnapshotQueries::all);
    }

    /** The snapshot with {@code id}, or empty when there is none. */
    public Optional<Snapshot> snapshot(long id) {
        return read("snapshot " + id, c -> SnapshotQueries.byId(c, id));
    }

    /**
     * The newest snapshot of any cluster taken at or before {@code at}: the snapshot "as of date D".
     *
     * @return empty when every snapshot is later than {@code at}
     */
    public Optional<Snapshot> latestAtOrBefore(Instant at) {
        Objects.requireNonNull(at, "at");
        return read("the snapshot as of " + at, c -> SnapshotQueries.latestAtOrBefore(c, null, at));
    }

    /**
     * The newest snapshot of {@code cluster} taken at or before {@code at}.
     *
     * @return empty when the cluster has no snapshot at or before {@code at}
     */
    public Optional<Snapshot> latestAtOrBefore(String cluster, Instant at) {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(at, "at");
        return read("the snapshot of " + cluster + " as of " + at,
                c -> SnapshotQueries.latestAtOrBefore(c, cluster, at));
    }

    /**
     * The newest snapshot of {@code cluster}.
     *
     * @return empty when the cluster has none
     */
    public Optional<Snapshot> latest(String cluster) {
        Objects.requireNonNull(cluster, "cluster");
        return read("the latest snapshot of " + cluster, c -> SnapshotQueries.latest(c, cluster));
    }

    /** The clusters that have at least one snapshot, sorted. */
    public List<String> clusters() {
        return read("the clusters", SnapshotQueries::clusters);
    }

    /**
     * The catalog of {@code cluster} as of snapshot {@code asOfSnapshotId}: for each source, the facts seen by
     * the newest import of the cluster with id at most {@code asOfSnapshotId} that covered the source. The
     * snapshot may belong to another cluster; its id is then simply the bound.
     *
     * @return the state, with canonical content and, for each source present, the snapshot its facts come
     *         from; empty content when the cluster had nothing by then
     * @throws StoreException "no snapshot N" when there is no such snapshot, or when the database fails
     */
    public CatalogState state(String cluster, long asOfSnapshotId) {
        Objects.requireNonNull(cluster, "cluster");
        Snapshot asOf = snapshot(asOfSnapshotId)
                .orElseThrow(() -> new StoreException("no snapshot " + asOfSnapshotId));
        return read("the catalog of " + cluster + " as of snapshot " + asOfSnapshotId, c -> {
            Map<SourceKind, Snapshot> sourceSnapshots = new EnumMap<>(SourceKind.class);
            MeshContent.Collector collector = new MeshContent.Collector();
            for (Map.Entry<SourceKind, Long> entry : SnapshotQueries.newestCovering(c, cluster, asOf.id()).entrySet()) {
                Snapshot from = SnapshotQueries.byId(c, entry.getValue()).orElseThrow();
                sourceSnapshots.put(entry.getKey(), from);
                collector.cover(entry.getKey());
                FactQueries.replay(c, serializer, cluster, entry.getKey(), from.id(), collector);
            }
            return new CatalogState(cluster, asOf, sourceSnapshots, collector.content());
        });
    }

    /**
     * Rolls back the imports still open and closes the store. Idempotent.
     *
     * <p>For an embedded H2 file into which imports landed since the store was opened, and which no other
     * connection in this process uses, closing also compacts the file completely ({@code SHUTDOWN COMPACT}):
     * H2 keeps the pages an import rewrote until then, which can make the file several times larger than its
     * content. This takes time in proportion to the catalog's size (about a second per 100 MB of file).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ImportSession session : List.copyOf(openImports)) {
            session.close();
        }
        synchronized (reader) {
            // a read-only store never lands an import; the explicit check keeps it from ever writing the file
            if (compactsOnClose && !readOnly && landedImports.get()) {
                compactH2File();
            }
            closeQuietly(reader);
        }
        LOG.info("Closed catalog {}", location);
    }

    /** Compacts the H2 file while closing it, unless another connection of this process still uses it. */
    private void compactH2File() {
        long started = System.nanoTime();
        try (Statement statement = reader.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
                if (rs.next() && rs.getLong(1) > 1) {
                    LOG.debug("Catalog {} is still in use by another connection: not compacting it", location);
                    return;
                }
            }
            statement.execute("SHUTDOWN COMPACT");
            LOG.info("Compacted catalog {} in {} ms", location, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            LOG.warn("Compacting catalog {} failed, it stays as it is: {}", location, reason(e));
        }
    }

    /** Installs a hook called inside every later commit; for tests that inject failures. */
    void commitHook(CommitHook hook) {
        this.commitHook = Objects.requireNonNull(hook, "hook");
    }

    static String outOfOrderMessage(String cluster, Instant takenAt, Snapshot newest) {
        return "the import of cluster " + cluster + " is dated " + takenAt + ", before the newest snapshot "
                + newest.id() + " (cluster " + newest.cluster() + ", " + newest.takenAt()
                + "); snapshots must be imported in time order";
    }

    /** A user-readable reason for a database failure, with credentials and internal codes left out. */
    static String reason(SQLException e) {
        if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
            return "the database is in use by another process (close the other Meshlens, or open it read-only)";
        }
        if (e.getErrorCode() == H2_WRONG_USER_OR_PASSWORD || "28P01".equals(e.getSQLState())) {
            return "wrong user name or password";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        String firstLine = newline < 0 ? message : message.substring(0, newline);
        return JdbcUrls.redactText(firstLine).strip();
    }

    private <T> T read(String what, SqlFunction<T> query) {
        requireOpen();
        synchronized (reader) {
            try {
                return query.apply(reader);
            } catch (SQLException e) {
                throw new StoreException("cannot read " + what + " from catalog " + location + ": "
                        + reason(e), e);
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("catalog " + location + " is closed");
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing a catalog connection failed: {}", e.getMessage());
            }
        }
    }

    @FunctionalInterface
    private interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }
}
