package dev.meshlens.engine.model;

/** Whether a data product is still recommended for new consumers. */
public enum Lifecycle {
    ACTIVE, DEPRECATED;

    public static Lifecycle parse(String text) {
        return text == null || text.isBlank() ? ACTIVE : Names.parseEnum(Lifecycle.class, text);
    }
}
