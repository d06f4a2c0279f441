package dev.meshlens.app.ui.settings;

/** The user's theme setting: follow the desktop, or always light or dark. */
public enum Theme {
    SYSTEM("Follow the system"), LIGHT("Light"), DARK("Dark");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    /** The menu label. */
    public String label() {
        return label;
    }

    /**
     * Whether the window should be dark.
     *
     * @param systemPrefersDark what the desktop asks for (only consulted for {@link #SYSTEM})
     */
    public boolean isDark(boolean systemPrefersDark) {
        return this == DARK || (this == SYSTEM && systemPrefersDark);
    }
}
