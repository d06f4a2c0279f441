package dev.meshlens.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The row lock that makes imports into one catalog run one at a time, across connections and processes. */
final class StoreLock {
    /** H2's error code for a lock wait that timed out. */
    private static final int H2_LOCK_TIMEOUT = 50200;
    /** PostgreSQL's SQL state for lock_not_available (lock_timeout expired). */
    private static final String PG_LOCK_NOT_AVAILABLE = "55P03";

    private StoreLock() {
    }

    /**
     * Locks the {@code store_lock} row until {@code connection}'s transaction ends, waiting for another holder
     * up to the database's lock timeout.
     */
    static void acquire(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM store_lock WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the catalog schema is damaged: store_lock has no row");
            }
        }
    }

    /** Whether {@code e} says the lock wait timed out. */
    static boolean isTimeout(SQLException e) {
        return e.getErrorCode() == H2_LOCK_TIMEOUT || PG_LOCK_NOT_AVAILABLE.equals(e.getSQLState());
    }
}
