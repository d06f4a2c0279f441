package dev.meshlens.engine.schema;

/**
 * One problem a reader/writer judge found, before the checker adds the registered version and direction.
 *
 * @param kind   {@link #NOT_JUDGED} when the judge could not decide
 * @param detail what is wrong, from the reader's point of view
 */
record Finding(String fieldPath, String kind, String detail) {
    static final String NOT_JUDGED = "NOT_JUDGED";

    boolean judged() {
        return !NOT_JUDGED.equals(kind);
    }
}
