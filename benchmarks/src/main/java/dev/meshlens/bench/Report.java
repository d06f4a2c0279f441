package dev.meshlens.bench;

import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a phase hands its results to the harness: one line {@code @result <json>} per result on standard output.
 * Everything else a phase says goes to the log (standard error).
 */
final class Report {
    /** The prefix of a result line. */
    static final String PREFIX = "@result ";

    private static final PrintStream OUT = System.out;
    private static final Consumer<Result> PRINT = result -> {
        synchronized (OUT) {
            OUT.println(PREFIX + result.toJson());
            OUT.flush();
        }
    };
    private static volatile Consumer<Result> receiver = PRINT;

    private Report() {
    }

    /** Hands {@code result} on: printed for the harness, or to the receiver a test installed. */
    static void emit(Result result) {
        receiver.accept(Objects.requireNonNull(result, "result"));
    }

    /** Sends results to {@code test} instead of standard output until {@link #reset()}; for smoke tests. */
    static void receiveIn(Consumer<Result> test) {
        receiver = Objects.requireNonNull(test, "test");
    }

    /** Prints results again. */
    static void reset() {
        receiver = PRINT;
    }
}
