package dev.meshlens.engine.trace;

import java.util.List;
import java.util.Objects;

/**
 * Everything known about one record's lineage: where it came from, what was derived from it, and the gaps.
 *
 * @param hop         the record itself, at depth 0
 * @param ancestors   every record it was derived from, however far back, each once at its shortest depth;
 *                    by depth, then record id (topic, partition, offset)
 * @param descendants every record derived from it, ordered the same way
 * @param gaps        every gap on the trace; by kind (in {@link TraceGap.Kind} order), then record id, then what
 *                    they involve
 */
public record RecordTrace(String record, TracedHop hop, List<TracedHop> ancestors, List<TracedHop> descendants,
                          List<TraceGap> gaps) {

    /** @throws NullPointerException when a component is null */
    public RecordTrace {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(hop, "hop");
        ancestors = List.copyOf(ancestors);
        descendants = List.copyOf(descendants);
        gaps = List.copyOf(gaps);
    }

    /** The gaps of one kind, in {@link #gaps()} order. */
    public List<TraceGap> gaps(TraceGap.Kind kind) {
        return gaps.stream().filter(g -> g.kind() == kind).toList();
    }
}
