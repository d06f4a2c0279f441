package dev.meshlens.app.ui.task;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on daemon worker threads and delivers their updates and callbacks on the JavaFX application thread.
 * Daemon threads so that an import still running never keeps the JVM alive after the window closed.
 */
public final class DefaultTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultTaskExecutor.class);

    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "meshlens-task-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final Set<BackgroundTask<?>> running = ConcurrentHashMap.newKeySet();

    /**
     * Starts {@code task} on a worker thread; returns at once. After {@link #shutdown()} (the window is closing)
     * the task ends as cancelled without running: late callbacks of earlier tasks may still ask for work.
     */
    @Override
    public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
        task.markSubmitted();
        if (pool.isShutdown()) {
            refuse(task);
            return task;
        }
        running.add(task);
        try {
            submit(task);
        } catch (RejectedExecutionException e) {
            running.remove(task);
            refuse(task);
        }
        return task;
    }

    private static void refuse(BackgroundTask<?> task) {
        LOG.debug("Not starting '{}': the executor is shut down", task.title());
        task.cancel();
        task.run(Platform::runLater);
    }

    private <T> void submit(BackgroundTask<T> task) {
        pool.execute(() -> {
            try {
                task.run(Platform::runLater);
            } catch (RuntimeException e) {
                LOG.error("Background task '{}' failed outside its work", task.title(), e);
            } finally {
                running.remove(task);
            }
        });
    }

    /** Asks every running task to cancel and lets the worker threads end once they are idle. */
    @Override
    public void shutdown() {
        running.forEach(BackgroundTask::cancel);
        pool.shutdown();
    }
}
