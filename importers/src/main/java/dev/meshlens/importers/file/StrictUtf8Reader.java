package dev.meshlens.importers.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and fails on bytes that are not UTF-8, like an {@code InputStreamReader} with a reporting
 * decoder, but only after handing out every character that came before the bad bytes. The JDK's reader throws
 * at once and drops them, so a line count above it would stop short of the faulty line.
 */
final class StrictUtf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private boolean endOfInput;
    private boolean flushed;
    private CharacterCodingException pending;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (pending != null) {
            throw pending;
        }
        if (flushed) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            int decoded = out.position() - offset;
            if (result.isError()) {
                CharacterCodingException error = codingError(result);
                if (decoded > 0) {
                    pending = error;
                    return decoded;
                }
                throw error;
            }
            if (result.isOverflow()) {
                return decoded;
            }
            if (endOfInput) {
                if (!flushed) {
                    decoder.flush(out);
                    flushed = true;
                }
                decoded = out.position() - offset;
                return decoded > 0 ? decoded : -1;
            }
            if (decoded > 0 && in.available() <= 0) {
                // give the caller what there is rather than block for more
                return decoded;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        bytes.compact();
        try {
            int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
            }
        } finally {
            bytes.flip();
        }
    }

    private static CharacterCodingException codingError(CoderResult result) {
        try {
            result.throwException();
        } catch (CharacterCodingException e) {
            return e;
        }
        throw new IllegalStateException("not an error: " + result);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
