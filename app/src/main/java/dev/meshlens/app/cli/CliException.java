package dev.meshlens.app.cli;

/** A usage or input problem the user can fix; printed as one line, exit code 2. */
final class CliException extends RuntimeException {
    CliException(String message) {
        super(message);
    }
}
