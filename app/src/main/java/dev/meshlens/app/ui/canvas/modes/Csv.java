package dev.meshlens.app.ui.canvas.modes;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Comma-separated values as RFC 4180 writes them: fields with a comma, a double quote, CR or LF are quoted and
 * their quotes doubled; records end with CRLF, the last one included. Spreadsheets open such a file as is.
 */
public final class Csv {
    private static final String CRLF = "\r\n";

    private Csv() {
    }

    /** One field, quoted when it must be; null is written as an empty field. */
    public static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** One record, with its CRLF. */
    public static String record(List<String> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + CRLF;
    }

    /** A header record followed by every row, none left out. */
    public static String table(List<String> header, List<List<String>> rows) {
        StringBuilder text = new StringBuilder(record(header));
        rows.forEach(r -> text.append(record(r)));
        return text.toString();
    }
}
