package dev.meshlens.app.ui.task;

/**
 * Runs {@link BackgroundTask}s. The window uses {@link DefaultTaskExecutor} (worker threads, callbacks on the
 * JavaFX thread); view-model tests use {@link CurrentThreadTaskExecutor}, which runs everything at once on the
 * calling thread so tests need neither a window nor waiting.
 */
public interface TaskExecutor {

    /**
     * Starts {@code task}. Its callbacks and property changes happen on the thread this executor treats as the
     * UI thread.
     *
     * @return the same task, for chaining
     * @throws IllegalStateException when the task was started before
     */
    <T> BackgroundTask<T> execute(BackgroundTask<T> task);

    /** Stops accepting tasks; running tasks are asked to cancel. */
    void shutdown();
}
