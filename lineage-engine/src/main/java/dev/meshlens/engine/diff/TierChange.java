package dev.meshlens.engine.diff;

import java.util.Objects;

/**
 * The SLA tier of a product or service, changed between two states.
 *
 * @param kind {@code product} or {@code service}
 * @param name the topic or the principal
 * @param from the tier before, or null when undeclared
 * @param to   the tier after, or null when undeclared
 */
public record TierChange(String kind, String name, Integer from, Integer to) {

    /** @throws NullPointerException when {@code kind} or {@code name} is null */
    public TierChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** Whether the promise got weaker (a larger tier number) or was withdrawn. */
    public boolean isWeaker() {
        return from != null && (to == null || to > from);
    }
}
