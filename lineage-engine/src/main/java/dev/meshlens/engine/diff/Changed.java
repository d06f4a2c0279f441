package dev.meshlens.engine.diff;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing present in both states with some fields changed.
 *
 * @param before  the thing in the "from" state
 * @param after   the thing in the "to" state
 * @param changes the fields that differ, by field name, in the order the section documents; never empty
 */
public record Changed<T>(T before, T after, Map<String, FieldChange> changes) {

    /** @throws IllegalArgumentException when {@code changes} is empty */
    public Changed {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a changed entry needs at least one changed field");
        }
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }
}
