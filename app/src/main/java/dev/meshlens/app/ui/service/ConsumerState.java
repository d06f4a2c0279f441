package dev.meshlens.app.ui.service;

/** The state of a consumer edge, as the domain defines it. */
public enum ConsumerState {
    UP_TO_DATE("Up to date", "Active and keeping up"),
    LAGGING("Lagging", "Active but behind the end of the topic"),
    REPLAYING("Replaying", "Committed far behind and moving: reprocessing history"),
    STOPPED("Stopped", "The group is Empty or Dead"),
    NEVER_CONSUMED("Never consumed", "Allowed to read, but no group of this principal has offsets"),
    UNAUTHORIZED("Unauthorized", "A group consumes the topic without a READ permission for its principal");

    private final String label;
    private final String explanation;

    ConsumerState(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    /** The short label shown in tables. */
    public String label() {
        return label;
    }

    /** One sentence for tooltips. */
    public String explanation() {
        return explanation;
    }

    /** The CSS style class that colours rows and chips in this state, e.g. {@code state-lagging}. */
    public String styleClass() {
        return "state-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
