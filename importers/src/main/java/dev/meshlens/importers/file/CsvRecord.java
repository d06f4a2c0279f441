package dev.meshlens.importers.file;

import java.util.List;

/**
 * One CSV record as read, before its header gives the cells a meaning.
 *
 * @param line  the 1-based line the record starts on (a quoted field may carry it over several lines)
 * @param cells the fields in order, untrimmed, line breaks inside quoted fields as {@code \n}
 */
record CsvRecord(long line, List<String> cells) {

    CsvRecord {
        cells = List.copyOf(cells);
    }

    /** The field at {@code index}, or the empty string when the record is shorter. */
    String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    /** Whether every field is blank: an empty line, or a line of separators only (a spreadsheet's empty row). */
    boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
