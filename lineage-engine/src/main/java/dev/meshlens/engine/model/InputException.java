package dev.meshlens.engine.model;

/**
 * Bad input, named where it is: a file and line, or a broker call. Its message is meant for the user
 * as it is, e.g. {@code acls.txt:12: expected '(principal=..., host=..., operation=..., permissionType=...)'}.
 */
public class InputException extends RuntimeException {
    private final String source;
    private final long line;

    /**
     * @param source the file name or the call that failed, e.g. {@code Admin.describeAcls}
     * @param line   1-based line number, or 0 when the failure has no line
     */
    public InputException(String source, long line, String message) {
        this(source, line, message, null);
    }

    public InputException(String source, long line, String message, Throwable cause) {
        super(format(source, line, message), cause);
        this.source = source;
        this.line = line;
    }

    private static String format(String source, long line, String message) {
        return line > 0 ? source + ":" + line + ": " + message : source + ": " + message;
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }
}
