package dev.meshlens.engine.model;

/** Consumer group states as Kafka reports them (classic and consumer protocols). */
public enum GroupState {
    STABLE, PREPARING_REBALANCE, COMPLETING_REBALANCE, ASSIGNING, RECONCILING, EMPTY, DEAD, NOT_READY, UNKNOWN;

    /** Whether the group has live members: everything but Empty and Dead (and Unknown). */
    public boolean isActive() {
        return this != EMPTY && this != DEAD && this != UNKNOWN;
    }

    /** Parses Kafka's spellings: {@code Stable}, {@code PreparingRebalance}, {@code EMPTY}. */
    public static GroupState parse(String text) {
        return Names.parseEnum(GroupState.class, text);
    }
}
