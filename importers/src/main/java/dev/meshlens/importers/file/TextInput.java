package dev.meshlens.importers.file;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;

/** Small text-reading helpers shared by the file parsers. */
final class TextInput {
    /** The byte order mark as a character: Windows tools write it at the start of UTF-8 files. */
    static final char BOM = '\uFEFF';

    private TextInput() {
    }

    /**
     * {@code reader} without a leading byte order mark, if it has one; reading stays lazy.
     *
     * @throws IOException when peeking at the first character fails
     */
    static Reader skipBom(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != BOM) {
            pushback.unread(first);
        }
        return pushback;
    }
}
