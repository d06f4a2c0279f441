package dev.meshlens.app.ui.task;

/**
 * Runs each task to the end on the calling thread, delivering its callbacks immediately. For tests, where it
 * makes asynchronous view-model code deterministic; never for the window, where it would freeze the UI.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    /**
     * Runs {@code task} now; returns when it has ended and its callbacks have run.
     *
     * @return the same task, already done
     */
    @Override
    public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
        task.markSubmitted();
        task.run(Runnable::run);
        return task;
    }

    /** Nothing to stop: no task outlives {@link #execute(BackgroundTask)}. */
    @Override
    public void shutdown() {
        // every task has already ended when execute returns
    }
}
