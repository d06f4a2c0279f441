package dev.meshlens.engine.export;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The formats an export can be written in. Each has a stable lower-case label (the command line's
 * {@code --format} values, the manifest's {@code formats}) and fixed file names inside the export directory.
 */
public enum ExportFormat {
    /** The whole catalog state as the mesh JSON document, plus the snapshot header and the derived lineage. */
    JSON("json", List.of(MeshJsonWriter.FILE)),
    /** The lineage graph as GraphML with typed keys (Gephi, yEd, NetworkX). */
    GRAPHML("graphml", List.of(GraphFiles.GRAPHML_FILE)),
    /** The lineage graph in Graphviz's DOT language. */
    DOT("dot", List.of(GraphFiles.DOT_FILE)),
    /** Node and edge tables, and the impact list of a chosen product when one is given. */
    CSV("csv", List.of(CsvFiles.NODES_FILE, CsvFiles.EDGES_FILE)),
    /** Static lineage as OpenLineage dataset and job events, one JSON event per line. */
    OPENLINEAGE("openlineage", List.of(OpenLineageWriter.FILE));

    private final String label;
    private final List<String> files;

    ExportFormat(String label, List<String> files) {
        this.label = label;
        this.files = files;
    }

    /** The stable lower-case name, e.g. {@code graphml}; never changes once released. */
    public String label() {
        return label;
    }

    /**
     * The files this format always writes, relative to the export directory (CSV adds {@code impact.csv} when an
     * impact product is given).
     */
    public List<String> files() {
        return files;
    }

    /**
     * Parses a label as printed by {@link #label()}, ignoring case and surrounding spaces.
     *
     * @throws IllegalArgumentException naming every accepted label when {@code text} is not one
     */
    public static ExportFormat fromLabel(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown export format '" + text
                        + "', expected one of " + Arrays.stream(values()).map(ExportFormat::label)
                        .collect(Collectors.joining(", "))));
    }
}
