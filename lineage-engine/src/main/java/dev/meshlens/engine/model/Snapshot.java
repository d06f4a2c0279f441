package dev.meshlens.engine.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable, timestamped import. Snapshot ids grow with time, so "as of" is a comparison of ids.
 *
 * @param origin what was imported, e.g. the file names or {@code kafka:broker:9092}; never credentials
 */
public record Snapshot(long id, Instant takenAt, String cluster, Set<SourceKind> sources, String origin) {

    public Snapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(cluster, "cluster");
        sources = sources == null ? Set.of() : Set.copyOf(sources);
    }
}
