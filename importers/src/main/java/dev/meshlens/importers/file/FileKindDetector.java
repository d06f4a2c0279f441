package dev.meshlens.importers.file;

import dev.meshlens.engine.model.InputException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells the kind of a file from its content, never from its name: a file called {@code acls.csv} may hold
 * anything. Looks at the first {@link #HEAD_CHARS} characters: a first line that is one whole JSON object with
 * {@code event} and {@code record} keys starts a trace log (JSON lines); any other JSON object is a mesh
 * document; a first line that is a CSV header of known columns is one of the sheets; otherwise the signatures
 * of Kafka's command line outputs decide. Stateless and thread-safe.
 */
public final class FileKindDetector {
    /** How much of the start of a file detection needs. */
    public static final int HEAD_CHARS = 16 * 1024;

    private static final Set<String> CATALOG_COLUMNS = keys(CatalogCsvParser.REQUIRED, CatalogCsvParser.OPTIONAL);

    /**
     * The kind of the file that starts with {@code head}.
     *
     * @param fileName the name used in the error message
     * @param head     the first characters of the file (up to {@link #HEAD_CHARS}; more is ignored)
     * @throws InputException at line 1 naming the accepted kinds and {@code --kind} when the content is not
     *                        recognised
     */
    public FileKind detect(String fileName, String head) {
        String text = head.length() > HEAD_CHARS ? head.substring(0, HEAD_CHARS) : head;
        if (!text.isEmpty() && text.charAt(0) == TextInput.BOM) {
            text = text.substring(1);
        }
        String start = text.stripLeading();
        if (start.startsWith("{")) {
            // JSON lines of trace reports start with an object too; a mesh document has neither key at its top
            // level, and a pretty-printed one has no whole object on its first line
            boolean trace = start.lines().findFirst().filter(TraceLogParser::isTraceReport).isPresent();
            return trace ? FileKind.TRACE_LOG : FileKind.MESH_JSON;
        }
        Optional<FileKind> sheet = start.lines().findFirst().flatMap(FileKindDetector::sheet);
        if (sheet.isPresent()) {
            return sheet.get();
        }
        return KafkaCliParsers.detect(text).orElseThrow(() -> new InputException(fileName, 1,
                "cannot tell what kind of file this is" + (start.isEmpty() ? " (it is empty)" : "")
                        + "; expected one of " + FileKind.catalogue() + " (use --kind)"));
    }

    /** The sheet whose header {@code firstLine} is, judged by the column names it holds. */
    private static Optional<FileKind> sheet(String firstLine) {
        Set<String> columns = keys(headerCells(firstLine));
        if (columns.contains("principal")) {
            return Optional.of(columns.contains("group") ? FileKind.GROUP_MAPPING_CSV : FileKind.SERVICES_CSV);
        }
        // A sheet that misses a required column still goes to its parser, which names the missing column.
        long catalogColumns = columns.stream().filter(CATALOG_COLUMNS::contains).count();
        if (columns.contains("topic") || catalogColumns >= 2) {
            return Optional.of(FileKind.CATALOG_CSV);
        }
        return Optional.empty();
    }

    /** The cells of a header line: split on commas outside double quotes, quotes removed. */
    private static List<String> headerCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    @SafeVarargs
    private static Set<String> keys(List<String>... columnLists) {
        Set<String> keys = new HashSet<>();
        for (List<String> columns : columnLists) {
            columns.forEach(column -> keys.add(CsvHeader.key(column)));
        }
        return keys;
    }
}
