package dev.meshlens.app.ui.service;

import java.nio.file.Path;

/** Opens catalogs kept in a store (an H2 file by default, any JDBC URL by option). */
public final class StoreCatalogs {
    private StoreCatalogs() {
    }

    /** The default catalog: the H2 file database {@code ~/.meshlens/catalog}. */
    public static String defaultUrl() {
        return "jdbc:h2:" + Path.of(System.getProperty("user.home"), ".meshlens", "catalog");
    }

    /**
     * Opens the catalog at {@code jdbcUrl}.
     *
     * @throws IllegalStateException until the store lands on this branch
     */
    public static CatalogService open(String jdbcUrl) {
        throw new IllegalStateException("TODO(ui): store not merged yet; cannot open " + jdbcUrl);
    }
}
