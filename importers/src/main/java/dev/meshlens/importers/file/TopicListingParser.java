package dev.meshlens.importers.file;

import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.Topic;

import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code kafka-topics --describe} output into one {@link Topic} per topic header line and covers
 * {@link SourceKind#TOPICS}:
 *
 * <pre>
 * Topic: orders	TopicId: i5Jh-PXG...	PartitionCount: 6	ReplicationFactor: 1	Configs: cleanup.policy=compact,delete
 * 	Topic: orders	Partition: 0	Leader: 1	Replicas: 1	Isr: 1	Elr: 	LastKnownElr:
 * </pre>
 * Also the layouts of older versions: no {@code TopicId} (before 2.8), no {@code Elr} columns (3.x), and no
 * space after the colons of the header ({@code Topic:orders	PartitionCount:6}, before 2.4). Fields are
 * tab-separated; a line whose tabs were turned into spaces is split before the known field names instead.
 *
 * <p>Kafka joins configs with commas without escaping values that contain commas
 * ({@code cleanup.policy=compact,delete}): a comma-separated piece that does not start with a config name and
 * {@code =} continues the previous value.
 */
public final class TopicListingParser implements MeshFileParser {
    private static final Pattern FIELD = Pattern.compile("^([A-Za-z][A-Za-z ]*?):\\s?(.*)$");
    private static final Pattern SPACED_FIELDS = Pattern.compile("\\s+(?=(?:TopicId|PartitionCount|ReplicationFactor"
            + "|Configs|MarkedForDeletion|Partition|Leader|Replicas|Isr|Elr|LastKnownElr|Offline"
            + "|Adding Replicas|Removing Replicas):)");
    private static final Pattern CONFIG_START = Pattern.compile("^[a-z0-9]+(?:[._-][a-z0-9]+)*=.*", Pattern.DOTALL);
    private static final String EXPECTED_HEADER =
            "'Topic: <name>\\tTopicId: <id>\\tPartitionCount: <n>\\tReplicationFactor: <n>\\tConfigs: ...'";

    /**
     * {@inheritDoc}
     *
     * @throws dev.meshlens.engine.model.InputException at the first line that is neither a topic header, a
     *                                                  partition line of the topic above it nor blank
     */
    @Override
    public void parse(String fileName, Reader reader, MeshSink sink) throws IOException {
        KafkaCliFormats.Lines lines = new KafkaCliFormats.Lines(reader);
        String currentTopic = null;
        String line;
        while ((line = lines.next()) != null) {
            if (line.isBlank() || KafkaCliFormats.isToolLogLine(line.strip())) {
                continue;
            }
            Map<String, String> fields = fields(line);
            if (fields == null || !fields.containsKey("Topic")) {
                throw KafkaCliFormats.expected(fileName, lines.number(), EXPECTED_HEADER + " or a partition line",
                        line);
            }
            if (fields.containsKey("Partition")) {
                checkPartitionLine(fileName, lines.number(), line, fields, currentTopic);
                continue;
            }
            Topic topic = topic(fileName, lines.number(), line, fields);
            currentTopic = topic.name();
            sink.topic(topic);
        }
        sink.cover(SourceKind.TOPICS);
    }

    private static Topic topic(String fileName, long lineNumber, String line, Map<String, String> fields) {
        String name = fields.get("Topic");
        if (name.isEmpty() || !fields.containsKey("PartitionCount") || !fields.containsKey("ReplicationFactor")) {
            throw KafkaCliFormats.expected(fileName, lineNumber, EXPECTED_HEADER, line);
        }
        int partitions = number(fileName, lineNumber, "PartitionCount", fields.get("PartitionCount"));
        int replicationFactor = number(fileName, lineNumber, "ReplicationFactor", fields.get("ReplicationFactor"));
        String topicId = fields.get("TopicId");
        return new Topic(name, topicId == null || topicId.isEmpty() ? null : topicId, partitions, replicationFactor,
                configs(fileName, lineNumber, fields.getOrDefault("Configs", "")));
    }

    private static void checkPartitionLine(String fileName, long lineNumber, String line, Map<String, String> fields,
                                           String currentTopic) {
        if (currentTopic == null) {
            throw KafkaCliFormats.expected(fileName, lineNumber, EXPECTED_HEADER + " before the partition lines",
                    line);
        }
        if (!currentTopic.equals(fields.get("Topic"))) {
            throw KafkaCliFormats.expected(fileName, lineNumber, "a partition line of topic '" + currentTopic
                    + "' (or a new topic header)", line);
        }
        number(fileName, lineNumber, "Partition", fields.get("Partition"));
    }

    /** The {@code Key: value} fields of a line, or null when some piece is not a field. */
    private static Map<String, String> fields(String line) {
        String text = line.strip();
        String[] pieces = text.indexOf('\t') >= 0 ? text.split("\t") : SPACED_FIELDS.split(text);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String piece : pieces) {
            if (piece.isBlank()) {
                continue;
            }
            Matcher field = FIELD.matcher(piece.strip());
            if (!field.matches()) {
                return null;
            }
            fields.putIfAbsent(field.group(1), field.group(2).strip());
        }
        return fields;
    }

    /**
     * Splits Kafka's comma-joined {@code name=value} list, a piece without {@code name=} continuing the value
     * before it ({@code cleanup.policy=compact,delete}).
     */
    static Map<String, String> configs(String fileName, long lineNumber, String text) {
        Map<String, String> configs = new TreeMap<>();
        if (text.isBlank()) {
            return configs;
        }
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String piece : text.split(",", -1)) {
            if (CONFIG_START.matcher(piece).matches()) {
                if (name != null) {
                    configs.put(name, value.toString());
                }
                int eq = piece.indexOf('=');
                name = piece.substring(0, eq);
                value.setLength(0);
                value.append(piece, eq + 1, piece.length());
            } else if (name != null) {
                value.append(',').append(piece);
            } else {
                throw KafkaCliFormats.expected(fileName, lineNumber, "configs as 'name=value,name=value'", text);
            }
        }
        configs.put(name, value.toString());
        return configs;
    }

    private static int number(String fileName, long lineNumber, String field, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw KafkaCliFormats.expected(fileName, lineNumber, "a number after '" + field + ":'", text);
        }
    }
}
