package dev.meshlens.app.ui.canvas;

import dev.meshlens.engine.lineage.ConsumerState;

/** How an edge is drawn: a write, a read in one of the consumer states, or a link of a record trace. */
public enum EdgeStyle {
    WRITE, UP_TO_DATE, LAGGING, REPLAYING, STOPPED, NEVER_CONSUMED, UNAUTHORIZED,
    /** A record derived from another (record trace). */
    DERIVED,
    /** A record trace link whose parent is unknown (a gap in the trace). */
    GAP;

    /** The style of a read edge in {@code state}; an edge without a state is drawn as up to date. */
    public static EdgeStyle of(ConsumerState state) {
        if (state == null) {
            return UP_TO_DATE;
        }
        return switch (state) {
            case UP_TO_DATE -> UP_TO_DATE;
            case LAGGING -> LAGGING;
            case REPLAYING -> REPLAYING;
            case STOPPED -> STOPPED;
            case NEVER_CONSUMED -> NEVER_CONSUMED;
            case UNAUTHORIZED -> UNAUTHORIZED;
        };
    }
}
