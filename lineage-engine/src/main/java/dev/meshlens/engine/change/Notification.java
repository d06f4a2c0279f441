package dev.meshlens.engine.change;

import java.util.Objects;

/**
 * One row of the list of people to notify about a change: an owner and one node of theirs that the change
 * reaches.
 *
 * @param owner  the owner, or null when the node declares none (someone still has to find out who runs it)
 * @param kind   {@code product}, {@code service} or {@code group}
 * @param name   the topic, principal or group id
 * @param tier   the node's tier, or null when undeclared
 * @param depth  graph hops from the changed product
 * @param reason why the node is affected, e.g. {@code reads orders directly (group billing-app: up-to-date)}
 */
public record Notification(String owner, String kind, String name, Integer tier, int depth, String reason) {

    /** @throws NullPointerException when {@code kind}, {@code name} or {@code reason} is null */
    public Notification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
    }
}
