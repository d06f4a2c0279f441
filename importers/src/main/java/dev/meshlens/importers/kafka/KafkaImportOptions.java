package dev.meshlens.importers.kafka;

import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.importers.Cancellation;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a live import talks to a cluster, in the Admin API's manner: a timeout bounding every wait, plus what to
 * read, whom to tell and how to be stopped. Immutable; the {@code with...} methods return changed copies.
 *
 * @param timeout      the longest wait for any one broker call (and the longest time spent sampling one topic)
 * @param sources      what {@link KafkaAdminImporter} reads: a non-empty subset of ACLS, TOPICS and GROUPS
 * @param progress     told each step as it starts and finishes
 * @param cancellation checked between steps and while waiting; once cancelled, the import throws
 *                     {@link java.util.concurrent.CancellationException}
 */
public record KafkaImportOptions(Duration timeout, Set<SourceKind> sources, KafkaImportProgress progress,
                                 Cancellation cancellation) {

    /** The default {@link #timeout()}: 30 seconds, as Kafka's own request timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** What the Admin importer can read. */
    public static final Set<SourceKind> ADMIN_SOURCES = Set.of(SourceKind.ACLS, SourceKind.TOPICS, SourceKind.GROUPS);

    /**
     * @throws IllegalArgumentException when the timeout is not positive, or {@code sources} is empty or names a
     *                                  source the Admin API does not hold
     */
    public KafkaImportOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancellation, "cancellation");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, got " + timeout);
        }
        if (sources.isEmpty() || !ADMIN_SOURCES.containsAll(sources)) {
            throw new IllegalArgumentException("a live import reads some of " + ADMIN_SOURCES + ", got " + sources);
        }
        sources = Set.copyOf(EnumSet.copyOf(sources));
    }

    /** A 30 s timeout, every Admin source, no progress, a fresh (never cancelled) cancellation flag. */
    public static KafkaImportOptions defaults() {
        return new KafkaImportOptions(DEFAULT_TIMEOUT, ADMIN_SOURCES, KafkaImportProgress.NONE, new Cancellation());
    }

    /** These options with another timeout. */
    public KafkaImportOptions withTimeout(Duration newTimeout) {
        return new KafkaImportOptions(newTimeout, sources, progress, cancellation);
    }

    /** These options reading only {@code newSources}. */
    public KafkaImportOptions withSources(Set<SourceKind> newSources) {
        return new KafkaImportOptions(timeout, newSources, progress, cancellation);
    }

    /** These options reporting to {@code newProgress}. */
    public KafkaImportOptions withProgress(KafkaImportProgress newProgress) {
        return new KafkaImportOptions(timeout, sources, newProgress, cancellation);
    }

    /** These options stopped by {@code newCancellation}. */
    public KafkaImportOptions withCancellation(Cancellation newCancellation) {
        return new KafkaImportOptions(timeout, sources, progress, newCancellation);
    }
}
