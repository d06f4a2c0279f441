package dev.meshlens.app.ui.common;

import javafx.scene.layout.Region;

/**
 * Small vector icons drawn by CSS shapes (see {@code base.css}), so they take the theme's colours and need no
 * font or image files.
 */
public final class Icons {
    private Icons() {
    }

    /** An icon region with style classes {@code icon} and {@code icon-<name>}, e.g. {@code search}. */
    public static Region icon(String name) {
        Region region = new Region();
        region.getStyleClass().addAll("icon", "icon-" + name);
        region.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        region.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        return region;
    }
}
