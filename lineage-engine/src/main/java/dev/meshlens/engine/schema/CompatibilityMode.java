package dev.meshlens.engine.schema;

import java.util.Arrays;
import java.util.Locale;

/**
 * The compatibility levels of the Confluent Schema Registry, with its meaning: BACKWARD means consumers
 * using the new schema can read data written with the registered one (reader = new, writer = old), FORWARD
 * the reverse (reader = old, writer = new), FULL both; the {@code _TRANSITIVE} forms judge against every
 * registered version, the others against the latest only.
 */
public enum CompatibilityMode {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    /** The registry's level when a subject and the registry declare none. */
    public static final CompatibilityMode REGISTRY_DEFAULT = BACKWARD;

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityMode(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** Whether the new schema must read data written with registered versions. */
    public boolean checksBackward() {
        return backward;
    }

    /** Whether registered versions must read data written with the new schema. */
    public boolean checksForward() {
        return forward;
    }

    /** Whether every registered version is judged, not only the latest. */
    public boolean isTransitive() {
        return transitive;
    }

    /**
     * Parses a level as the registry spells it ({@code BACKWARD}, {@code full_transitive}); case is ignored.
     *
     * @throws IllegalArgumentException listing the modes when {@code text} is none of them
     */
    public static CompatibilityMode parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(m -> m.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown compatibility mode '" + text
                        + "', expected one of " + Arrays.toString(values())));
    }
}
