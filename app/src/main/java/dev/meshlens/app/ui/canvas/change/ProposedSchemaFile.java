package dev.meshlens.app.ui.canvas.change;

import dev.meshlens.engine.change.ProposedSchema;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.schema.SchemaType;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a proposed schema file the way {@code meshlens change --schema} does: UTF-8 text, its type from the
 * extension ({@code .avsc}, {@code .json}, {@code .proto}), else from the subject's latest registered version.
 */
public final class ProposedSchemaFile {
    private ProposedSchemaFile() {
    }

    /**
     * The proposal in {@code file}, named by its file name in every error.
     *
     * @param registered the subject's registered versions, oldest first, whose latest gives the type of a file with
     *                   another extension
     * @throws InputException naming the file when it cannot be read, is not UTF-8, or its type cannot be told
     */
    public static ProposedSchema read(Path file, List<SchemaVersion> registered) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, "no such file");
        } catch (CharacterCodingException e) {
            throw new InputException(name, 0, "not UTF-8 text; save the file as UTF-8");
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read: " + e.getMessage());
        }
        SchemaType type = SchemaType.forFileName(name).orElseGet(() -> {
            if (registered.isEmpty()) {
                throw new InputException(name, 0, "cannot tell the schema type: name the file .avsc, .json or .proto");
            }
            return SchemaType.parse(registered.get(registered.size() - 1).schemaType());
        });
        return new ProposedSchema(name, type, text);
    }
}
