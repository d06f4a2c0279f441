package dev.meshlens.engine.trace;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A place where a record trace cannot tell the whole story.
 *
 * @param record   the record the gap is about
 * @param detail   a sentence for the reader
 * @param involved what else the gap names: for {@link Kind#NO_HEADER} the records naming it as a parent; for
 *                 {@link Kind#JOIN} its parents; for {@link Kind#SILENT_CONSUMER} the service; for
 *                 {@link Kind#CYCLE} the parent whose link was ignored
 */
public record TraceGap(Kind kind, String record, String detail, List<String> involved) {

    /** The kinds of gap, each with a stable label used in output. */
    public enum Kind {
        /** The record has no hop of its own: whoever wrote it added no {@code lineage} header. */
        NO_HEADER("no-header"),
        /** The record was derived from several parents (a join or an aggregation). */
        JOIN("join"),
        /** A service reads the record's topic, or reported consuming the record, but emitted nothing from it. */
        SILENT_CONSUMER("silent-consumer"),
        /** Bad data: a parent link would close a cycle and was ignored. */
        CYCLE("cycle");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The stable output name, e.g. {@code no-header}. */
        public String label() {
            return label;
        }

        /**
         * Parses a label as {@link #label()} prints it.
         *
         * @throws IllegalArgumentException naming the labels
         */
        public static Kind fromLabel(String text) {
            return Arrays.stream(values()).filter(k -> k.label.equals(text)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown gap kind '" + text + "', expected one of "
                            + Arrays.stream(values()).map(Kind::label).toList()));
        }
    }

    /** @throws NullPointerException when a component is null */
    public TraceGap {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(detail, "detail");
        involved = List.copyOf(involved);
    }
}
