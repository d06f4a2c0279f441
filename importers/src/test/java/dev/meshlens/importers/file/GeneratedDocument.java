package dev.meshlens.importers.file;

import java.io.Reader;

/**
 * A mesh JSON document of many ACL bindings produced on demand, so a test can feed a parser tens of megabytes
 * without a file or the heap to hold them, and can tell how much of it the parser has taken so far.
 */
final class GeneratedDocument extends Reader {
    /** Every element is padded with spaces to this many characters: megabytes without millions of elements. */
    static final int ELEMENT_CHARS = 2_000;

    private static final String START = "{\n\"cluster\": \"default\",\n\"acls\": [\n";
    private static final String END = "\n]\n}\n";

    private final int elements;
    private int nextElement;
    private String pending = START;
    private int pendingAt;
    private long produced;

    GeneratedDocument(int elements) {
        this.elements = elements;
    }

    /** How many characters the reader has handed out. */
    long produced() {
        return produced;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int copied = 0;
        while (copied < length) {
            if (pendingAt == pending.length() && !refill()) {
                break;
            }
            int n = Math.min(length - copied, pending.length() - pendingAt);
            pending.getChars(pendingAt, pendingAt + n, buffer, offset + copied);
            pendingAt += n;
            copied += n;
        }
        produced += copied;
        return copied == 0 ? -1 : copied;
    }

    private boolean refill() {
        if (nextElement > elements) {
            return false;
        }
        if (nextElement == elements) {
            pending = END;
        } else {
            String element = (nextElement == 0 ? "" : ",\n") + "{\"resourceType\": \"TOPIC\", \"patternType\": "
                    + "\"LITERAL\", \"resourceName\": \"topic-" + nextElement + "\", \"principal\": \"User:svc-"
                    + (nextElement % 97) + "\", \"host\": \"*\", \"operation\": \"READ\", \"permission\": \"ALLOW\"}";
            pending = element + " ".repeat(Math.max(0, ELEMENT_CHARS - element.length()));
        }
        pendingAt = 0;
        nextElement++;
        return true;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
