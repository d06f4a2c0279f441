package dev.meshlens.engine.model;

import java.util.Objects;

/**
 * A Kafka principal such as {@code User:billing-svc}. Services in the lineage graph are named by principal.
 */
public record Principal(String type, String name) implements Comparable<Principal> {

    public Principal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Parses Kafka's {@code Type:name} form; the name may itself contain colons.
     *
     * @throws IllegalArgumentException when there is no {@code Type:} prefix
     */
    public static Principal parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("principal '" + text + "' is not of the form Type:name, e.g. User:alice");
        }
        return new Principal(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }

    /** Whether this is Kafka's wildcard principal ({@code User:*}), which matches every user. */
    public boolean isWildcard() {
        return "*".equals(name);
    }

    @Override
    public String toString() {
        return type + ":" + name;
    }

    @Override
    public int compareTo(Principal other) {
        return toString().compareTo(other.toString());
    }
}
