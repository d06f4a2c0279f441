package dev.meshlens.app.cli;

import dev.meshlens.importers.file.FileKind;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;

/** Reads {@code --kind} by the stable labels of {@link FileKind}. */
final class FileKindConverter implements CommandLine.ITypeConverter<FileKind> {
    @Override
    public FileKind convert(String value) {
        return Arrays.stream(FileKind.values())
                .filter(k -> k.label().equalsIgnoreCase(value.trim()))
                .findFirst()
                .orElseThrow(() -> new CommandLine.TypeConversionException("unknown kind '" + value
                        + "', expected one of " + new Labels()));
    }

    /** The labels, for help and completion. */
    static final class Labels implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(FileKind.values()).map(FileKind::label).toList().iterator();
        }

        @Override
        public String toString() {
            return new ArrayList<>(Arrays.stream(FileKind.values()).map(FileKind::label).toList()).toString();
        }
    }
}
