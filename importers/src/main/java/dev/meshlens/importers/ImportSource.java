package dev.meshlens.importers;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshSink;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One part of an import: some files, a live cluster, a schema registry. {@link CatalogImporter} reads every
 * source of an import into the same session, so they land together as one snapshot or not at all.
 */
public interface ImportSource {

    /**
     * What the snapshot says this part was made from, e.g. {@code acls.txt} or {@code kafka:broker:9092}; never
     * credentials, nor the path of a file holding them.
     */
    String origin();

    /**
     * Reads this source into {@code sink}, covering every source kind it read completely.
     *
     * @throws InputException                            naming the file and line, or the broker call, of the
     *                                                   first failure
     * @throws java.util.concurrent.CancellationException when the import was cancelled
     */
    void readInto(MeshSink sink);

    /** A source made of an origin and a reader. */
    static ImportSource of(String origin, Consumer<MeshSink> reader) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(reader, "reader");
        return new ImportSource() {
            @Override
            public String origin() {
                return origin;
            }

            @Override
            public void readInto(MeshSink sink) {
                reader.accept(sink);
            }

            @Override
            public String toString() {
                return origin;
            }
        };
    }
}
