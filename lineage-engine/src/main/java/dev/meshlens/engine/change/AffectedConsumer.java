package dev.meshlens.engine.change;

import dev.meshlens.engine.lineage.ConsumerState;

import java.util.Objects;

/**
 * A direct consumer of the changed product: one (principal, group) row of
 * {@link dev.meshlens.engine.lineage.LineageGraph#consumers(String)} with what services.csv says of the principal.
 *
 * @param principal the consumer's principal, or null for a group no principal can be named for
 * @param group     the consumer group, or null for a principal with READ but no group on the topic
 * @param lag       the group's lag on the topic, or null when unknown
 * @param owner     the principal's owner in services.csv, or null when undeclared
 * @param tier      the principal's tier in services.csv, or null when undeclared
 */
public record AffectedConsumer(String principal, String group, ConsumerState state, Long lag, String owner,
                               Integer tier) {

    /** @throws NullPointerException when {@code state} is null */
    public AffectedConsumer {
        Objects.requireNonNull(state, "state");
    }
}
