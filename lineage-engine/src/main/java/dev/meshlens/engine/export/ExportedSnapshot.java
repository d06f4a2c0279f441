package dev.meshlens.engine.export;

import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.SourceKind;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code snapshot} header of a JSON export: which snapshot the catalog state is as of, and for each source
 * the snapshot its facts come from. Importing the export restores a snapshot taken at {@link #takenAt()} that
 * covers exactly {@link #sources()}.
 *
 * @param id      the snapshot the export is as of
 * @param takenAt that snapshot's time
 * @param cluster the cluster whose catalog was exported
 * @param sources for each source the state held, the id of the snapshot its facts come from
 */
public record ExportedSnapshot(long id, Instant takenAt, String cluster, Map<SourceKind, Long> sources) {

    /** @throws NullPointerException when a component is null */
    public ExportedSnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(cluster, "cluster");
        EnumMap<SourceKind, Long> copy = new EnumMap<>(SourceKind.class);
        copy.putAll(sources);
        sources = Collections.unmodifiableMap(copy);
    }

    /** The header of an export of {@code state}. */
    public static ExportedSnapshot of(CatalogState state) {
        Map<SourceKind, Long> sources = new EnumMap<>(SourceKind.class);
        state.sourceSnapshots().forEach((source, snapshot) -> sources.put(source, snapshot.id()));
        return new ExportedSnapshot(state.asOf().id(), state.asOf().takenAt(), state.cluster(), sources);
    }
}
