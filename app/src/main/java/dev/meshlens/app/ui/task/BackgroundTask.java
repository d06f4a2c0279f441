package dev.meshlens.app.ui.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Long work for the window: runs on a worker thread (see {@link TaskExecutor}), reports progress, a status
 * message and log lines, can be cancelled, and calls back on the UI thread when it ends. The one abstraction
 * for background work in the app, so that every long operation shows progress and can be tested without threads.
 *
 * <p>Properties change, and callbacks run, only on the UI thread of the executor that runs the task. Exactly one
 * of {@code onSuccess}, {@code onFailure} and {@code onCancelled} runs, then {@code onFinished}. Cancellation is
 * cooperative: {@link #cancel()} sets a flag that the work reads through {@link TaskContext#isCancelled()}; the
 * worker thread is never interrupted, so a store transaction is always rolled back by its owner, not torn apart.
 *
 * @param <T> what the work returns
 */
public final class BackgroundTask<T> {

    /** The work itself; runs on a worker thread and must not touch JavaFX controls. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Does the work.
         *
         * @throws CancellationException when it stops because {@link TaskContext#isCancelled()} became true
         * @throws Exception             on failure; its message is shown to the user
         */
        T call(TaskContext context) throws Exception;
    }

    /** The progress value that means "indeterminate" (what JavaFX's ProgressBar expects). */
    public static final double INDETERMINATE = -1;

    private final String title;
    private final Work<T> work;
    private final AtomicBoolean submitted = new AtomicBoolean();
    private final AtomicBoolean cancelFlag = new AtomicBoolean();

    private final ReadOnlyObjectWrapper<TaskState> state = new ReadOnlyObjectWrapper<>(this, "state", TaskState.READY);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper cancelRequested = new ReadOnlyBooleanWrapper(this, "cancelRequested");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", INDETERMINATE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<? super Throwable> onFailure = failure -> { };
    private Runnable onCancelled = () -> { };
    private Runnable onFinished = () -> { };
    private Consumer<String> onLog = line -> { };

    // coalescing: the worker stores the newest value and schedules one UI update while none is pending
    private final AtomicReference<long[]> pendingProgress = new AtomicReference<>();
    private final AtomicReference<String> pendingMessage = new AtomicReference<>();
    private final Queue<String> pendingLog = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean progressScheduled = new AtomicBoolean();
    private final AtomicBoolean messageScheduled = new AtomicBoolean();
    private final AtomicBoolean logScheduled = new AtomicBoolean();

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title, "title");
        this.work = Objects.requireNonNull(work, "work");
    }

    /**
     * Creates a task that is not started yet; hand it to a {@link TaskExecutor}.
     *
     * @param title what the task does, for the status bar and the log, e.g. {@code Importing 3 files}
     */
    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    /** Sets what runs on the UI thread with the result when the work returns normally. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> callback) {
        this.onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    /** Sets what runs on the UI thread with the exception when the work fails (not when it was cancelled). */
    public BackgroundTask<T> onFailure(Consumer<? super Throwable> callback) {
        this.onFailure = Objects.requireNonNull(callback);
        return this;
    }

    /** Sets what runs on the UI thread when the work stopped because it was cancelled. */
    public BackgroundTask<T> onCancelled(Runnable callback) {
        this.onCancelled = Objects.requireNonNull(callback);
        return this;
    }

    /** Sets what runs on the UI thread after whichever of success, failure or cancellation happened. */
    public BackgroundTask<T> onFinished(Runnable callback) {
        this.onFinished = Objects.requireNonNull(callback);
        return this;
    }

    /** Sets what receives, on the UI thread and in order, every line the work logs. */
    public BackgroundTask<T> onLog(Consumer<String> callback) {
        this.onLog = Objects.requireNonNull(callback);
        return this;
    }

    /**
     * Asks the work to stop. Call on the UI thread. The task ends as {@link TaskState#CANCELLED} once the work
     * notices; work that completes anyway ends as {@link TaskState#SUCCEEDED}, since its effect has happened.
     */
    public void cancel() {
        if (!state.get().isDone()) {
            cancelFlag.set(true);
            cancelRequested.set(true);
        }
    }

    /** The task's title as given to {@link #of(String, Work)}. */
    public String title() {
        return title;
    }

    /** Where the task is in its life. */
    public ReadOnlyObjectProperty<TaskState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The current state. */
    public TaskState getState() {
        return state.get();
    }

    /** True from the moment the work starts until the final callback. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True once {@link #cancel()} was called on a task that had not ended. */
    public ReadOnlyBooleanProperty cancelRequestedProperty() {
        return cancelRequested.getReadOnlyProperty();
    }

    /** Progress from 0 to 1, or {@link #INDETERMINATE}. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The latest one-line status the work reported. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Claims the task for one executor; a task runs at most once. */
    void markSubmitted() {
        if (!submitted.compareAndSet(false, true)) {
            throw new IllegalStateException("task '" + title + "' was already started");
        }
    }

    /**
     * Runs the work on the calling thread and posts every update and callback to {@code uiThread}.
     * Called by executors after {@link #markSubmitted()}.
     */
    void run(Executor uiThread) {
        uiThread.execute(() -> {
            state.set(TaskState.RUNNING);
            running.set(true);
        });
        Context context = new Context(uiThread);
        T result = null;
        Throwable failure = null;
        boolean cancelled = false;
        try {
            context.checkCancelled();
            result = work.call(context);
        } catch (CancellationException e) {
            cancelled = true;
        } catch (Throwable e) {
            // whatever the work threw after a cancel request is the cancel taking effect, not a fault
            if (cancelFlag.get()) {
                cancelled = true;
            } else {
                failure = e;
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        T finalResult = result;
        Throwable finalFailure = failure;
        TaskState end = cancelled ? TaskState.CANCELLED : failure != null ? TaskState.FAILED : TaskState.SUCCEEDED;
        uiThread.execute(() -> finish(end, finalResult, finalFailure));
    }

    private void finish(TaskState end, T result, Throwable failure) {
        // flush what the worker reported last, so the final state shows it
        flushLog();
        applyMessage();
        if (end == TaskState.SUCCEEDED) {
            progress.set(1);
        }
        state.set(end);
        running.set(false);
        try {
            switch (end) {
                case SUCCEEDED -> onSuccess.accept(result);
                case FAILED -> onFailure.accept(failure);
                case CANCELLED -> onCancelled.run();
                default -> throw new IllegalStateException("not a final state: " + end);
            }
        } finally {
            onFinished.run();
        }
    }

    private void applyMessage() {
        String text = pendingMessage.get();
        if (text != null) {
            message.set(text);
        }
    }

    private void flushLog() {
        String line;
        while ((line = pendingLog.poll()) != null) {
            onLog.accept(line);
        }
    }

    private final class Context implements TaskContext {
        private final Executor uiThread;

        Context(Executor uiThread) {
            this.uiThread = uiThread;
        }

        @Override
        public void updateProgress(long done, long total) {
            pendingProgress.set(new long[] {done, total});
            if (progressScheduled.compareAndSet(false, true)) {
                uiThread.execute(() -> {
                    progressScheduled.set(false);
                    long[] latest = pendingProgress.get();
                    progress.set(latest[1] <= 0 ? INDETERMINATE
                            : Math.min(1.0, Math.max(0.0, (double) latest[0] / latest[1])));
                });
            }
        }

        @Override
        public void updateMessage(String text) {
            pendingMessage.set(text == null ? "" : text);
            if (messageScheduled.compareAndSet(false, true)) {
                uiThread.execute(() -> {
                    messageScheduled.set(false);
                    applyMessage();
                });
            }
        }

        @Override
        public void log(String line) {
            pendingLog.add(line == null ? "" : line);
            if (logScheduled.compareAndSet(false, true)) {
                uiThread.execute(() -> {
                    logScheduled.set(false);
                    flushLog();
                });
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelFlag.get();
        }
    }
}
