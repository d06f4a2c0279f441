package dev.meshlens.app.ui.settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What the window remembers between runs (size and position, the last catalog and cluster, the theme), kept
 * in a small properties file, by default {@code ~/.meshlens/ui.properties}. A missing or damaged file gives the
 * defaults; saving never throws, since losing a window size must not lose the user's work.
 */
public final class UiSettings {
    private static final Logger LOG = LoggerFactory.getLogger(UiSettings.class);
    private static final String WIDTH = "window.width";
    private static final String HEIGHT = "window.height";
    private static final String X = "window.x";
    private static final String Y = "window.y";
    private static final String MAXIMIZED = "window.maximized";
    private static final String CATALOG = "catalog.last";
    private static final String CLUSTER = "cluster.last";
    private static final String THEME = "theme";
    private static final String TIMELINE = "timeline.visible";
    private static final String RECENT = "catalog.recent.";
    /** How many catalogs the File menu's recent list keeps. */
    public static final int MAX_RECENT = 8;

    /** The window's size when nothing is remembered. */
    public static final double DEFAULT_WIDTH = 1280;
    /** The window's height when nothing is remembered. */
    public static final double DEFAULT_HEIGHT = 800;

    private final Path file;
    private final Properties values = new Properties();

    private UiSettings(Path file) {
        this.file = file;
    }

    /** The settings file in the user's home: {@code ~/.meshlens/ui.properties}. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".meshlens", "ui.properties");
    }

    /** Reads {@code file}; a missing or unreadable file yields the defaults. */
    public static UiSettings load(Path file) {
        UiSettings settings = new UiSettings(file);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                settings.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Ignoring unreadable settings file {}: {}", file, e.getMessage());
                settings.values.clear();
            }
        }
        return settings;
    }

    /** Writes the settings (atomically, via a temporary file). Failures are logged, not thrown. */
    public void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                values.store(out, "Meshlens window settings");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not save the window settings to {}: {}", file, e.getMessage());
        }
    }

    /** The remembered window width, at least 640. */
    public double width() {
        return Math.max(640, number(WIDTH, DEFAULT_WIDTH));
    }

    /** The remembered window height, at least 400. */
    public double height() {
        return Math.max(400, number(HEIGHT, DEFAULT_HEIGHT));
    }

    /** The remembered window position, if any. */
    public Optional<double[]> position() {
        if (!values.containsKey(X) || !values.containsKey(Y)) {
            return Optional.empty();
        }
        return Optional.of(new double[] {number(X, 0), number(Y, 0)});
    }

    /** Whether the window was maximized. */
    public boolean maximized() {
        return Boolean.parseBoolean(values.getProperty(MAXIMIZED, "false"));
    }

    /** Remembers the window's bounds; the size of a maximized window is not remembered, only that it was. */
    public void rememberWindow(double x, double y, double width, double height, boolean isMaximized) {
        values.setProperty(MAXIMIZED, Boolean.toString(isMaximized));
        if (!isMaximized) {
            values.setProperty(X, Double.toString(x));
            values.setProperty(Y, Double.toString(y));
            values.setProperty(WIDTH, Double.toString(width));
            values.setProperty(HEIGHT, Double.toString(height));
        }
    }

    /** The catalog (JDBC URL) opened last, if any. */
    public Optional<String> lastCatalog() {
        return Optional.ofNullable(blankToNull(values.getProperty(CATALOG)));
    }

    /** Remembers the catalog opened, as the last one and first in the recent list. */
    public void rememberCatalog(String jdbcUrl) {
        set(CATALOG, jdbcUrl);
        if (jdbcUrl == null) {
            return;
        }
        List<String> recent = new ArrayList<>(recentCatalogs());
        recent.remove(jdbcUrl);
        recent.add(0, jdbcUrl);
        for (int i = 0; i < MAX_RECENT; i++) {
            set(RECENT + i, i < recent.size() ? recent.get(i) : null);
        }
    }

    /** The catalogs opened lately (JDBC URLs), the newest first, at most {@value #MAX_RECENT}. */
    public List<String> recentCatalogs() {
        List<String> recent = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String url = blankToNull(values.getProperty(RECENT + i));
            if (url != null && !recent.contains(url)) {
                recent.add(url);
            }
        }
        return recent;
    }

    /** The cluster viewed last, if any. */
    public Optional<String> lastCluster() {
        return Optional.ofNullable(blankToNull(values.getProperty(CLUSTER)));
    }

    /** Remembers the cluster viewed. */
    public void rememberCluster(String cluster) {
        set(CLUSTER, cluster);
    }

    /** The theme setting; {@link Theme#SYSTEM} unless the user chose. */
    public Theme theme() {
        try {
            return Theme.valueOf(values.getProperty(THEME, Theme.SYSTEM.name()));
        } catch (IllegalArgumentException e) {
            return Theme.SYSTEM;
        }
    }

    /** Remembers the theme setting. */
    public void rememberTheme(Theme theme) {
        set(THEME, theme.name());
    }

    /** Whether the timeline panel was open. */
    public boolean timelineVisible() {
        return Boolean.parseBoolean(values.getProperty(TIMELINE, "true"));
    }

    /** Remembers whether the timeline panel is open. */
    public void rememberTimelineVisible(boolean visible) {
        values.setProperty(TIMELINE, Boolean.toString(visible));
    }

    private void set(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
    }

    private double number(String key, double fallback) {
        try {
            String text = values.getProperty(key);
            double value = text == null ? fallback : Double.parseDouble(text);
            return Double.isFinite(value) ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
