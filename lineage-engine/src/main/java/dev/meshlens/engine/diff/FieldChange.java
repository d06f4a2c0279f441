package dev.meshlens.engine.diff;

/**
 * One field that differs between two snapshots.
 *
 * @param from the value in the older state (the diff's "from"), or null when it had none
 * @param to   the value in the newer state, or null when it has none
 */
public record FieldChange(Object from, Object to) {
}
