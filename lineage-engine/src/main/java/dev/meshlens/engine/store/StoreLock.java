package dev.meshlens.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The row lock that makes imports into one catalog run one at a time, across connections and processes. */
final class StoreLock {
    /** H2's error code for a lock wait that timed out. */
    private static final int H2_LOCK_TIMEOUT = 50200;
    /** PostgreSQL's SQL state for lock_not_available (lock_timeout expired). */
    private static final String PG_LOCK_NOT_AVAILABLE = "55P03";
    /**
     * How long an import on PostgreSQL waits for another one when the session sets no {@code lock_timeout}: the
     * same as H2's catalog default, instead of PostgreSQL's default of waiting forever behind a client that hung.
     */
    static final String PG_DEFAULT_LOCK_TIMEOUT = "60s";

    private StoreLock() {
    }

    /**
     * Locks the {@code store_lock} row until {@code connection}'s transaction ends, waiting for another holder
     * up to the database's lock timeout.
     */
    static void acquire(Connection connection) throws SQLException {
        if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            limitPostgresWait(connection);
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM store_lock WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the catalog schema is damaged: store_lock has no row");
            }
        }
    }

    /**
     * Sets {@code lock_timeout} for the current transaction only ({@code SET LOCAL}) when the session has none
     * (a URL's {@code options=-c lock_timeout=...} is respected), so the reader connection is not affected.
     */
    private static void limitPostgresWait(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            String current;
            try (ResultSet rs = statement.executeQuery("SHOW lock_timeout")) {
                current = rs.next() ? rs.getString(1) : "0";
            }
            if ("0".equals(current)) {
                statement.execute("SET LOCAL lock_timeout = '" + PG_DEFAULT_LOCK_TIMEOUT + "'");
            }
        }
    }

    /** Whether {@code e} says the lock wait timed out. */
    static boolean isTimeout(SQLException e) {
        return e.getErrorCode() == H2_LOCK_TIMEOUT || PG_LOCK_NOT_AVAILABLE.equals(e.getSQLState());
    }
}
