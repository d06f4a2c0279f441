package dev.meshlens.engine.reconcile;

import java.util.Objects;

/** A principal allowed to READ a topic that none of its groups consumes. */
public record UnusedPermission(String principal, String topic) {

    /** @throws NullPointerException when a component is null */
    public UnusedPermission {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(topic, "topic");
    }
}
