package dev.meshlens.engine.lineage;

import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.SourceKind;

import java.util.List;
import java.util.Objects;

/**
 * How the lineage graph judges consumers.
 *
 * @param lagThreshold       total lag (messages, summed over a group's partitions of a topic) up to which an active
 *                           consumer counts as up to date; above it, lagging
 * @param replayLagThreshold total lag above which an active group whose committed offset moved forward since the
 *                           previous snapshot counts as replaying (re-reading history) rather than lagging
 * @param previousGroups     the consumer groups of the previous snapshot that covered groups; empty when there is
 *                           none, and then no consumer is judged replaying
 */
public record LineageOptions(long lagThreshold, long replayLagThreshold, List<ConsumerGroup> previousGroups) {

    /** The replay lag threshold of {@link #defaults()}: a thousand records behind. */
    public static final long DEFAULT_REPLAY_LAG_THRESHOLD = 1_000;

    /**
     * @throws IllegalArgumentException when a threshold is negative
     * @throws NullPointerException     when {@code previousGroups} is null
     */
    public LineageOptions {
        if (lagThreshold < 0) {
            throw new IllegalArgumentException("lag threshold must be 0 or more, got " + lagThreshold);
        }
        if (replayLagThreshold < 0) {
            throw new IllegalArgumentException("replay lag threshold must be 0 or more, got " + replayLagThreshold);
        }
        previousGroups = List.copyOf(Objects.requireNonNull(previousGroups, "previousGroups"));
    }

    /**
     * Options with the given lag threshold, the default replay threshold and no previous snapshot.
     *
     * @throws IllegalArgumentException when {@code lagThreshold} is negative
     */
    public LineageOptions(long lagThreshold) {
        this(lagThreshold, DEFAULT_REPLAY_LAG_THRESHOLD, List.of());
    }

    /** Threshold 0 (any lag is lagging), replay threshold {@value #DEFAULT_REPLAY_LAG_THRESHOLD}, no previous snapshot. */
    public static LineageOptions defaults() {
        return new LineageOptions(0);
    }

    /** These options with another lag threshold. */
    public LineageOptions withLagThreshold(long threshold) {
        return new LineageOptions(threshold, replayLagThreshold, previousGroups);
    }

    /** These options with another replay lag threshold. */
    public LineageOptions withReplayLagThreshold(long threshold) {
        return new LineageOptions(lagThreshold, threshold, previousGroups);
    }

    /** These options comparing consumer groups with {@code groups}, those of the previous snapshot. */
    public LineageOptions withPreviousGroups(List<ConsumerGroup> groups) {
        return new LineageOptions(lagThreshold, replayLagThreshold, groups);
    }

    /**
     * These options comparing consumer groups with those of {@code previous}, the catalog as of the newest snapshot
     * before the current one that covered {@link SourceKind#GROUPS}. A state without groups gives no comparison.
     */
    public LineageOptions withPrevious(CatalogState previous) {
        Objects.requireNonNull(previous, "previous");
        return withPreviousGroups(previous.has(SourceKind.GROUPS) ? previous.content().groups() : List.of());
    }

    /** Counts the previous groups instead of printing them: there may be thousands. */
    @Override
    public String toString() {
        return "LineageOptions[lagThreshold=" + lagThreshold + ", replayLagThreshold=" + replayLagThreshold
                + ", previousGroups=" + previousGroups.size() + "]";
    }
}
