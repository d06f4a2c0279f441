package dev.meshlens.importers.seed;

import java.util.List;

/** A seeded scenario whose active consumer groups keep a live member until {@link #close()}. */
public final class SeededMesh implements AutoCloseable {
    private final List<Runnable> stoppers;

    SeededMesh(List<Runnable> stoppers) {
        this.stoppers = List.copyOf(stoppers);
    }

    /** How many groups still have a live member. */
    public int activeGroups() {
        return stoppers.size();
    }

    /** Stops the live members; their groups become Empty. Idempotent. */
    @Override
    public void close() {
        stoppers.forEach(Runnable::run);
    }
}
