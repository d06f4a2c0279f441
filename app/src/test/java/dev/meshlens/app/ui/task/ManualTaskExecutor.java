package dev.meshlens.app.ui.task;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Holds tasks until the test runs them, on the test thread, in an order the test chooses: for testing what
 * happens when background work finishes out of order.
 */
public final class ManualTaskExecutor implements TaskExecutor {
    private final Deque<BackgroundTask<?>> pending = new ArrayDeque<>();

    @Override
    public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
        task.markSubmitted();
        pending.add(task);
        return task;
    }

    @Override
    public void shutdown() {
        pending.forEach(BackgroundTask::cancel);
    }

    /** How many tasks wait. */
    public int pendingCount() {
        return pending.size();
    }

    /** Runs the oldest waiting task to its end. */
    public void runOldest() {
        pending.removeFirst().run(Runnable::run);
    }

    /** Runs the newest waiting task to its end. */
    public void runNewest() {
        pending.removeLast().run(Runnable::run);
    }

    /** Runs every waiting task, oldest first, including tasks they start. */
    public void runAll() {
        while (!pending.isEmpty()) {
            runOldest();
        }
    }
}
