package dev.meshlens.engine.model;

/** How an ACL's resource name matches: exactly ({@code *} matching every name) or as a prefix. */
public enum PatternType {
    LITERAL, PREFIXED;

    /** The name Kafka uses for the wildcard resource name of a LITERAL pattern. */
    public static final String WILDCARD_RESOURCE = "*";

    public static PatternType parse(String text) {
        return Names.parseEnum(PatternType.class, text);
    }
}
