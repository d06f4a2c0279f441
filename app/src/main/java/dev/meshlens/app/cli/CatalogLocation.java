package dev.meshlens.app.cli;

import dev.meshlens.engine.store.CatalogStore;

import java.nio.file.Path;
import java.util.Map;

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
}
