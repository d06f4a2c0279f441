package dev.meshlens.engine.lineage;

import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.GroupMember;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.TopicPartition;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How one consumer group uses one topic.
 *
 * @param lag       the group's lag summed over the partitions of the topic whose lag is known; null when none is
 * @param advancing whether the committed offset of some partition of the topic moved forward since the previous
 *                  snapshot; false when there is no previous snapshot to compare with
 */
record GroupUse(String groupId, boolean active, Long lag, boolean advancing) {

    /** Most alive first: up to date, lagging, replaying, then stopped; then smaller known lag; then group id. */
    static Comparator<GroupUse> mostAliveFirst(LineageOptions options) {
        return Comparator.<GroupUse>comparingInt(u -> u.state(options).ordinal())
                .thenComparing(GroupUse::lag, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(GroupUse::groupId);
    }

    /**
     * The state this use shows: stopped when the group is inactive; replaying when it advanced since the previous
     * snapshot and its known lag is above both thresholds (far behind and moving: re-reading history); lagging
     * when its known lag is above the lag threshold; up to date otherwise (an unknown lag is no evidence of
     * lagging).
     */
    ConsumerState state(LineageOptions options) {
        if (!active) {
            return ConsumerState.STOPPED;
        }
        if (lag == null || lag <= options.lagThreshold()) {
            return ConsumerState.UP_TO_DATE;
        }
        return advancing && lag > options.replayLagThreshold() ? ConsumerState.REPLAYING : ConsumerState.LAGGING;
    }

    /**
     * The topics {@code group} consumes, each with its use. A group consumes a topic when it has a committed
     * offset on one of its partitions, or, while active, has one of its partitions assigned to a member. A use
     * is advancing when some partition of the topic has a committed offset now larger than in {@code previous}.
     *
     * @param previous the same group in the previous snapshot, or null when it was not there (or there is none)
     * @return by topic, sorted
     */
    static Map<String, GroupUse> of(ConsumerGroup group, ConsumerGroup previous) {
        Map<TopicPartition, Long> before = new HashMap<>();
        if (previous != null) {
            previous.offsets().stream().filter(o -> o.committedOffset() != null)
                    .forEach(o -> before.put(o.topicPartition(), o.committedOffset()));
        }
        Set<String> advancing = new HashSet<>();
        boolean active = group.isActive();
        Map<String, Long> lags = new TreeMap<>();
        Map<String, Boolean> consumed = new TreeMap<>();
        for (PartitionOffset offset : group.offsets()) {
            if (offset.committedOffset() != null || (active && offset.memberId() != null)) {
                consumed.put(offset.topic(), true);
            }
            Long committedBefore = before.get(offset.topicPartition());
            if (committedBefore != null && offset.committedOffset() != null && offset.committedOffset() > committedBefore) {
                advancing.add(offset.topic());
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
        consumed.keySet().forEach(topic -> uses.put(topic, new GroupUse(group.groupId(), active, lags.get(topic),
                advancing.contains(topic))));
        return uses;
    }
}
