package dev.meshlens.engine.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Opens connections to one JDBC URL through {@link DriverManager}. A {@link DataSource} so that Flyway uses
 * exactly the connections the store uses. Credentials stay in this object and are never logged.
 */
final class ConnectionFactory implements DataSource {
    private final String url;
    private final Properties credentials = new Properties();

    /**
     * @param user     null to rely on the URL (or the driver's default)
     * @param password null to rely on the URL (or the driver's default)
     */
    ConnectionFactory(String url, String user, String password) {
        this.url = url;
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(url, credentials);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        Properties other = new Properties();
        other.setProperty("user", user);
        other.setProperty("password", password);
        return DriverManager.getConnection(url, other);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // logging goes through SLF4J
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // DriverManager's login timeout is JVM-wide; the store does not change it for everyone
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging here");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
