package dev.meshlens.engine.lineage;

/**
 * How the lineage graph judges consumers.
 *
 * @param lagThreshold total lag (messages, summed over a group's partitions of a topic) up to which an active
 *                     consumer counts as up to date; above it, lagging
 */
public record LineageOptions(long lagThreshold) {

    /** @throws IllegalArgumentException when {@code lagThreshold} is negative */
    public LineageOptions {
        if (lagThreshold < 0) {
            throw new IllegalArgumentException("lag threshold must be 0 or more, got " + lagThreshold);
        }
    }

    /** Threshold 0: any lag is lagging. */
    public static LineageOptions defaults() {
        return new LineageOptions(0);
    }

    /** These options with another threshold. */
    public LineageOptions withLagThreshold(long threshold) {
        return new LineageOptions(threshold);
    }
}
