package dev.meshlens.engine.trace;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A record on a trace, with the hop that emitted it.
 *
 * @param record  the record id, {@code topic-partition@offset}
 * @param service the service that emitted the record, or null when no hop (no {@code lineage} header, no
 *                {@code emitted} report) names it
 * @param at      when the service processed it, or null when unknown
 * @param parents the records it was derived from, in record id order; empty for a source record and for a
 *                record without a hop
 * @param depth   hops from the traced record: 0 for the record itself, 1 for its parents (or children)
 * @param hasHop  whether some hop emitted the record; false for a record known only as a parent or as consumed
 */
public record TracedHop(String record, String service, Instant at, List<String> parents, int depth,
                        boolean hasHop) {

    /** @throws IllegalArgumentException when {@code depth} is negative */
    public TracedHop {
        Objects.requireNonNull(record, "record");
        parents = List.copyOf(parents);
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be 0 or more, got " + depth);
        }
    }
}
