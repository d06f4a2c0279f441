package dev.meshlens.app.ui.settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Asks the desktop whether it prefers a dark theme. JavaFX 21 has no API for this (Platform.Preferences came
 * in 22), so it asks the platform's own tools: GNOME's gsettings (and GTK_THEME), macOS's AppleInterfaceStyle,
 * Windows' AppsUseLightTheme. Every probe is bounded by a short timeout; any doubt means light.
 */
public final class SystemTheme {
    private static final Logger LOG = LoggerFactory.getLogger(SystemTheme.class);
    private static final long TIMEOUT_MS = 1500;

    private SystemTheme() {
    }

    /** Whether the desktop prefers dark; false when it cannot tell. Blocks up to about a second and a half. */
    public static boolean prefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        try {
            if (os.contains("mac")) {
                return run(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).toLowerCase(Locale.ROOT)
                        .contains("dark");
            }
            if (os.contains("win")) {
                String out = run(List.of("reg", "query",
                        "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                        "/v", "AppsUseLightTheme"));
                return out.contains("0x0");
            }
            return linuxPrefersDark(System.getenv("GTK_THEME"),
                    run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")),
                    run(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme")));
        } catch (IOException e) {
            LOG.debug("Cannot ask the desktop for its theme: {}", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Reads the Linux desktop's answers: {@code GTK_THEME=Adwaita:dark}, gsettings' {@code 'prefer-dark'}
     * colour scheme, or a GTK theme whose name ends in {@code -dark}.
     */
    static boolean linuxPrefersDark(String gtkThemeEnv, String colorScheme, String gtkTheme) {
        if (gtkThemeEnv != null && gtkThemeEnv.toLowerCase(Locale.ROOT).contains(":dark")) {
            return true;
        }
        if (colorScheme != null && colorScheme.toLowerCase(Locale.ROOT).contains("prefer-dark")) {
            return true;
        }
        return gtkTheme != null && gtkTheme.toLowerCase(Locale.ROOT).replace("'", "").trim().endsWith("-dark");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return ""; // the tool is not installed: nothing to learn from it
        }
        try (InputStream out = process.getInputStream()) {
            if (!process.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return "";
            }
            return process.exitValue() == 0 ? new String(out.readAllBytes(), StandardCharsets.UTF_8).trim() : "";
        }
    }
}
