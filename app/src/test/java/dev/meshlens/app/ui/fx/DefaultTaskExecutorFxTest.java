package dev.meshlens.app.ui.fx;

import dev.meshlens.app.ui.task.BackgroundTask;
import dev.meshlens.app.ui.task.DefaultTaskExecutor;
import dev.meshlens.app.ui.task.TaskState;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's executor: work off the JavaFX thread, callbacks on it, nothing new after shutdown. */
@ExtendWith(ApplicationExtension.class)
class DefaultTaskExecutorFxTest {
    private final DefaultTaskExecutor executor = new DefaultTaskExecutor();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 100, 100));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    @Test
    void workRunsOffTheFxThreadAndTheResultArrivesOnIt() throws Exception {
        AtomicBoolean workOnFxThread = new AtomicBoolean(true);
        AtomicBoolean callbackOnFxThread = new AtomicBoolean();
        AtomicReference<String> result = new AtomicReference<>();

        executor.execute(BackgroundTask.of("thread check", context -> {
            workOnFxThread.set(Platform.isFxApplicationThread());
            return "done";
        }).onSuccess(value -> {
            callbackOnFxThread.set(Platform.isFxApplicationThread());
            result.set(value);
        }));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> result.get() != null);

        assertThat(workOnFxThread).isFalse();
        assertThat(callbackOnFxThread).isTrue();
    }

    @Test
    void afterShutdownATaskEndsCancelledWithoutRunning() throws Exception {
        executor.shutdown();
        AtomicBoolean ran = new AtomicBoolean();
        AtomicBoolean cancelled = new AtomicBoolean();

        BackgroundTask<String> task = executor.execute(BackgroundTask.of("too late", context -> {
            ran.set(true);
            return "done";
        }).onCancelled(() -> cancelled.set(true)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, cancelled::get);

        assertThat(ran).isFalse();
        assertThat(task.getState()).isEqualTo(TaskState.CANCELLED);
    }
}
