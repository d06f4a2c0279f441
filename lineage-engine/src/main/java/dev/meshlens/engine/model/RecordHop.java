package dev.meshlens.engine.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A record seen by a service: the {@code lineage} header of a record, or a line of an external trace log.
 *
 * @param recordId {@code topic-partition@offset}
 * @param parents  record ids this record was derived from; empty for a source record, several for joins
 */
public record RecordHop(String recordId, String service, Instant at, List<String> parents) {

    public RecordHop {
        Objects.requireNonNull(recordId, "recordId");
        parents = parents == null ? List.of() : List.copyOf(parents);
    }
}
