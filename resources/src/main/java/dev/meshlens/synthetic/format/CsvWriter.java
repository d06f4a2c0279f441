package dev.meshlens.synthetic.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Writes CSV records as RFC 4180 defines them: a field is quoted when it holds a comma, a double quote, a
 * carriage return or a line feed, and a double quote inside it is doubled. Records end with {@code \n}, as the
 * catalog sheets bundled with Meshlens do (RFC 4180 readers accept it). Null fields are written empty.
 */
public final class CsvWriter {
    private final Appendable out;
    private final StringBuilder record = new StringBuilder(256);
    private long records;

    /** @param out where the records go; it is neither buffered nor closed here */
    public CsvWriter(Appendable out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Writes one record.
     *
     * @throws UncheckedIOException when writing fails
     */
    public void record(String... fields) {
        record.setLength(0);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                record.append(',');
            }
            appendField(record, fields[i]);
        }
        record.append('\n');
        try {
            out.append(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        records++;
    }

    /** Records written so far, the header included. */
    public long records() {
        return records;
    }

    /** The field as RFC 4180 writes it: quoted only when it must be. */
    public static String field(String value) {
        StringBuilder sb = new StringBuilder();
        appendField(sb, value);
        return sb.toString();
    }

    private static void appendField(StringBuilder sb, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            sb.append(value);
            return;
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
