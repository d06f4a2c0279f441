package dev.meshlens.engine.reconcile;

import java.util.Objects;

/**
 * A consumer group consuming a topic without a matching READ ACL.
 *
 * @param principal the principal behind the group, or null when no principal can be named for it
 */
public record GroupWithoutAcl(String group, String topic, String principal) {

    /** @throws NullPointerException when {@code group} or {@code topic} is null */
    public GroupWithoutAcl {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(topic, "topic");
    }
}
