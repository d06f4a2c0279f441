package dev.meshlens.engine.export;

/** A directory given as an export is not one: it does not exist, or it has no {@code MANIFEST.json}. */
public class NotAnExportException extends ExportException {

    /** @param message which directory and why, readable by a user */
    public NotAnExportException(String message) {
        super(message);
    }
}
