package dev.meshlens.importers;

import dev.meshlens.engine.model.MeshSink;

/**
 * A source an import reads besides files and folders, such as a Schema Registry or a Kafka cluster. Its facts land
 * in the same snapshot as the files of the same import.
 */
public interface ImportSource {

    /** What the snapshot says it was made from, e.g. {@code registry http://registry:8081/}; never credentials. */
    String origin();

    /**
     * Reads the source into {@code sink}, covering every {@link dev.meshlens.engine.model.SourceKind} it read
     * completely.
     *
     * @throws dev.meshlens.engine.model.InputException naming the call, file or subject that failed; the whole
     *                                                  import then leaves the store as it was
     */
    void readInto(MeshSink sink);
}
