package dev.meshlens.importers.registry;

import dev.meshlens.engine.model.InputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Strict reading of the small text files this package takes (credentials, subject mappings). */
final class Utf8Files {
    private Utf8Files() {
    }

    /**
     * The file's text without a leading byte order mark.
     *
     * @throws InputException naming the file when it is not UTF-8 (the bytes are never shown: it may hold a
     *                        password)
     * @throws IOException    when the file cannot be read
     */
    static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InputException(file.toString(), 0, "not UTF-8 text");
        }
    }
}
