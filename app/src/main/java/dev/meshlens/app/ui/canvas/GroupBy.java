package dev.meshlens.app.ui.canvas;

/** What a big fan-out is grouped by when the canvas folds it into clusters. */
public enum GroupBy {
    /** The member's domain (a service's is the domain of the products it writes). */
    DOMAIN("domain"),
    /** The member's owner. */
    OWNER("owner"),
    /** The state of the member's link towards the focus (up to date, lagging, stopped, ...). */
    STATE("state");

    private final String label;

    GroupBy(String label) {
        this.label = label;
    }

    /** {@code domain}, {@code owner} or {@code state}: for menus and cluster ids. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
