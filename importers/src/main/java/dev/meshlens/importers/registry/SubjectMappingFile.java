package dev.meshlens.importers.registry;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.schema.SubjectNaming;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the subject mapping file: which topic a subject describes, for subjects named by a strategy other than
 * TopicNameStrategy (RecordNameStrategy's {@code com.shop.OrderPlaced}, TopicRecordNameStrategy's
 * {@code orders-com.shop.OrderPlaced}). One {@code <subject>=<topic>} per line:
 * <pre>
 * # RecordNameStrategy subjects of the sales domain
 * com.shop.OrderPlaced=sales.orders.placed
 * sales.orders.placed-com.shop.OrderPlaced=sales.orders.placed
 * </pre>
 * Blank lines and lines starting with {@code #} are skipped; spaces around subject and topic are dropped. The line
 * is split at its last {@code =}, since a topic name cannot hold one (Kafka allows only letters, digits,
 * {@code .}, {@code _} and {@code -}, at most 249 of them); the subject is taken literally. Subjects not in the file
 * keep TopicNameStrategy ({@code <topic>-value}, {@code <topic>-key}); a line for such a subject overrides it.
 */
public final class SubjectMappingFile {
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private SubjectMappingFile() {
    }

    /**
     * Reads the file into a naming: TopicNameStrategy plus the file's subjects.
     *
     * @throws InputException naming the file and line of a line without {@code =}, an empty subject, an invalid
     *                        topic name, or a subject mapped twice to different topics; also when the file is not
     *                        UTF-8
     * @throws IOException    when the file cannot be read
     */
    public static SubjectNaming read(Path file) throws IOException {
        return SubjectNaming.withExplicit(entries(file));
    }

    /**
     * The file's subject-to-topic entries, in file order.
     *
     * @throws InputException as {@link #read(Path)} does
     * @throws IOException    when the file cannot be read
     */
    public static Map<String, String> entries(Path file) throws IOException {
        String source = file.toString();
        String[] lines = Utf8Files.read(file).split("\\R", -1);
        Map<String, String> mapping = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.lastIndexOf('=');
            if (eq < 0) {
                throw new InputException(source, i + 1, "expected <subject>=<topic>, e.g. "
                        + "com.shop.OrderPlaced=sales.orders.placed, found '" + line + "'");
            }
            String subject = line.substring(0, eq).strip();
            String topic = line.substring(eq + 1).strip();
            if (subject.isEmpty()) {
                throw new InputException(source, i + 1, "the subject before '=' is empty");
            }
            if (!TOPIC.matcher(topic).matches()) {
                throw new InputException(source, i + 1, "'" + topic + "' is not a Kafka topic name (letters, digits, "
                        + "'.', '_' and '-', at most 249)");
            }
            String earlier = mapping.putIfAbsent(subject, topic);
            if (earlier != null && !earlier.equals(topic)) {
                throw new InputException(source, i + 1, "subject " + subject + " is mapped to " + earlier
                        + " on line " + lineOf.get(subject) + " and to " + topic + " here");
            }
            lineOf.putIfAbsent(subject, i + 1);
        }
        return mapping;
    }
}
