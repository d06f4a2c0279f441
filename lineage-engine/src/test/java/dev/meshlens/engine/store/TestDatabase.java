package dev.meshlens.engine.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the store suite runs on. H2 always; PostgreSQL when {@code MESHLENS_TEST_PG_URL},
 * {@code MESHLENS_TEST_PG_USER} and {@code MESHLENS_TEST_PG_PASSWORD} name one (each test gets a fresh schema).
 * Without them the PostgreSQL variants are skipped, except under CI (env {@code CI} set), where they fail: a
 * CI run that silently tested H2 alone would claim more than it proved.
 */
enum TestDatabase {
    H2 {
        @Override
        TestCatalog fresh(Path dir) {
            return new TestCatalog(this, StoreFiles.url(dir), null, null, () -> { });
        }
    },
    POSTGRESQL {
        @Override
        TestCatalog fresh(Path dir) {
            String url = System.getenv("MESHLENS_TEST_PG_URL");
            String user = System.getenv("MESHLENS_TEST_PG_USER");
            String password = System.getenv("MESHLENS_TEST_PG_PASSWORD");
            if (url == null || user == null || password == null) {
                String message = "PostgreSQL tests need MESHLENS_TEST_PG_URL, MESHLENS_TEST_PG_USER and"
                        + " MESHLENS_TEST_PG_PASSWORD (.ci/run starts a throwaway PostgreSQL and sets them)";
                if (System.getenv("CI") != null) {
                    fail("CI is set but PostgreSQL is not configured: " + message);
                }
                Assumptions.abort(message);
            }
            String schema = "t_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
            execute(url, user, password, "CREATE SCHEMA " + schema);
            String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new TestCatalog(this, schemaUrl, user, password,
                    () -> execute(url, user, password, "DROP SCHEMA " + schema + " CASCADE"));
        }
    };

    /** A new, empty catalog location on this database; {@code dir} is a per-test temporary directory. */
    abstract TestCatalog fresh(Path dir);

    /** Every database, for {@code @ParameterizedClass @MethodSource}. */
    static Stream<TestDatabase> all() {
        return Stream.of(values());
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the test PostgreSQL: " + e.getMessage(), e);
        }
    }
}
