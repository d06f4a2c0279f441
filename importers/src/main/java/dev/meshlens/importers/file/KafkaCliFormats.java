package dev.meshlens.importers.file;

import dev.meshlens.engine.model.InputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.regex.Pattern;

/**
 * Recognises the text output of Kafka's command line tools ({@code kafka-acls --list},
 * {@code kafka-consumer-groups --describe}, {@code kafka-topics --describe}), so that a file can be handed to
 * the right parser without the user saying what it is. Also holds what the three parsers share: line reading
 * with line numbers and the wording of their errors.
 */
public final class KafkaCliFormats {
    /** Kafka's tools log with log4j's {@code [date] LEVEL message (logger)} layout; a {@code 2>&1} capture has them. */
    private static final Pattern TOOL_LOG_LINE = Pattern.compile(
            "^\\[\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}[,.]\\d{3}] (TRACE|DEBUG|INFO|WARN|ERROR|FATAL) .*");
    private static final Pattern ACL_HEADER = Pattern.compile("^Current ACLs for resource `.*`:\\s*$");
    private static final Pattern GROUP_HEADER = Pattern.compile(
            "^GROUP\\s+.*(CURRENT-OFFSET|CONSUMER-ID|COORDINATOR \\(ID\\)).*");
    private static final Pattern TOPIC_HEADER = Pattern.compile("^Topic:\\s*\\S+\\s+(TopicId|PartitionCount):.*");
    private static final int MAX_QUOTED = 160;

    private KafkaCliFormats() {
    }

    /**
     * Whether the text looks like {@code kafka-acls --list} output of any Kafka version.
     *
     * @param firstLines the first ~20 non-blank lines of a file, joined by {@code \n}
     */
    public static boolean looksLikeAclListing(String firstLines) {
        return firstLines.lines().map(String::strip).anyMatch(l -> ACL_HEADER.matcher(l).matches());
    }

    /**
     * Whether the text looks like {@code kafka-consumer-groups --describe} output (offsets, {@code --members},
     * {@code --state}, verbose or not), including a capture of only its stderr messages.
     *
     * @param firstLines the first ~20 non-blank lines of a file, joined by {@code \n}
     */
    public static boolean looksLikeGroupListing(String firstLines) {
        return firstLines.lines().map(String::strip).anyMatch(l -> GROUP_HEADER.matcher(l).matches()
                || ConsumerGroupListingParser.isGroupMessage(l));
    }

    /**
     * Whether the text looks like {@code kafka-topics --describe} output of any Kafka version.
     *
     * @param firstLines the first ~20 non-blank lines of a file, joined by {@code \n}
     */
    public static boolean looksLikeTopicListing(String firstLines) {
        return firstLines.lines().map(String::strip).anyMatch(l -> TOPIC_HEADER.matcher(l).matches());
    }

    /** Whether a line is a log line the tool printed (to stderr) rather than output. */
    static boolean isToolLogLine(String line) {
        return TOOL_LOG_LINE.matcher(line).matches();
    }

    /** The InputException every parser throws: {@code expected <what>, found '<line>'}. */
    static InputException expected(String fileName, long lineNumber, String what, String found) {
        return new InputException(fileName, lineNumber, "expected " + what + ", found '" + shorten(found) + "'");
    }

    /** Long lines cut to a readable length for error messages. */
    static String shorten(String text) {
        String oneLine = text.replace("\t", "\\t");
        return oneLine.length() <= MAX_QUOTED ? oneLine : oneLine.substring(0, MAX_QUOTED) + "...";
    }

    /** Reads lines, counting them from 1; drops a byte order mark on the first line. */
    static final class Lines {
        private final BufferedReader in;
        private long number;

        Lines(Reader reader) {
            this.in = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        }

        /** The next line without its terminator, or null at the end. */
        String next() throws IOException {
            String line = in.readLine();
            if (line == null) {
                return null;
            }
            number++;
            return number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
        }

        /** The 1-based number of the line last returned. */
        long number() {
            return number;
        }
    }
}
