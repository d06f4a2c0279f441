package dev.meshlens.app.ui.task;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackgroundTaskTest {
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

    @Test
    void successDeliversTheResultThenFinishes() {
        List<String> events = new ArrayList<>();
        BackgroundTask<Integer> task = BackgroundTask.of("answer", context -> 42)
                .onSuccess(result -> events.add("success " + result))
                .onFailure(failure -> events.add("failure"))
                .onFinished(() -> events.add("finished"));

        executor.execute(task);

        assertThat(events).containsExactly("success 42", "finished");
        assertThat(task.getState()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(task.runningProperty().get()).isFalse();
    }

    @Test
    void failureDeliversTheExceptionAndNoResult() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean succeeded = new AtomicBoolean();
        BackgroundTask<Void> task = BackgroundTask.<Void>of("broken", context -> {
            throw new IOException("disk gone");
        }).onSuccess(r -> succeeded.set(true)).onFailure(failure::set);

        executor.execute(task);

        assertThat(succeeded).isFalse();
        assertThat(failure.get()).isInstanceOf(IOException.class).hasMessage("disk gone");
        assertThat(task.getState()).isEqualTo(TaskState.FAILED);
    }

    @Test
    void cancelledBeforeItRunsNeverRunsTheWork() {
        AtomicBoolean ran = new AtomicBoolean();
        AtomicBoolean cancelled = new AtomicBoolean();
        BackgroundTask<String> task = BackgroundTask.of("never", context -> {
            ran.set(true);
            return "done";
        }).onCancelled(() -> cancelled.set(true));
        task.cancel();

        executor.execute(task);

        assertThat(ran).isFalse();
        assertThat(cancelled).isTrue();
        assertThat(task.getState()).isEqualTo(TaskState.CANCELLED);
    }

    @Test
    void workThatNoticesTheCancelEndsCancelledNotFailed() {
        AtomicReference<BackgroundTask<String>> self = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        BackgroundTask<String> task = BackgroundTask.of("long", context -> {
            self.get().cancel(); // the user presses Cancel while the work runs
            context.checkCancelled();
            return "not reached";
        });
        self.set(task);
        task.onFailure(failure::set);

        executor.execute(task);

        assertThat(task.getState()).isEqualTo(TaskState.CANCELLED);
        assertThat(failure.get()).isNull();
    }

    @Test
    void anExceptionAfterACancelRequestCountsAsTheCancel() {
        AtomicReference<BackgroundTask<String>> self = new AtomicReference<>();
        BackgroundTask<String> task = BackgroundTask.of("rollback", context -> {
            self.get().cancel();
            throw new IllegalStateException("connection closed while cancelling");
        });
        self.set(task);

        executor.execute(task);

        assertThat(task.getState()).isEqualTo(TaskState.CANCELLED);
    }

    @Test
    void logLinesArriveInOrderBeforeTheResult() {
        List<String> events = new ArrayList<>();
        BackgroundTask<String> task = BackgroundTask.of("reading", context -> {
            context.log("acls.txt: 12 ACLs");
            context.log("topics.txt: 3 topics");
            return "ok";
        }).onLog(events::add).onSuccess(events::add);

        executor.execute(task);

        assertThat(events).containsExactly("acls.txt: 12 ACLs", "topics.txt: 3 topics", "ok");
    }

    @Test
    void progressIsTheFractionDone() {
        List<Double> seen = new ArrayList<>();
        BackgroundTask<String> task = BackgroundTask.of("counting", context -> {
            context.updateProgress(1, 4);
            return "ok";
        });
        task.progressProperty().addListener((obs, old, now) -> seen.add(now.doubleValue()));

        executor.execute(task);

        assertThat(seen).containsExactly(0.25, 1.0);
    }

    @Test
    void unknownTotalMakesProgressIndeterminate() {
        AtomicReference<Double> during = new AtomicReference<>();
        AtomicReference<BackgroundTask<String>> self = new AtomicReference<>();
        BackgroundTask<String> task = BackgroundTask.of("scanning", context -> {
            context.updateProgress(5, 0);
            during.set(self.get().progressProperty().get());
            return "ok";
        });
        self.set(task);

        executor.execute(task);

        assertThat(during.get()).isEqualTo(BackgroundTask.INDETERMINATE);
    }

    @Test
    void messageShowsTheLatestStatus() {
        BackgroundTask<String> task = BackgroundTask.of("status", context -> {
            context.updateMessage("Reading acls.txt");
            context.updateMessage("Reading topics.txt");
            return "ok";
        });

        executor.execute(task);

        assertThat(task.messageProperty().get()).isEqualTo("Reading topics.txt");
    }

    @Test
    void aTaskRunsAtMostOnce() {
        BackgroundTask<String> task = BackgroundTask.of("once", context -> "ok");
        executor.execute(task);

        assertThatThrownBy(() -> executor.execute(task)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already started");
    }

    @Test
    void cancelAfterTheEndChangesNothing() {
        BackgroundTask<String> task = BackgroundTask.of("done", context -> "ok");
        executor.execute(task);

        task.cancel();

        assertThat(task.getState()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(task.cancelRequestedProperty().get()).isFalse();
    }
}
