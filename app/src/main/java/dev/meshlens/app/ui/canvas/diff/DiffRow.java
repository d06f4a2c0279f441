package dev.meshlens.app.ui.canvas.diff;

import java.util.Objects;

/**
 * One change between two snapshots, as the diff panel lists it.
 *
 * @param change  {@code added}, {@code removed} or {@code changed}
 * @param section what changed: {@code product}, {@code service}, {@code topic}, {@code acl}, {@code edge},
 *                {@code consumer}, {@code tier} or {@code schema}
 * @param subject the thing, e.g. a topic, {@code payments.authorizations -read-> User:fraud-svc}
 * @param detail  what changed about it, e.g. {@code state up-to-date → stopped}; empty for an addition or removal
 */
public record DiffRow(String change, String section, String subject, String detail) {

    /** @throws NullPointerException when a component is null */
    public DiffRow {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
    }
}
