package dev.meshlens.app.ui.service;

import java.util.Objects;

/**
 * A reader of a topic: a principal allowed to read it, a consumer group reading it, or both matched.
 *
 * @param principal   the principal, or null for a group no ACL or mapping ties to a principal
 * @param serviceName the declared service name, or null
 * @param owner       the declared owner (usually an e-mail address), or null
 * @param tier        the tier the service promises, or null when undeclared
 * @param group       the consumer group, or null when no group of the principal has offsets on the topic
 * @param lag         total lag over the topic's partitions, or null when unknown
 */
public record ConsumerRow(String principal, String serviceName, String owner, Integer tier, String group,
                          Evidence evidence, Long lag, ConsumerState state) {

    public ConsumerRow {
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(state, "state");
    }

    /** What identifies the consumer for a person: the service name, else the principal, else the group. */
    public String displayName() {
        if (serviceName != null && !serviceName.isBlank()) {
            return serviceName;
        }
        return principal != null ? principal : group;
    }
}
