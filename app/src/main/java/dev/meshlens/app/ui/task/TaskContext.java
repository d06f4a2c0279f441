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
     * A context that shows nothing and is never cancelled: for work started outside the window (a first-start
     * demo load in tests, a command line) that still goes through code written for background tasks.
     */
    TaskContext NONE = new TaskContext() {
        @Override
        public void updateProgress(long done, long total) {
        }

        @Override
        public void updateMessage(String message) {
        }

        @Override
        public void log(String line) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

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
