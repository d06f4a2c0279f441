package dev.meshlens.engine.reconcile;

import java.util.List;
import java.util.Objects;

/**
 * A deprecated product that is still consumed.
 *
 * @param name      the catalog entry's product name
 * @param consumers the active consumers: principals, or group ids where no principal can be named; sorted
 */
public record DeprecatedUse(String topic, String name, List<String> consumers) {

    /** @throws NullPointerException when a component is null */
    public DeprecatedUse {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(name, "name");
        consumers = List.copyOf(consumers);
    }
}
