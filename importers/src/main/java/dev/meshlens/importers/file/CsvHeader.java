package dev.meshlens.importers.file;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header of a CSV sheet: which column holds which field. Column names match ignoring case, surrounding
 * spaces, a byte order mark and the separators space, {@code _} and {@code -} ({@code Bootstrap URI},
 * {@code bootstrap_uri}), in any order. Columns the sheet does not know are ignored with a warning, so owners
 * may keep notes beside the catalog.
 */
final class CsvHeader {
    private static final Logger LOG = LoggerFactory.getLogger(CsvHeader.class);

    private final String fileName;
    private final long line;
    private final int size;
    private final int namedWidth;
    private final Map<String, Integer> positions;
    private final List<String> columns;

    private CsvHeader(String fileName, long line, int size, int namedWidth, Map<String, Integer> positions,
                      List<String> columns) {
        this.fileName = fileName;
        this.line = line;
        this.size = size;
        this.namedWidth = namedWidth;
        this.positions = positions;
        this.columns = columns;
    }

    /**
     * Reads the header: the first non-blank record.
     *
     * @param sheet    what the sheet is, for messages, e.g. {@code catalog CSV}
     * @param required display names of the columns that must be present, e.g. {@code Bootstrap URI}
     * @param optional display names of the columns that may be present
     * @throws InputException at the header line naming the first missing required column or a repeated one;
     *                        at line 1 when there is no header at all
     */
    static CsvHeader read(String fileName, CsvRecords records, String sheet, List<String> required,
                          List<String> optional) throws java.io.IOException {
        CsvRecord header = records.next();
        if (header == null) {
            throw new InputException(fileName, 1, "the file is empty; expected a " + sheet + " header naming the columns "
                    + String.join(",", required));
        }
        Map<String, String> known = new LinkedHashMap<>();
        required.forEach(column -> known.put(key(column), column));
        optional.forEach(column -> known.put(key(column), column));
        Map<String, Integer> positions = new HashMap<>();
        int namedWidth = 0;
        for (int i = 0; i < header.cells().size(); i++) {
            String cell = header.cell(i);
            String column = known.get(key(cell));
            if (column == null) {
                if (!cell.isBlank()) {
                    LOG.warn("{}:{}: ignoring column '{}', which a {} does not have (known: {})", fileName,
                            header.line(), cell.trim(), sheet, String.join(", ", known.values()));
                }
                continue;
            }
            Integer earlier = positions.putIfAbsent(key(column), i);
            if (earlier != null) {
                throw new InputException(fileName, header.line(), "column '" + column + "' appears twice (columns "
                        + (earlier + 1) + " and " + (i + 1) + ")");
            }
            namedWidth = i + 1;
        }
        for (String column : required) {
            if (!positions.containsKey(key(column))) {
                throw new InputException(fileName, header.line(), "missing column '" + column + "'; a " + sheet
                        + " header names the columns " + String.join(",", required)
                        + (optional.isEmpty() ? "" : " (and optionally " + String.join(",", optional) + ")")
                        + " in any order");
            }
        }
        List<String> columns = new ArrayList<>(header.cells().size());
        header.cells().forEach(cell -> columns.add(cell.trim()));
        return new CsvHeader(fileName, header.line(), header.cells().size(), namedWidth, positions, columns);
    }

    /** The normal form of a column name: lower case without BOM, spaces, {@code _} or {@code -}. */
    static String key(String column) {
        return column.replace("\uFEFF", "").replaceAll("[\\s_-]+", "").toLowerCase(Locale.ROOT);
    }

    /** The line the header is on. */
    long line() {
        return line;
    }

    /**
     * Checks that {@code record} lines up with the header: it has a field for every named column, and any
     * fields past the header's last column are empty (spreadsheets write trailing separators).
     *
     * @throws InputException naming the record's line and the field counts
     */
    void checkWidth(CsvRecord record) {
        int fields = record.cells().size();
        if (fields < namedWidth) {
            throw new InputException(fileName, record.line(), "expected " + namedWidth + " fields as in the header ("
                    + String.join(",", columns.subList(0, namedWidth)) + ") but found " + fields
                    + "; write an empty field as nothing between two commas");
        }
        for (int i = size; i < fields; i++) {
            if (!record.cell(i).isBlank()) {
                throw new InputException(fileName, record.line(), "expected at most " + size + " fields as in the "
                        + "header but found " + fields + " (field " + (i + 1) + " is '" + record.cell(i).trim()
                        + "'); quote a value that contains a comma");
            }
        }
    }

    /** Whether the header has {@code column} (a display name as passed to {@link #read}). */
    boolean has(String column) {
        return positions.containsKey(key(column));
    }

    /** The trimmed value of {@code column} in {@code record}, or null when the column is absent or the value blank. */
    String value(CsvRecord record, String column) {
        Integer position = positions.get(key(column));
        if (position == null) {
            return null;
        }
        String value = record.cell(position).strip();
        return value.isEmpty() ? null : value;
    }

    /**
     * The trimmed value of a column that must be filled in.
     *
     * @throws InputException naming the record's line and the column when the value is blank
     */
    String required(CsvRecord record, String column, String why) {
        String value = value(record, column);
        if (value == null) {
            throw new InputException(fileName, record.line(), "column " + column + " is empty; " + why);
        }
        return value;
    }

    /** An error about {@code column} of {@code record}, e.g. {@code catalog.csv:7: column SLA: ...}. */
    InputException error(CsvRecord record, String column, String message) {
        return new InputException(fileName, record.line(), "column " + column + ": " + message);
    }

    /**
     * The principal in {@code column}, in Kafka's {@code Type:name} form with spaces around the colon dropped.
     *
     * @throws InputException naming the record's line when the value is blank or not {@code Type:name}
     */
    String principal(CsvRecord record, String column, String why) {
        String text = required(record, column, why);
        try {
            Principal principal = Principal.parse(text);
            if (principal.name().isEmpty()) {
                throw error(record, column, "principal '" + text + "' has no name after the colon, e.g. User:alice");
            }
            return principal.toString();
        } catch (IllegalArgumentException e) {
            throw error(record, column, e.getMessage());
        }
    }
}
