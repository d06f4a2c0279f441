package dev.meshlens.engine.lineage;

import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.GroupMember;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.TopicPartition;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * How one consumer group uses one topic.
 *
 * @param lag the group's lag summed over the partitions of the topic whose lag is known; null when none is
 */
record GroupUse(String groupId, boolean active, Long lag) {

    /** Most alive first: up to date, then lagging, then stopped; then smaller known lag; then group id. */
    static Comparator<GroupUse> mostAliveFirst(long lagThreshold) {
        return Comparator.<GroupUse>comparingInt(u -> u.state(lagThreshold).ordinal())
                .thenComparing(GroupUse::lag, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(GroupUse::groupId);
    }

    /**
     * The state this use shows by itself: stopped when the group is inactive, lagging when its lag is known and
     * above {@code lagThreshold}, up to date otherwise (an unknown lag is no evidence of lagging).
     */
    ConsumerState state(long lagThreshold) {
        if (!active) {
            return ConsumerState.STOPPED;
        }
        return lag != null && lag > lagThreshold ? ConsumerState.LAGGING : ConsumerState.UP_TO_DATE;
    }

    /**
     * The topics {@code group} consumes, each with its use. A group consumes a topic when it has a committed
     * offset on one of its partitions, or, while active, has one of its partitions assigned to a member.
     *
     * @return by topic, sorted
     */
    static Map<String, GroupUse> of(ConsumerGroup group) {
        boolean active = group.isActive();
        Map<String, Long> lags = new TreeMap<>();
        Map<String, Boolean> consumed = new TreeMap<>();
        for (PartitionOffset offset : group.offsets()) {
            if (offset.committedOffset() != null || (active && offset.memberId() != null)) {
                consumed.put(offset.topic(), true);
            }
            Long lag = offset.lag();
            if (lag != null) {
                lags.merge(offset.topic(), lag, Long::sum);
            }
        }
        if (active) {
            for (GroupMember member : group.members()) {
                for (TopicPartition assigned : member.assignment()) {
                    consumed.put(assigned.topic(), true);
                }
            }
        }
        Map<String, GroupUse> uses = new TreeMap<>();
        consumed.keySet().forEach(topic -> uses.put(topic, new GroupUse(group.groupId(), active, lags.get(topic))));
        return uses;
    }
}
