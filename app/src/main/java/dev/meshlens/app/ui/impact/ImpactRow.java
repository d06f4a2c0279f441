package dev.meshlens.app.ui.impact;

import dev.meshlens.app.ui.service.ConsumerState;

import java.util.Objects;

/**
 * A consumer a breaking change would reach.
 *
 * @param via   the product through which it is reached: the changed product itself for a direct consumer
 * @param depth 0 for direct consumers, 1 and more for consumers of downstream products
 */
public record ImpactRow(String consumer, String principal, String group, String owner, Integer tier,
                        ConsumerState state, String via, int depth) {

    public ImpactRow {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(via, "via");
    }

    /** Whether the consumer is running (up to date, lagging or replaying). */
    public boolean active() {
        return state == ConsumerState.UP_TO_DATE || state == ConsumerState.LAGGING
                || state == ConsumerState.REPLAYING;
    }
}
