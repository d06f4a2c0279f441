package dev.meshlens.engine.model;

import java.util.List;
import java.util.Objects;

/** A live member of a consumer group and the partitions assigned to it. */
public record GroupMember(String memberId, String clientId, String host, List<TopicPartition> assignment) {

    public GroupMember {
        Objects.requireNonNull(memberId, "memberId");
        assignment = assignment == null ? List.of() : List.copyOf(assignment);
    }
}
