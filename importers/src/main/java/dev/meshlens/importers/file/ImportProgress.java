package dev.meshlens.importers.file;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Hears how a file import advances, so the desktop app can show it. Callbacks run on the importing thread,
 * in order {@code started}, any number of {@code read}, then {@code finished} (not called when the file fails);
 * a UI must hand them over to its own thread. Every method does nothing by default.
 */
public interface ImportProgress {

    /** Hears nothing. */
    ImportProgress NONE = new ImportProgress() {
    };

    /** Called once the kind of {@code file} is known, before its first fact is read. */
    default void started(Path file, FileKind kind) {
    }

    /**
     * Called about every {@link FileImporter#PROGRESS_EVERY_CHARS} characters read.
     *
     * @param lines lines read so far (complete or not)
     * @param chars characters read so far, which for ASCII text equals bytes, so a UI can compare it with
     *              the file's size
     */
    default void read(Path file, long lines, long chars) {
    }

    /** Called when {@code file} was read to its end without error. */
    default void finished(Path file, FileKind kind, long lines) {
    }

    /**
     * Progress as one-line messages for a status bar or a log: {@code reading acls.txt (acls)},
     * {@code acls.txt: 120000 lines read}, {@code read acls.txt: 120345 lines (acls)}.
     */
    static ImportProgress messages(Consumer<String> messages) {
        Objects.requireNonNull(messages, "messages");
        return new ImportProgress() {
            @Override
            public void started(Path file, FileKind kind) {
                messages.accept("reading " + file.getFileName() + " (" + kind.label() + ")");
            }

            @Override
            public void read(Path file, long lines, long chars) {
                messages.accept(file.getFileName() + ": " + lines + " lines read");
            }

            @Override
            public void finished(Path file, FileKind kind, long lines) {
                messages.accept("read " + file.getFileName() + ": " + lines + " lines (" + kind.label() + ")");
            }
        };
    }
}
