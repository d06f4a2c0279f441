package dev.meshlens.engine.lineage;

import java.util.List;
import java.util.Objects;

/**
 * One consumer of a product, per (principal, group) pair: what {@code meshlens consumers PRODUCT} prints.
 *
 * @param principal the consumer's principal, or null when no single principal can be named for the group
 * @param group     the consumer group, or null for a principal with READ but no group on the topic
 * @param evidence  sorted: {@code acl} and/or {@code group}, as in {@link EdgeFacts#evidence()}
 * @param lag       the group's lag summed over its partitions of the topic; null when unknown or no group
 * @param state     this pair's state
 */
public record ConsumerDetail(String principal, String group, List<String> evidence, Long lag, ConsumerState state) {

    /** @throws NullPointerException when {@code evidence} or {@code state} is null */
    public ConsumerDetail {
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(state, "state");
    }
}
