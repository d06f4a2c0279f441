package dev.meshlens.importers.file;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Counts the characters and line breaks a parser has taken, so that failures below the parser (bad UTF-8, a
 * read error) can be placed on a line, and so that progress can be reported while a big file streams.
 */
final class CountingReader extends FilterReader {

    /** Hears every {@code every} characters. */
    interface Listener {
        void read(long lines, long chars);
    }

    private final long every;
    private final Listener listener;
    private long chars;
    private long lineBreaks;
    private boolean lastWasBreak = true;
    private long nextReport;

    /**
     * @param every    how many characters between two calls of {@code listener}
     * @param listener told the lines and characters read so far
     */
    CountingReader(Reader in, long every, Listener listener) {
        super(in);
        this.every = every;
        this.listener = listener;
        this.nextReport = every;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c != -1) {
            count((char) c);
            reportIfDue();
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            count(buffer[i]);
        }
        reportIfDue();
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipping would lose line breaks; read through instead
        char[] buffer = new char[(int) Math.min(n, 8192)];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        // a reset would count characters twice
        return false;
    }

    private void count(char c) {
        chars++;
        if (c == '\n') {
            lineBreaks++;
            lastWasBreak = true;
        } else {
            lastWasBreak = false;
        }
    }

    private void reportIfDue() {
        if (chars >= nextReport) {
            listener.read(lines(), chars);
            nextReport = (chars / every + 1) * every;
        }
    }

    /** Lines read so far, the last one counted even when it has no line break yet. */
    long lines() {
        return lastWasBreak ? lineBreaks : lineBreaks + 1;
    }

    /** The 1-based line the next character belongs to. */
    long currentLine() {
        return lineBreaks + 1;
    }

    /** Characters read so far. */
    long chars() {
        return chars;
    }
}
