package dev.meshlens.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * A consumer group with its state, members and committed offsets.
 *
 * @param state               null where the source did not show it (the plain {@code --describe} output)
 * @param coordinator         e.g. {@code localhost:9092 (1)}, or null
 * @param assignmentStrategy  e.g. {@code range}, or null
 */
public record ConsumerGroup(String groupId, GroupState state, String coordinator, String assignmentStrategy,
                            List<GroupMember> members, List<PartitionOffset> offsets) {

    public ConsumerGroup {
        Objects.requireNonNull(groupId, "groupId");
        members = members == null ? List.of() : List.copyOf(members);
        offsets = offsets == null ? List.of() : List.copyOf(offsets);
    }

    /** Whether the group has live members, judged from its state or, where unknown, from its members. */
    public boolean isActive() {
        if (state != null && state != GroupState.UNKNOWN) {
            return state.isActive();
        }
        return !members.isEmpty();
    }

    /**
     * Combines two partial views of the same group (state from one listing, members or offsets from another).
     * Known values win over unknown ones; members are combined by member id and offsets by partition, the
     * entry with more information winning.
     *
     * @throws IllegalArgumentException when the group ids differ
     */
    public ConsumerGroup merge(ConsumerGroup other) {
        if (!groupId.equals(other.groupId)) {
            throw new IllegalArgumentException("cannot merge group " + groupId + " with " + other.groupId);
        }
        java.util.Map<String, GroupMember> byMember = new java.util.LinkedHashMap<>();
        for (GroupMember m : members) {
            byMember.put(m.memberId(), m);
        }
        for (GroupMember m : other.members) {
            byMember.merge(m.memberId(), m, (a, b) -> new GroupMember(a.memberId(),
                    a.clientId() != null ? a.clientId() : b.clientId(), a.host() != null ? a.host() : b.host(),
                    a.assignment().isEmpty() ? b.assignment() : a.assignment()));
        }
        java.util.Map<TopicPartition, PartitionOffset> byPartition = new java.util.TreeMap<>();
        for (PartitionOffset o : offsets) {
            byPartition.put(o.topicPartition(), o);
        }
        for (PartitionOffset o : other.offsets) {
            byPartition.merge(o.topicPartition(), o, (a, b) -> new PartitionOffset(a.topic(), a.partition(),
                    a.committedOffset() != null ? a.committedOffset() : b.committedOffset(),
                    a.endOffset() != null ? a.endOffset() : b.endOffset(),
                    a.memberId() != null ? a.memberId() : b.memberId()));
        }
        GroupState mergedState = state != null && state != GroupState.UNKNOWN ? state : other.state;
        return new ConsumerGroup(groupId, mergedState, coordinator != null ? coordinator : other.coordinator,
                assignmentStrategy != null ? assignmentStrategy : other.assignmentStrategy,
                java.util.List.copyOf(byMember.values()), java.util.List.copyOf(byPartition.values()));
    }

    /** Topics on which the group has a committed offset on at least one partition. */
    public List<String> consumedTopics() {
        return offsets.stream().filter(o -> o.committedOffset() != null).map(PartitionOffset::topic)
                .distinct().sorted().toList();
    }
}
