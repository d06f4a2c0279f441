package dev.meshlens.engine.diff;

import java.util.List;

/**
 * The difference of one kind of thing between two states.
 *
 * @param added   only in the "to" state
 * @param removed only in the "from" state
 * @param changed in both, with some fields changed
 */
public record SectionDiff<T>(List<T> added, List<T> removed, List<Changed<T>> changed) {

    /** @throws NullPointerException when a list is null */
    public SectionDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** Whether nothing was added, removed or changed. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
}
