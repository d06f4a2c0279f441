package dev.meshlens.engine.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A record seen by a service: the {@code lineage} header of a record, or a line of an external trace log.
 *
 * <p>Most hops say that {@code service} emitted {@code recordId}, derived from {@code parents}. A trace log can
 * also report that a service merely consumed a record ({@link HopEvent#CONSUMED}); such a hop has no parents
 * and is evidence for consumers that emit nothing.
 *
 * @param recordId {@code topic-partition@offset}
 * @param parents  record ids this record was derived from; empty for a source record, several for joins, always
 *                 empty for a consumed hop
 * @param event    what the hop reports; {@link HopEvent#EMITTED} when null. It is kept as null for emitted hops
 *                 so that hops stored before this component existed keep their bytes (the store recognises
 *                 unchanged facts by their serialized form); read it through {@link #event()}, never null
 */
public record RecordHop(String recordId, String service, Instant at, List<String> parents, HopEvent event) {

    /** @throws IllegalArgumentException when a consumed hop names parents */
    public RecordHop {
        Objects.requireNonNull(recordId, "recordId");
        parents = parents == null ? List.of() : List.copyOf(parents);
        event = event == HopEvent.EMITTED ? null : event;
        if (event == HopEvent.CONSUMED && !parents.isEmpty()) {
            throw new IllegalArgumentException("a consumed hop has no parents: " + recordId + " was consumed by "
                    + service + ", parents " + parents);
        }
    }

    /** A hop reporting that {@code service} emitted {@code recordId}: the shape of a {@code lineage} header. */
    public RecordHop(String recordId, String service, Instant at, List<String> parents) {
        this(recordId, service, at, parents, null);
    }

    /** What the hop reports: {@link HopEvent#EMITTED} unless it is evidence of consumption only. */
    @Override
    public HopEvent event() {
        return event == null ? HopEvent.EMITTED : event;
    }

    /** Whether the hop only reports that {@link #service()} consumed {@link #recordId()}. */
    public boolean isConsumption() {
        return event == HopEvent.CONSUMED;
    }
}
