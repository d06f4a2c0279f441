package dev.meshlens.engine.store;

/**
 * A catalog store operation failed. The message is meant for the user as it is (the command line prints it,
 * the window shows it): it says what failed and where, e.g. {@code cannot open catalog jdbc:h2:file:/home/a/x:
 * the database is in use by another process}, and never contains a password.
 */
public class StoreException extends RuntimeException {

    /**
     * @param message what failed, readable by a user
     */
    public StoreException(String message) {
        super(message);
    }

    /**
     * @param message what failed, readable by a user
     * @param cause   the underlying failure, kept for logs
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
