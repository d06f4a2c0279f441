package dev.meshlens.importers.file;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshSink;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads one kind of file line by line into a {@link MeshSink}, never holding the whole file.
 * Implementations are stateless and thread-safe.
 */
public interface MeshFileParser {

    /**
     * Parses {@code reader} and sends every fact to {@code sink}, covering the sources the file describes.
     *
     * @param fileName the name used in error messages
     * @throws InputException naming {@code fileName}, the 1-based line and what was expected there,
     *                        at the first malformed line
     * @throws IOException    when reading fails
     */
    void parse(String fileName, Reader reader, MeshSink sink) throws IOException;
}
