package dev.meshlens.engine.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.h2.engine.SessionRemote;
import org.h2.jdbc.JdbcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How several processes share one embedded H2 catalog file.
 *
 * <p>H2 2.5 lets only one process open a database file: a second one fails with "Database may be already in
 * use", and {@code FILE_LOCK=NO;ACCESS_MODE_DATA=r} does not help (tried with two JVMs: the MVStore file
 * itself is locked, so the read-only open fails the same way). Even if it did, a reader of a file another
 * process rewrites (imports reuse freed pages, closing compacts the whole file) would read torn pages. What
 * works and is safe is H2's automatic mixed mode, {@code AUTO_SERVER=TRUE}: the first process opens the file
 * and serves it over TCP; the others connect through it, so there is one database engine, one file writer,
 * and readers see only committed transactions, i.e. whole snapshots. When the first process exits, a
 * connected one takes the file over and serves it in turn.
 *
 * <p>H2 starts that server with {@code -tcpAllowOthers}, listening on every network interface (guarded only
 * by a random key in the {@code .lock.db} file). A catalog is the user's own, so the server is bound to the
 * loopback interface: {@link #bindToLoopback()} sets H2's {@code h2.bindAddress} system property, unless the
 * JVM was started with one.
 */
final class H2Sharing {
    private static final Logger LOG = LoggerFactory.getLogger(H2Sharing.class);
    static final String BIND_ADDRESS_PROPERTY = "h2.bindAddress";
    static final String LOOPBACK = "127.0.0.1";

    private H2Sharing() {
    }

    /**
     * Makes H2's servers in this JVM listen on the loopback interface only. Must run before H2's
     * {@code SysProperties} class is loaded, which reads the property once; a later call only logs a warning.
     */
    static void bindToLoopback() {
        if (System.getProperty(BIND_ADDRESS_PROPERTY) == null) {
            System.setProperty(BIND_ADDRESS_PROPERTY, LOOPBACK);
        }
        String effective = org.h2.engine.SysProperties.BIND_ADDRESS;
        if (!LOOPBACK.equals(effective)) {
            LOG.warn("H2 serves shared catalog files on {} instead of the loopback interface (h2.bindAddress was"
                    + " set or read before Meshlens set it)", effective == null ? "every interface" : effective);
        }
    }

    /**
     * Whether {@code connection} reaches its H2 file through the process that holds it rather than opening it
     * in this process.
     */
    static boolean isThroughAnotherProcess(Connection connection) throws SQLException {
        return connection.isWrapperFor(JdbcConnection.class)
                && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionRemote;
    }

    /**
     * Whether the process holding the embedded H2 file of {@code url} serves it to others: its lock file
     * ({@code <name>.lock.db}, H2's {@code FILE_LOCK=FILE} method) then names a {@code server}. False when
     * there is no readable lock file.
     */
    static boolean holderShares(String url) {
        String path = url.substring("jdbc:h2:".length());
        if (path.regionMatches(true, 0, "file:", 0, "file:".length())) {
            path = path.substring("file:".length());
        }
        int settings = path.indexOf(';');
        if (settings >= 0) {
            path = path.substring(0, settings);
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        Properties lock = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(path + ".lock.db"))) {
            lock.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return lock.getProperty("server") != null;
    }
}
