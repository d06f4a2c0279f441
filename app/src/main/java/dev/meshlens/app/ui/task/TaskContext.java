package dev.meshlens.app.ui.task;

import java.util.concurrent.CancellationException;

/**
 * What a {@link BackgroundTask}'s work sees while it runs on a worker thread: a way to report progress,
 * status and log lines to the window, and to notice that the user pressed Cancel.
 *
 * <p>Every method may be called from the worker thread at any rate; updates reach the JavaFX thread
 * coalesced, so reporting per record does not flood the event queue.
 */
public interface TaskContext {

    /**
     * Reports how far the work is.
     *
     * @param done  units done so far
     * @param total units in all; zero or negative marks the progress as indeterminate
     */
    void updateProgress(long done, long total);

    /** Replaces the one-line status shown beside the progress bar, e.g. {@code Reading acls.txt}. */
    void updateMessage(String message);

    /** Appends a line to the task's readable log (what is read, what was found). */
    void log(String line);

    /** Whether the user asked to cancel; long work checks this between units of work. */
    boolean isCancelled();

    /**
     * Stops the work when the user asked to cancel.
     *
     * @throws CancellationException when {@link #isCancelled()} is true
     */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }
}
