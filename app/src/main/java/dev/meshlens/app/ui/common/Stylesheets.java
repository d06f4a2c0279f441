package dev.meshlens.app.ui.common;

import java.net.URL;
import java.util.List;
import java.util.Objects;

/** The window's stylesheets: shared layout in {@code base.css}, colours in {@code light.css} or {@code dark.css}. */
public final class Stylesheets {
    private Stylesheets() {
    }

    /** The stylesheet URLs for the light or the dark theme, base first. */
    public static List<String> forTheme(boolean dark) {
        return List.of(url("base.css"), url(dark ? "dark.css" : "light.css"));
    }

    private static String url(String name) {
        URL url = Stylesheets.class.getResource("/dev/meshlens/app/ui/" + name);
        return Objects.requireNonNull(url, "missing stylesheet " + name).toExternalForm();
    }
}
