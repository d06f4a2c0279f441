package dev.meshlens.importers.file;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictUtf8ReaderTest {

    /** Hands out at most 7 bytes per read, so multi-byte characters straddle every refill. */
    private static InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[5];
        int n;
        while ((n = reader.read(buffer, 0, buffer.length)) != -1) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    @Test
    void decodesMultiByteCharactersThatStraddleReads() throws IOException {
        String text = "Zürich → 東京 \uD83D\uDE80\n".repeat(3_000);

        try (Reader reader = new StrictUtf8Reader(trickle(text.getBytes(StandardCharsets.UTF_8)))) {
            assertThat(readAll(reader)).isEqualTo(text);
        }
    }

    @Test
    void handsOutTheTextBeforeBadBytesThenFails() throws IOException {
        byte[] bytes = "ok\nstill ok\n\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder before = new StringBuilder();

        try (Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(bytes))) {
            assertThatThrownBy(() -> {
                int c;
                while ((c = reader.read()) != -1) {
                    before.append((char) c);
                }
            }).isInstanceOf(MalformedInputException.class);
        }
        assertThat(before).hasToString("ok\nstill ok\n");
    }

    @Test
    void sequenceCutOffByTheEndOfTheFileIsAnError() {
        byte[] bytes = {'a', (byte) 0xE2, (byte) 0x82};

        assertThatThrownBy(() -> readAll(new StrictUtf8Reader(new ByteArrayInputStream(bytes))))
                .isInstanceOf(MalformedInputException.class);
    }

    @Test
    void emptyInputEndsAtOnceAndStaysEnded() throws IOException {
        try (Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(new byte[0]))) {
            assertThat(reader.read()).isEqualTo(-1);
            assertThat(reader.read()).isEqualTo(-1);
        }
    }
}
