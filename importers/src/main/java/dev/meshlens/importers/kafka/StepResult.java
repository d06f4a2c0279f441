package dev.meshlens.importers.kafka;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What one step of a live import read.
 *
 * @param step    the step, e.g. {@code topics}
 * @param count   how many facts of the step's kind it read (ACL bindings, topics, groups, sampled records)
 * @param summary the count in words, with what else is worth knowing, e.g. {@code 34 topics (3 internal)}
 * @param elapsed how long the step took
 */
public record StepResult(String step, long count, String summary, Duration elapsed) {

    public StepResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** {@code topics: 34 topics (3 internal) in 0.4 s}. */
    @Override
    public String toString() {
        return step + ": " + summary + " in " + String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
    }
}
