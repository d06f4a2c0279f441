package dev.meshlens.app.cli;

import dev.meshlens.importers.Cancellation;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CtrlCTest {

    @Test
    void ctrlCCancelsTheImportAndWaitsUntilItHasRolledBack() throws Exception {
        Cancellation cancellation = new Cancellation();
        CtrlC ctrlC = CtrlC.install(cancellation);
        Thread hook = new Thread(ctrlC::onShutdown);

        hook.start();
        while (!cancellation.isCancelled()) {
            Thread.onSpinWait();
        }
        hook.join(200);
        boolean waitedForTheImport = hook.isAlive();
        ctrlC.close();
        hook.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(waitedForTheImport).isTrue();
        assertThat(hook.isAlive()).isFalse();
    }

    @Test
    void finishedImportLeavesNothingCancelled() {
        Cancellation cancellation = new Cancellation();

        CtrlC.install(cancellation).close();

        assertThat(cancellation.isCancelled()).isFalse();
    }
}
