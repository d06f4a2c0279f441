package dev.meshlens.importers;

import java.util.concurrent.CancellationException;

/**
 * A flag that asks a running import to stop: set from another thread (a Ctrl-C shutdown hook, a Cancel
 * button), checked by the importer between steps and while it waits for a broker. A cancelled import throws
 * {@link CancellationException}; the store then rolls it back, so nothing of it lands. Thread-safe.
 */
public final class Cancellation {
    private volatile boolean cancelled;

    /** Asks the import to stop; idempotent. */
    public void cancel() {
        cancelled = true;
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Returns normally unless the import was cancelled.
     *
     * @throws CancellationException when {@link #cancel()} was called
     */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("the import was cancelled");
        }
    }
}
