package dev.meshlens.engine.trace;

import java.util.Objects;

/** A parent link between two records: {@code child} was derived from {@code parent}. */
public record RecordLink(String parent, String child) {

    /** @throws NullPointerException when a component is null */
    public RecordLink {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(child, "child");
    }
}
