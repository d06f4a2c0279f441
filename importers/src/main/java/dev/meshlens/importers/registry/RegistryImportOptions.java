package dev.meshlens.importers.registry;

import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.schema.SubjectNaming;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How {@link RegistryImporter} and {@link SchemasTopicReader} read schemas. Start from {@link #defaults()} and
 * change what differs with the {@code with...} methods.
 *
 * @param allOrNothing when true the first subject that cannot be read fails the whole import with an
 *                     {@link dev.meshlens.engine.model.InputException} naming it; when false it is reported in the
 *                     result and every other subject is still imported
 * @param naming       which topic each subject describes: TopicNameStrategy plus any explicit subjects
 *                     ({@link SubjectMappingFile})
 * @param timeLimit    the bound on the whole read (all REST calls, or reading the topic to its end)
 * @param concurrency  how many subjects are read from the REST API at once (the topic is read by one consumer)
 * @param previous     for a subject that cannot be read (and {@code allOrNothing} is false), the versions the
 *                     catalog held before, which are kept in the new snapshot so one failing subject does not
 *                     make its schemas disappear; the default keeps none
 * @param progress     hears one-line messages about the read ({@code registry http://...: 1200 subjects}); called
 *                     on the importing thread, and may throw {@link java.util.concurrent.CancellationException}
 */
public record RegistryImportOptions(boolean allOrNothing, SubjectNaming naming, Duration timeLimit, int concurrency,
                                    Function<String, List<SchemaVersion>> previous, Consumer<String> progress) {
    /** The default bound on a whole registry or topic read. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(5);
    /** The default number of subjects read at once over REST. */
    public static final int DEFAULT_CONCURRENCY = 4;

    /**
     * @throws IllegalArgumentException when the time limit is not positive or the concurrency is below 1
     */
    public RegistryImportOptions {
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(progress, "progress");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the registry time limit must be positive, got " + timeLimit);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("registry concurrency must be at least 1, got " + concurrency);
        }
    }

    /** Per-subject failures reported, TopicNameStrategy, five minutes, four subjects at once, nothing kept, silent. */
    public static RegistryImportOptions defaults() {
        return new RegistryImportOptions(false, SubjectNaming.topicNameStrategy(), DEFAULT_TIME_LIMIT,
                DEFAULT_CONCURRENCY, subject -> List.of(), message -> { });
    }

    /** These options with {@code allOrNothing} set. */
    public RegistryImportOptions withAllOrNothing(boolean allOrNothing) {
        return new RegistryImportOptions(allOrNothing, naming, timeLimit, concurrency, previous, progress);
    }

    /** These options with another subject naming. */
    public RegistryImportOptions withNaming(SubjectNaming naming) {
        return new RegistryImportOptions(allOrNothing, naming, timeLimit, concurrency, previous, progress);
    }

    /** These options with another time limit. */
    public RegistryImportOptions withTimeLimit(Duration timeLimit) {
        return new RegistryImportOptions(allOrNothing, naming, timeLimit, concurrency, previous, progress);
    }

    /** These options with another REST concurrency. */
    public RegistryImportOptions withConcurrency(int concurrency) {
        return new RegistryImportOptions(allOrNothing, naming, timeLimit, concurrency, previous, progress);
    }

    /** These options keeping, for a failed subject, the versions {@code previous} gives for it. */
    public RegistryImportOptions withPrevious(Function<String, List<SchemaVersion>> previous) {
        return new RegistryImportOptions(allOrNothing, naming, timeLimit, concurrency, previous, progress);
    }

    /** These options telling progress to {@code progress}. */
    public RegistryImportOptions withProgress(Consumer<String> progress) {
        return new RegistryImportOptions(allOrNothing, naming, timeLimit, concurrency, previous, progress);
    }
}
