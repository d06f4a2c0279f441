package dev.meshlens.engine.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One fresh catalog location for one test, on one {@link TestDatabase}: its URL and credentials, and helpers
 * that look into it through connections of their own.
 */
record TestCatalog(TestDatabase database, String url, String user, String password, Runnable dropper)
        implements AutoCloseable {
    /** The catalog tables, in dump order. */
    private static final List<String> TABLES = List.of("snapshot", "snapshot_source", "fact", "store_lock");

    /** Opens the store on this location. */
    CatalogStore open() {
        return CatalogStore.open(url, user, password);
    }

    /** Opens the store with imports giving up after waiting {@code millis} for the import lock. */
    CatalogStore openWithLockTimeout(int millis) {
        return CatalogStore.open(database == TestDatabase.H2
                ? url + ";LOCK_TIMEOUT=" + millis
                : url + "&options=-c%20lock_timeout%3D" + millis, user, password);
    }

    Connection connect() throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    /** The result of one SQL query returning a single number. */
    long count(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every row of every catalog table (and the column names of each), ordered, as text: equal dumps mean
     * equal table contents on any database.
     */
    String tableDump() {
        StringBuilder dump = new StringBuilder();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String table : TABLES) {
                String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = meta.getColumns(null, c.getSchema(), name, null)) {
                    while (rs.next()) {
                        columns.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME"));
                    }
                }
                dump.append(table).append(' ').append(columns).append('\n');
                StringBuilder order = new StringBuilder();
                for (int i = 1; i <= columns.size(); i++) {
                    order.append(i == 1 ? " ORDER BY " : ", ").append(i);
                }
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + order)) {
                    appendRows(rs, dump);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return dump.toString();
    }

    private static void appendRows(ResultSet rs, StringBuilder dump) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                dump.append(i == 1 ? "" : " | ").append(rs.getString(i));
            }
            dump.append('\n');
        }
    }

    /** Drops the location (a PostgreSQL schema; the H2 file goes with its temporary directory). */
    @Override
    public void close() {
        dropper.run();
    }
}
