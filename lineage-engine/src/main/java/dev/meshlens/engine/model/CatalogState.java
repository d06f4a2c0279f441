package dev.meshlens.engine.model;

import java.util.Map;
import java.util.Objects;

/**
 * The catalog of one cluster as of a snapshot: for every source, what the newest import at or before
 * {@code asOf} that covered that source saw.
 *
 * @param sourceSnapshots for each source present, the snapshot its facts come from
 */
public record CatalogState(String cluster, Snapshot asOf, Map<SourceKind, Snapshot> sourceSnapshots,
                           MeshContent content) {

    public CatalogState {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(asOf, "asOf");
        sourceSnapshots = Map.copyOf(sourceSnapshots);
        Objects.requireNonNull(content, "content");
    }

    /** Whether any import up to {@code asOf} covered {@code source}. */
    public boolean has(SourceKind source) {
        return sourceSnapshots.containsKey(source);
    }
}
