package dev.meshlens.engine.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A test seam in the commit path: called after each step of {@link ImportSession#commit()} with the
 * step's name, inside the import transaction. Tests make it throw to prove that a failure at any point of the
 * commit rolls everything back. Production code uses {@link #NONE}.
 */
@FunctionalInterface
interface CommitHook {
    CommitHook NONE = (step, transaction) -> {
    };

    /**
     * @param step        one of {@code staged}, {@code snapshot}, {@code closed}, {@code inserted}, {@code cleared}
     * @param transaction the import's connection, inside its uncommitted transaction (to look, not to write)
     */
    void reached(String step, Connection transaction) throws SQLException;
}
