package dev.meshlens.engine.export;

/**
 * An export could not be written or read. The message is meant for the user as it is: it names the directory or
 * file and the reason, e.g. {@code cannot export to /tmp/x: the directory is not empty}.
 */
public class ExportException extends RuntimeException {

    /** @param message what failed, readable by a user */
    public ExportException(String message) {
        super(message);
    }

    /**
     * @param message what failed, readable by a user
     * @param cause   the underlying failure, kept for logs
     */
    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
