package dev.meshlens.engine.export;

import java.util.Objects;

/**
 * One file of an export directory, as the manifest lists it.
 *
 * @param path   relative to the export directory, with {@code /} separators
 * @param bytes  the file's size
 * @param sha256 the SHA-256 of the file's bytes, in lower-case hex
 */
public record ExportedFile(String path, long bytes, String sha256) {

    /** @throws NullPointerException when {@code path} or {@code sha256} is null */
    public ExportedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }
}
