package dev.meshlens.engine.lineage;

import java.util.Locale;

/** What a lineage edge says: a service writes a product, or a consumer reads one. */
public enum EdgeKind {
    /** Service to product: the principal may WRITE the topic. */
    WRITE,
    /** Product to service or group: the consumer may READ the topic, or is seen consuming it. */
    READ;

    /** {@code write} or {@code read}: stable, used in output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
