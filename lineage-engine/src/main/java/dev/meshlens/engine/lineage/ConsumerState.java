package dev.meshlens.engine.lineage;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** How a consumer is using a product it may (or may not) read. */
public enum ConsumerState {
    /** A group of the consumer is active on the topic and its lag is within the threshold (or unknown). */
    UP_TO_DATE("up-to-date"),
    /** A group of the consumer is active on the topic and its lag exceeds the threshold. */
    LAGGING("lagging"),
    /**
     * A group of the consumer is active on the topic, its committed offset moved forward since the previous
     * snapshot and its lag is above the replay threshold: far behind and moving, re-reading history. Telling it
     * from lagging needs the previous snapshot's groups ({@link LineageOptions#previousGroups()}).
     */
    REPLAYING("replaying"),
    /** Every group of the consumer on the topic is inactive (Empty or Dead). */
    STOPPED("stopped"),
    /** The ACLs allow READ but no group of the consumer has offsets on the topic. */
    NEVER_CONSUMED("never-consumed"),
    /** A group consumes the topic but its principal may not READ it, or no principal can be found for it. */
    UNAUTHORIZED("unauthorized");

    private final String label;

    ConsumerState(String label) {
        this.label = label;
    }

    /** The stable output name, e.g. {@code up-to-date}; also the JSON value. */
    @JsonValue
    public String label() {
        return label;
    }

    /**
     * Parses a label as {@link #label()} prints it.
     *
     * @throws IllegalArgumentException naming the accepted labels
     */
    public static ConsumerState fromLabel(String text) {
        return Arrays.stream(values()).filter(s -> s.label.equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown consumer state '" + text
                        + "', expected one of " + Arrays.stream(values()).map(ConsumerState::label).toList()));
    }
}
