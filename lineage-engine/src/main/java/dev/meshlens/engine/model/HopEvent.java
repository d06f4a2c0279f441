package dev.meshlens.engine.model;

/**
 * What a {@link RecordHop} reports: that a service emitted the record (the record's own {@code lineage} header,
 * or an {@code emitted} line of a trace log), or only that a service consumed it.
 */
public enum HopEvent {
    /** The service produced the record, derived from the hop's parents (none for a source record). */
    EMITTED,
    /** The service consumed the record; what it did with it is told by hops naming the record as a parent. */
    CONSUMED;

    /**
     * Parses {@code emitted} or {@code consumed}, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static HopEvent parse(String text) {
        return Names.parseEnum(HopEvent.class, text);
    }
}
