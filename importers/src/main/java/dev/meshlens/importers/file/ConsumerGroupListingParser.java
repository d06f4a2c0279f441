package dev.meshlens.importers.file;

import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.GroupMember;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.TopicPartition;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code kafka-consumer-groups --describe} output into partial {@link ConsumerGroup}s and covers
 * {@link SourceKind#GROUPS}. Every variant is recognised per block from its header line, so one file may mix
 * them: the offsets listing (plain or {@code --verbose}, with {@code LEADER-EPOCH}), {@code --members}
 * (plain, {@code --verbose} with 4.x {@code CURRENT-ASSIGNMENT} or 3.x {@code ASSIGNMENT}, with or without
 * {@code GROUP-INSTANCE-ID}) and {@code --state} (plain or {@code --verbose}).
 *
 * <p>What each block shows becomes one partial group per group id (offsets with their member, members with
 * their assignment, or state, coordinator and assignment strategy); the sink merges the parts by group id.
 * The tool's messages, which it prints to stderr (users capture them with {@code 2>&1}), are understood too:
 * {@code Consumer group 'X' has no active members.} makes X Empty; {@code ... does not exist.} makes it Dead;
 * {@code Warning: ... is rebalancing.} records that X exists without guessing which rebalancing state it is in
 * (the {@code --state} listing tells). {@code Note:} lines and the tool's log lines are skipped.
 *
 * <p>Values are cut at the header's column positions, because member ids, client ids, coordinators and group
 * ids may contain spaces; where a row does not line up with its header (a value wider than its column) it is
 * split on whitespace instead, the client id or the 3.x assignment taking what is left over. {@code -} means
 * unknown (null).
 */
public final class ConsumerGroupListingParser implements MeshFileParser {
    private static final Pattern MESSAGE = Pattern.compile(
            "^(?:Warning: |Error: )?(?:The )?[Cc]onsumer group ['`](.*)['`] "
                    + "(has no active members|is rebalancing|does not exist)\\.?$");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");
    private static final Pattern ASSIGNMENT_4X = Pattern.compile("([^:;]+):(\\d+(?:,\\d+)*)");
    private static final Pattern ASSIGNMENT_3X = Pattern.compile("([^(),\\s][^()]*)\\((\\d+(?:,\\d+)*)\\)");
    private static final String MISSING = "-";

    /** Whether a stripped line is one of the tool's per-group messages (no members, rebalancing, missing). */
    static boolean isGroupMessage(String line) {
        return MESSAGE.matcher(line).matches();
    }

    /**
     * {@inheritDoc}
     *
     * @throws InputException at the first line that is neither a known header, a row matching the header above
     *                        it, a known message, a note, a log line nor blank; in particular for the tool's own
     *                        errors ({@code Error: Executing consumer group command failed ...}), because then
     *                        the file does not describe the groups
     */
    @Override
    public void parse(String fileName, Reader reader, MeshSink sink) throws IOException {
        KafkaCliFormats.Lines lines = new KafkaCliFormats.Lines(reader);
        Block block = null;
        String line;
        while ((line = lines.next()) != null) {
            String text = line.strip();
            if (text.isEmpty()) {
                block = flush(block, sink);
                continue;
            }
            if (KafkaCliFormats.isToolLogLine(text) || text.startsWith("Note: ")) {
                continue;
            }
            Matcher message = MESSAGE.matcher(text);
            if (message.matches()) {
                block = flush(block, sink);
                sink.group(groupFromMessage(message.group(1), message.group(2)));
                continue;
            }
            if (Layout.isHeader(text)) {
                flush(block, sink);
                block = new Block(Layout.of(fileName, lines.number(), line));
                continue;
            }
            if (block == null) {
                throw KafkaCliFormats.expected(fileName, lines.number(),
                        "a kafka-consumer-groups header (GROUP TOPIC PARTITION ..., GROUP CONSUMER-ID ... or "
                                + "GROUP COORDINATOR (ID) ...) or a message such as \"Consumer group 'x' has no "
                                + "active members.\"", line);
            }
            block.add(fileName, lines.number(), line);
        }
        flush(block, sink);
        sink.cover(SourceKind.GROUPS);
    }

    private static ConsumerGroup groupFromMessage(String groupId, String what) {
        GroupState state = switch (what) {
            case "has no active members" -> GroupState.EMPTY;
            case "does not exist" -> GroupState.DEAD;
            // one of PreparingRebalance, CompletingRebalance, Assigning, Reconciling: the message does not say
            default -> null;
        };
        return new ConsumerGroup(groupId, state, null, null, List.of(), List.of());
    }

    private static Block flush(Block block, MeshSink sink) {
        if (block != null) {
            block.emit(sink);
        }
        return null;
    }

    /** The kinds of block, told apart by their headers. */
    private enum Kind {
        OFFSETS(EnumSet.of(Col.GROUP, Col.TOPIC, Col.PARTITION, Col.CURRENT_OFFSET, Col.LOG_END_OFFSET, Col.LAG,
                Col.CONSUMER_ID, Col.HOST, Col.CLIENT_ID)),
        MEMBERS(EnumSet.of(Col.GROUP, Col.CONSUMER_ID, Col.HOST, Col.CLIENT_ID, Col.PARTITIONS)),
        STATE(EnumSet.of(Col.GROUP, Col.COORDINATOR, Col.ASSIGNMENT_STRATEGY, Col.STATE, Col.MEMBERS));

        final Set<Col> required;

        Kind(Set<Col> required) {
            this.required = required;
        }
    }

    /** The columns Kafka has printed, with the form their values take. */
    private enum Col {
        GROUP("GROUP", Type.TEXT),
        TOPIC("TOPIC", Type.TEXT),
        PARTITION("PARTITION", Type.NUMBER_OR_MISSING),
        LEADER_EPOCH("LEADER-EPOCH", Type.NUMBER_OR_MISSING),
        CURRENT_OFFSET("CURRENT-OFFSET", Type.NUMBER_OR_MISSING),
        LOG_END_OFFSET("LOG-END-OFFSET", Type.NUMBER_OR_MISSING),
        LAG("LAG", Type.NUMBER_OR_MISSING),
        CONSUMER_ID("CONSUMER-ID", Type.TEXT),
        GROUP_INSTANCE_ID("GROUP-INSTANCE-ID", Type.OPTIONAL_TEXT),
        HOST("HOST", Type.TEXT),
        CLIENT_ID("CLIENT-ID", Type.OPTIONAL_TEXT),
        PARTITIONS("#PARTITIONS", Type.NUMBER),
        CURRENT_EPOCH("CURRENT-EPOCH", Type.NUMBER_OR_MISSING),
        CURRENT_ASSIGNMENT("CURRENT-ASSIGNMENT", Type.ASSIGNMENT),
        TARGET_EPOCH("TARGET-EPOCH", Type.NUMBER_OR_MISSING),
        TARGET_ASSIGNMENT("TARGET-ASSIGNMENT", Type.ASSIGNMENT),
        UPGRADED("UPGRADED", Type.OPTIONAL_TEXT),
        ASSIGNMENT("ASSIGNMENT", Type.ASSIGNMENT),
        COORDINATOR("COORDINATOR (ID)", Type.TEXT),
        ASSIGNMENT_STRATEGY("ASSIGNMENT-STRATEGY", Type.OPTIONAL_TEXT),
        STATE("STATE", Type.TEXT),
        GROUP_EPOCH("GROUP-EPOCH", Type.NUMBER_OR_MISSING),
        TARGET_ASSIGNMENT_EPOCH("TARGET-ASSIGNMENT-EPOCH", Type.NUMBER_OR_MISSING),
        MEMBERS("#MEMBERS", Type.NUMBER);

        final String header;
        final Type type;

        Col(String header, Type type) {
            this.header = header;
            this.type = type;
        }

        static Col byHeader(String header) {
            for (Col c : values()) {
                if (c.header.equals(header)) {
                    return c;
                }
            }
            return null;
        }
    }

    private enum Type { TEXT, OPTIONAL_TEXT, NUMBER, NUMBER_OR_MISSING, ASSIGNMENT }

    /**
     * A header's columns and where each starts.
     *
     * @param columns known columns in header order; unknown ones (a newer Kafka) are kept with a null column
     */
    private record Layout(Kind kind, List<Column> columns) {

        static boolean isHeader(String text) {
            // TOPIC and CONSUMER-ID start the headers of tools that did not print the GROUP column yet
            if (!text.startsWith("GROUP ") && !text.startsWith("TOPIC ") && !text.startsWith("CONSUMER-ID ")) {
                return false;
            }
            List<String> names = Arrays.asList(text.split("\\s+"));
            return names.contains("CURRENT-OFFSET") || names.contains("CONSUMER-ID") || names.contains("COORDINATOR");
        }

        static Layout of(String fileName, long lineNumber, String line) {
            List<Column> columns = new ArrayList<>();
            int i = 0;
            while (i < line.length()) {
                if (Character.isWhitespace(line.charAt(i))) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                String name = line.substring(start, i);
                // the one header name with a space in it
                if (name.equals("COORDINATOR") && line.startsWith(" (ID)", i)) {
                    i += " (ID)".length();
                    name = "COORDINATOR (ID)";
                }
                columns.add(new Column(name, Col.byHeader(name), start));
            }
            Set<Col> present = EnumSet.noneOf(Col.class);
            columns.forEach(c -> {
                if (c.col != null) {
                    present.add(c.col);
                }
            });
            if (!present.contains(Col.GROUP)) {
                throw KafkaCliFormats.expected(fileName, lineNumber, "a header with a GROUP column (the output of "
                        + "kafka-consumer-groups from Kafka 2.x on; older tools do not name the group in rows)",
                        line);
            }
            Kind kind = present.contains(Col.COORDINATOR) ? Kind.STATE
                    : present.contains(Col.CURRENT_OFFSET) ? Kind.OFFSETS : Kind.MEMBERS;
            if (!present.containsAll(kind.required)) {
                throw KafkaCliFormats.expected(fileName, lineNumber, "a " + kind.name().toLowerCase()
                        + " header with the columns " + kind.required.stream().map(c -> c.header).toList(), line);
            }
            return new Layout(kind, List.copyOf(columns));
        }

        /** The row cut at the header's column positions, or null when it does not line up with them. */
        Map<Col, String> byPosition(String line) {
            Map<Col, String> values = new EnumMap<>(Col.class);
            if (!line.substring(0, Math.min(columns.get(0).start, line.length())).isBlank()) {
                return null;
            }
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                int end = i + 1 < columns.size() ? columns.get(i + 1).start : line.length();
                String value;
                if (column.start >= line.length()) {
                    value = "";
                } else if (column.start > 0 && !Character.isWhitespace(line.charAt(column.start - 1))) {
                    return null; // the value before this column ran into it
                } else {
                    value = line.substring(column.start, Math.min(end, line.length())).strip();
                }
                if (column.col != null) {
                    values.put(column.col, value);
                }
            }
            return values;
        }

        /**
         * The row split on whitespace: every column takes one token, the coordinator two, and the column that
         * may hold spaces or nothing (the 3.x assignment or the client id when last, else the client id or the
         * assignment strategy) what is left over.
         * Null when there are too few tokens or too many with no column to take them.
         */
        Map<Col, String> byWhitespace(String line) {
            String[] tokens = line.strip().split("\\s+");
            int last = columns.size() - 1;
            int absorbing = -1;
            if (columns.get(last).col == Col.ASSIGNMENT || columns.get(last).col == Col.CLIENT_ID) {
                absorbing = last;
            } else {
                for (int i = 0; i < columns.size(); i++) {
                    // the client id may hold spaces; 3.x prints an empty assignment strategy as blanks
                    if (columns.get(i).col == Col.CLIENT_ID || columns.get(i).col == Col.ASSIGNMENT_STRATEGY) {
                        absorbing = i;
                    }
                }
            }
            Map<Col, String> values = new EnumMap<>(Col.class);
            int next = 0;
            int leftEnd = absorbing < 0 ? columns.size() : absorbing;
            for (int i = 0; i < leftEnd; i++) {
                if (next >= tokens.length) {
                    return null;
                }
                String value = tokens[next++];
                if (columns.get(i).col == Col.COORDINATOR && next < tokens.length && tokens[next].startsWith("(")) {
                    value = value + " " + tokens[next++];
                }
                put(values, columns.get(i), value);
            }
            if (absorbing < 0) {
                return next == tokens.length ? values : null;
            }
            int fromEnd = tokens.length;
            for (int i = last; i > absorbing; i--) {
                if (fromEnd <= next) {
                    return null;
                }
                put(values, columns.get(i), tokens[--fromEnd]);
            }
            put(values, columns.get(absorbing), String.join(" ", Arrays.asList(tokens).subList(next, fromEnd)));
            return values;
        }

        private static void put(Map<Col, String> values, Column column, String value) {
            if (column.col != null) {
                values.put(column.col, value);
            }
        }
    }

    private record Column(String name, Col col, int start) {
    }

    /** The rows under one header, gathered per group until the block ends. */
    private static final class Block {
        private final Layout layout;
        private final Map<String, GroupParts> groups = new LinkedHashMap<>();

        Block(Layout layout) {
            this.layout = layout;
        }

        void add(String fileName, long lineNumber, String line) {
            Map<Col, String> values = layout.byPosition(line);
            InputException positional = values == null ? null : invalid(fileName, lineNumber, values);
            if (values == null || positional != null) {
                Map<Col, String> split = layout.byWhitespace(line);
                if (split == null || invalid(fileName, lineNumber, split) != null) {
                    throw positional != null ? positional : KafkaCliFormats.expected(fileName, lineNumber,
                            "a row under the header " + layout.columns.stream().map(Column::name).toList(), line);
                }
                values = split;
            }
            switch (layout.kind) {
                case OFFSETS -> addOffsetRow(fileName, lineNumber, line, values);
                case MEMBERS -> addMemberRow(values);
                case STATE -> addStateRow(fileName, lineNumber, values);
            }
        }

        private InputException invalid(String fileName, long lineNumber, Map<Col, String> values) {
            for (Map.Entry<Col, String> e : values.entrySet()) {
                Col col = e.getKey();
                String value = e.getValue();
                String problem = switch (col.type) {
                    case TEXT -> value.isEmpty() ? "a value" : null;
                    case OPTIONAL_TEXT -> null;
                    case NUMBER -> NUMBER.matcher(value).matches() ? null : "a number";
                    case NUMBER_OR_MISSING -> MISSING.equals(value) || NUMBER.matcher(value).matches()
                            ? null : "a number or '-'";
                    case ASSIGNMENT -> assignment(value) != null ? null
                            : "an assignment such as 'orders:0,1;payments:2' or 'orders(0,1), payments(2)' or '-'";
                };
                if (problem != null) {
                    return KafkaCliFormats.expected(fileName, lineNumber, problem + " in column " + col.header, value);
                }
            }
            return null;
        }

        private void addOffsetRow(String fileName, long lineNumber, String line, Map<Col, String> values) {
            GroupParts group = group(values.get(Col.GROUP));
            String topic = orNull(values.get(Col.TOPIC));
            Integer partition = intOrNull(values.get(Col.PARTITION));
            if ((topic == null) != (partition == null)) {
                throw KafkaCliFormats.expected(fileName, lineNumber, "a topic and a partition, or '-' for both",
                        line);
            }
            String memberId = orNull(values.get(Col.CONSUMER_ID));
            if (memberId != null) {
                MemberParts member = group.member(memberId);
                member.fill(values.get(Col.CLIENT_ID), values.get(Col.HOST));
                if (topic != null) {
                    member.assignment.add(new TopicPartition(topic, partition));
                }
            }
            if (topic != null) {
                group.offsets.add(new PartitionOffset(topic, partition, longOrNull(values.get(Col.CURRENT_OFFSET)),
                        longOrNull(values.get(Col.LOG_END_OFFSET)), memberId));
            }
        }

        private void addMemberRow(Map<Col, String> values) {
            GroupParts group = group(values.get(Col.GROUP));
            MemberParts member = group.member(values.get(Col.CONSUMER_ID));
            member.fill(values.get(Col.CLIENT_ID), values.get(Col.HOST));
            String assignment = values.containsKey(Col.CURRENT_ASSIGNMENT) ? values.get(Col.CURRENT_ASSIGNMENT)
                    : values.get(Col.ASSIGNMENT);
            if (assignment != null) {
                member.assignment.addAll(assignment(assignment));
            }
        }

        private void addStateRow(String fileName, long lineNumber, Map<Col, String> values) {
            GroupParts group = group(values.get(Col.GROUP));
            try {
                group.state = GroupState.parse(values.get(Col.STATE));
            } catch (IllegalArgumentException e) {
                throw new InputException(fileName, lineNumber, e.getMessage());
            }
            // 4.x prints "host:port  (id)" with two spaces; the model writes one
            group.coordinator = values.get(Col.COORDINATOR).replaceAll("\\s+", " ");
            group.strategy = orNull(values.get(Col.ASSIGNMENT_STRATEGY));
        }

        private GroupParts group(String groupId) {
            return groups.computeIfAbsent(groupId, GroupParts::new);
        }

        void emit(MeshSink sink) {
            groups.values().forEach(g -> sink.group(g.toGroup()));
        }
    }

    /** What a block showed of one group. */
    private static final class GroupParts {
        private final String groupId;
        private final Map<String, MemberParts> members = new LinkedHashMap<>();
        private final List<PartitionOffset> offsets = new ArrayList<>();
        private GroupState state;
        private String coordinator;
        private String strategy;

        GroupParts(String groupId) {
            this.groupId = groupId;
        }

        MemberParts member(String memberId) {
            return members.computeIfAbsent(memberId, MemberParts::new);
        }

        ConsumerGroup toGroup() {
            List<GroupMember> memberList = members.values().stream()
                    .map(m -> new GroupMember(m.memberId, m.clientId, m.host, List.copyOf(m.assignment))).toList();
            return new ConsumerGroup(groupId, state, coordinator, strategy, memberList, offsets);
        }
    }

    private static final class MemberParts {
        private final String memberId;
        private final Set<TopicPartition> assignment = new LinkedHashSet<>();
        private String clientId;
        private String host;

        MemberParts(String memberId) {
            this.memberId = memberId;
        }

        void fill(String clientIdText, String hostText) {
            if (clientId == null) {
                clientId = orNull(clientIdText);
            }
            if (host == null) {
                host = orNull(hostText);
            }
        }
    }

    /**
     * Parses {@code orders:0,1;payments:2} (4.x), {@code orders(0,1), payments(2)} (3.x) or {@code -};
     * null when the text is neither.
     */
    private static List<TopicPartition> assignment(String text) {
        if (text.isEmpty() || MISSING.equals(text)) {
            return List.of();
        }
        List<TopicPartition> partitions = new ArrayList<>();
        Pattern form = text.contains("(") ? ASSIGNMENT_3X : ASSIGNMENT_4X;
        String separator = text.contains("(") ? ",\\s*(?![\\d,]*\\))" : ";";
        for (String part : text.split(separator)) {
            Matcher m = form.matcher(part.strip());
            if (!m.matches()) {
                return null;
            }
            for (String p : m.group(2).split(",")) {
                partitions.add(new TopicPartition(m.group(1).strip(), Integer.parseInt(p)));
            }
        }
        return partitions;
    }

    private static String orNull(String text) {
        return text == null || text.isEmpty() || MISSING.equals(text) ? null : text;
    }

    private static Integer intOrNull(String text) {
        return orNull(text) == null ? null : Integer.valueOf(text);
    }

    private static Long longOrNull(String text) {
        return orNull(text) == null ? null : Long.valueOf(text);
    }
}
