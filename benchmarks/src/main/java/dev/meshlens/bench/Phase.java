package dev.meshlens.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of a benchmark phase's own JVM, started by {@link Bench}:
 * {@code Phase lineage|sql|import|history|canvas|table --key value ...}. Results go to standard output as
 * {@code @result}
 * lines ({@link Report}); exit code 0 on success, 1 when the phase failed.
 */
public final class Phase {
    private static final Logger LOG = LoggerFactory.getLogger(Phase.class);

    private Phase() {
    }

    /**
     * Runs one phase.
     *
     * @param args the phase name, then {@code --key value} pairs
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            LOG.error("usage: Phase lineage|sql|import|history|canvas|table --key value ...");
            System.exit(2);
        }
        try {
            Args a = new Args(args, 1);
            switch (args[0]) {
                case "lineage" -> new LineagePhase(a).run();
                case "sql" -> new SqlPhase(a).run();
                case "import" -> new ImportPhase(a).run();
                case "history" -> new HistoryPhase(a).run();
                case "canvas" -> new CanvasPhase(a).run();
                case "table" -> new TablePhase(a).run();
                default -> throw new IllegalArgumentException("unknown phase " + args[0]);
            }
        } catch (Exception | OutOfMemoryError e) {
            LOG.error("phase {} failed", args[0], e);
            System.exit(1);
        }
        System.exit(0);
    }
}
