package dev.meshlens.synthetic.format;

import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.GroupMember;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.TopicPartition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes consumer groups as {@code kafka-consumer-groups --describe --all-groups} (Kafka 4.x) prints them on
 * standard output, one group per call. Kafka prints the groups sorted by group id; callers pass them in that
 * order. What Kafka prints on standard error ({@code Consumer group 'x' has no active members.}) is not written.
 *
 * <p>The offsets view (the default, {@link #offsets}) prints, per group with at least one row, a blank line,
 * the header and one row per partition: partitions of live members first (members with most partitions
 * first, partitions by topic and number), then partitions with a committed offset and no member, with
 * {@code -} in the member columns. GROUP, TOPIC, CONSUMER-ID and HOST are padded to their widest value in
 * the group (at least 15), PARTITION to 10, the offsets and LAG to 15; CLIENT-ID is not padded.
 *
 * <p>The state view ({@code --state}, {@link #state}) prints a blank line, the header and one row per group
 * with {@code host:port  (id)} as coordinator, {@code -} for an empty assignment strategy, Kafka's state name
 * ({@code Stable}, {@code Empty}, ...) and the number of members. Dead groups print nothing in either view,
 * as in Kafka.
 */
public final class KafkaConsumerGroupsWriter {
    /** Kafka's MISSING_COLUMN_VALUE. */
    public static final String MISSING = "-";
    private static final Pattern COORDINATOR = Pattern.compile("^(.*\\S)\\s+\\((.+)\\)$");

    private final Appendable out;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;

    /** @param out where the listing goes; it is neither buffered nor closed here */
    public KafkaConsumerGroupsWriter(Appendable out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Writes the offsets view of one group.
     *
     * @return the number of partition rows written; 0 when Kafka prints nothing for the group on standard
     *         output (no live member with partitions and no committed offset, or a Dead group)
     * @throws UncheckedIOException when writing fails
     */
    public int offsets(ConsumerGroup group) {
        if (group.state() == GroupState.DEAD) {
            return 0;
        }
        List<String[]> table = offsetRows(group);
        if (table.isEmpty()) {
            return 0;
        }
        int groupWidth = 15;
        int topicWidth = 15;
        int consumerWidth = 15;
        int hostWidth = 15;
        for (String[] row : table) {
            groupWidth = Math.max(groupWidth, row[0].length());
            topicWidth = Math.max(topicWidth, row[1].length());
            consumerWidth = Math.max(consumerWidth, row[6].length());
            hostWidth = Math.max(hostWidth, row[7].length());
        }
        int[] widths = {groupWidth, topicWidth, 10, 15, 15, 15, consumerWidth, hostWidth};
        write("\n");
        writeRow(new String[] {"GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG",
            "CONSUMER-ID", "HOST", "CLIENT-ID"}, widths);
        for (String[] row : table) {
            write("\n");
            writeRow(row, widths);
        }
        write("\n");
        rows += table.size();
        return table.size();
    }

    /**
     * Writes the state view of one group.
     *
     * @return whether anything was written (Kafka prints nothing for a Dead group)
     * @throws UncheckedIOException when writing fails
     */
    public boolean state(ConsumerGroup group) {
        if (group.state() == GroupState.DEAD) {
            return false;
        }
        String coordinator = kafkaCoordinator(group.coordinator());
        String strategy = group.assignmentStrategy() == null || group.assignmentStrategy().isEmpty()
                ? MISSING : group.assignmentStrategy();
        int[] widths = {Math.max(15, group.groupId().length()), Math.max(25, coordinator.length()), 20, 20};
        write("\n");
        writeRow(new String[] {"GROUP", "COORDINATOR (ID)", "ASSIGNMENT-STRATEGY", "STATE", "#MEMBERS"}, widths);
        write("\n");
        writeRow(new String[] {group.groupId(), coordinator, strategy, kafkaStateName(group.state()),
            Integer.toString(group.members().size())}, widths);
        write("\n");
        rows++;
        return true;
    }

    /** Data rows written so far, over both views. */
    public long rows() {
        return rows;
    }

    /**
     * Kafka's name of a group state ({@code GroupState.toString()}): {@code Stable}, {@code PreparingRebalance},
     * {@code Empty}; {@code Unknown} for null.
     */
    public static String kafkaStateName(GroupState state) {
        if (state == null) {
            return "Unknown";
        }
        StringBuilder name = new StringBuilder();
        for (String word : state.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return name.toString();
    }

    /**
     * The coordinator as the state view prints it, {@code host:port  (id)} with two spaces; accepts the
     * model's {@code host:port (id)}. Null becomes {@code -}.
     */
    public static String kafkaCoordinator(String coordinator) {
        if (coordinator == null || coordinator.isBlank()) {
            return MISSING;
        }
        Matcher m = COORDINATOR.matcher(coordinator);
        return m.matches() ? m.group(1) + "  (" + m.group(2) + ")" : coordinator;
    }

    private static List<String[]> offsetRows(ConsumerGroup group) {
        Map<TopicPartition, PartitionOffset> byPartition = new HashMap<>();
        for (PartitionOffset offset : group.offsets()) {
            byPartition.put(offset.topicPartition(), offset);
        }
        List<GroupMember> members = new ArrayList<>();
        for (GroupMember member : group.members()) {
            if (!member.assignment().isEmpty()) {
                members.add(member);
            }
        }
        // Kafka sorts members by assignment size, largest first; the sort is stable
        members.sort(Comparator.comparingInt((GroupMember m) -> m.assignment().size()).reversed());
        List<String[]> rows = new ArrayList<>();
        Set<TopicPartition> assigned = new HashSet<>();
        for (GroupMember member : members) {
            List<TopicPartition> partitions = new ArrayList<>(member.assignment());
            partitions.sort(null);
            for (TopicPartition tp : partitions) {
                assigned.add(tp);
                rows.add(row(group.groupId(), tp, byPartition.get(tp), member.memberId(), orMissing(member.host()),
                        orMissing(member.clientId())));
            }
        }
        List<PartitionOffset> unassigned = new ArrayList<>();
        for (PartitionOffset offset : group.offsets()) {
            if (offset.committedOffset() != null && !assigned.contains(offset.topicPartition())) {
                unassigned.add(offset);
            }
        }
        unassigned.sort(null);
        for (PartitionOffset offset : unassigned) {
            rows.add(row(group.groupId(), offset.topicPartition(), offset, MISSING, MISSING, MISSING));
        }
        return rows;
    }

    private static String[] row(String group, TopicPartition tp, PartitionOffset offset, String consumer, String host,
                                String client) {
        Long committed = offset == null ? null : offset.committedOffset();
        Long end = offset == null ? null : offset.endOffset();
        // Kafka's lag is end - committed, unclamped, and unknown when either is
        String lag = committed == null || end == null ? MISSING : Long.toString(end - committed);
        return new String[] {group, tp.topic(), Integer.toString(tp.partition()),
            committed == null ? MISSING : committed.toString(), end == null ? MISSING : end.toString(), lag,
            consumer, host, client};
    }

    private static String orMissing(String value) {
        return value == null || value.isEmpty() ? MISSING : value;
    }

    /** Kafka's {@code %-Ns} columns separated by one space, the last column unpadded. */
    private void writeRow(String[] cells, int[] widths) {
        line.setLength(0);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(' ');
            }
            line.append(cells[i]);
            if (i < widths.length) {
                for (int pad = cells[i].length(); pad < widths[i]; pad++) {
                    line.append(' ');
                }
            }
        }
        write(line);
    }

    private void write(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
