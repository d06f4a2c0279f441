package dev.meshlens.app.ui.task;

/** Where a {@link BackgroundTask} is in its life. Only READY moves to RUNNING; the last three are final. */
public enum TaskState {
    READY, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    /** Whether the task has ended, one way or the other. */
    public boolean isDone() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
