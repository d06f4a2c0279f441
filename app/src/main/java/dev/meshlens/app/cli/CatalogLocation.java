package dev.meshlens.app.cli;

import dev.meshlens.engine.store.CatalogStore;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Where the catalog lives: a JDBC URL, or a path that names an H2 file. */
public final class CatalogLocation {
    /** The environment variable that names the catalog when {@code --db} is not given. */
    public static final String ENV = "MESHLENS_DB";

    private CatalogLocation() {
    }

    /**
     * Turns the {@code --db} option into a JDBC URL: a {@code jdbc:} URL is taken as it is; anything else is
     * the path of an H2 catalog file ({@code .mv.db} suffix optional). Without the option, {@code $MESHLENS_DB},
     * then the default catalog in the user's home.
     */
    public static String resolve(String dbOption, Map<String, String> env) {
        String chosen = dbOption != null && !dbOption.isBlank() ? dbOption : env.get(ENV);
        if (chosen == null || chosen.isBlank()) {
            return CatalogStore.defaultJdbcUrl();
        }
        if (chosen.startsWith("jdbc:")) {
            return chosen;
        }
        String path = chosen.startsWith("~/") ? System.getProperty("user.home") + chosen.substring(1) : chosen;
        if (path.endsWith(".mv.db")) {
            path = path.substring(0, path.length() - ".mv.db".length());
        }
        return "jdbc:h2:file:" + Path.of(path).toAbsolutePath().normalize();
    }

    /**
     * Opens the catalog at {@code jdbcUrl}, with the {@link CatalogCredentials} of {@code env} when it is a
     * shared catalog (any URL but a local H2 file or in-memory database: those are the user's own, and a
     * password meant for the team's PostgreSQL would lock the user out of them).
     *
     * @throws dev.meshlens.engine.store.StoreException naming the catalog (without password) and why it cannot
     *                                                  be opened
     * @throws CliException when the credentials file is readable by others
     */
    public static CatalogStore open(String jdbcUrl, Map<String, String> env) {
        return open(jdbcUrl, env, false);
    }

    /**
     * Opens the catalog at {@code jdbcUrl} as {@link #open(String, Map)} does, read-only when asked (see
     * {@link CatalogStore#openReadOnly}).
     *
     * @throws dev.meshlens.engine.store.CatalogInUseException when another process holds the H2 file (and, when
     *                                                         read-only, does not share it)
     * @throws dev.meshlens.engine.store.StoreException        naming the catalog and why it cannot be opened
     * @throws CliException when the credentials file is readable by others
     */
    public static CatalogStore open(String jdbcUrl, Map<String, String> env, boolean readOnly) {
        Optional<CatalogCredentials> credentials = isShared(jdbcUrl) ? CatalogCredentials.resolve(env)
                : Optional.empty();
        String user = credentials.map(CatalogCredentials::user).orElse(null);
        String password = credentials.map(CatalogCredentials::password).orElse(null);
        return readOnly ? CatalogStore.openReadOnly(jdbcUrl, user, password)
                : CatalogStore.open(jdbcUrl, user, password);
    }

    /** Whether {@code jdbcUrl} names a catalog on a server rather than a local H2 file or memory. */
    static boolean isShared(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (!url.startsWith("jdbc:h2:")) {
            return true;
        }
        return url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:");
    }
}
