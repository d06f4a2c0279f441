package dev.meshlens.engine.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What an export wrote.
 *
 * @param directory the export directory
 * @param files     the data files, sorted by path (the manifest not included)
 * @param manifest  {@code MANIFEST.json}; its SHA-256, kept somewhere else, proves later that the manifest itself
 *                  was not replaced
 */
public record ExportResult(Path directory, List<ExportedFile> files, ExportedFile manifest) {

    /** @throws NullPointerException when a component is null */
    public ExportResult {
        Objects.requireNonNull(directory, "directory");
        files = List.copyOf(files);
        Objects.requireNonNull(manifest, "manifest");
    }
}
