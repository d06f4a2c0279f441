package dev.meshlens.app.cli;

import dev.meshlens.importers.Cancellation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (or any JVM shutdown) during an import into a clean cancellation: a shutdown hook sets the
 * import's cancellation flag, then holds the JVM until the import has rolled back and released the catalog
 * (the work between {@link #install} and {@link #close()}), at most {@link #GRACE}. Closing it removes the hook.
 */
final class CtrlC implements AutoCloseable {
    /** How long a Ctrl-C waits for the import to roll back before the JVM goes on exiting. */
    static final Duration GRACE = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(CtrlC.class);

    private final Cancellation cancellation;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private CtrlC(Cancellation cancellation) {
        this.cancellation = cancellation;
        this.hook = new Thread(this::onShutdown, "meshlens-ctrl-c");
    }

    /** Registers the shutdown hook that cancels {@code cancellation}. */
    static CtrlC install(Cancellation cancellation) {
        CtrlC ctrlC = new CtrlC(cancellation);
        Runtime.getRuntime().addShutdownHook(ctrlC.hook);
        return ctrlC;
    }

    /**
     * The JDBC URL with H2's own shutdown hook turned off for an embedded H2 database: that hook would close the
     * database while the import is still rolling back. This hook waits for the command to close the catalog
     * instead. Other URLs are returned as they are.
     */
    static String closedByUs(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:file:") && !jdbcUrl.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
            return jdbcUrl + ";DB_CLOSE_ON_EXIT=FALSE";
        }
        return jdbcUrl;
    }

    /** What the hook does: cancel, then wait for the import to finish rolling back. */
    void onShutdown() {
        cancellation.cancel();
        try {
            if (!finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("the import did not stop within {} s of Ctrl-C", GRACE.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The import is over (landed, failed or rolled back): let a pending Ctrl-C go on, and remove the hook. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and now returns
        }
    }
}
