package dev.meshlens.importers.registry;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshSink;
import dev.meshlens.engine.model.SchemaVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Imports every subject of a Schema Registry, through its REST API, into a {@link MeshSink}: each registered
 * version with its schema text, id, type and references, and the compatibility level in force for its subject (the
 * subject's own level, else the registry's global one).
 *
 * <p>First the global level and the subject list are read; when either fails the import fails as a whole with an
 * {@link InputException} naming the call, and the sink is left untouched. Then the subjects are read, a few at
 * once ({@link RegistryImportOptions#concurrency()}). A subject that cannot be read (an error answer, a timeout,
 * malformed JSON) is reported in the result with the reason and the other subjects are still imported; with
 * {@link RegistryImportOptions#allOrNothing()} the first such subject fails the import instead, again leaving the
 * sink untouched. The whole read is bounded by {@link RegistryImportOptions#timeLimit()}; exceeding it fails the
 * import. Nothing is sent to the sink before every subject has been read, so a failure never leaves half an import
 * behind. Interrupting the importing thread cancels it with a {@link CancellationException}.
 *
 * <p>An instance may be used for one import at a time.
 */
public final class RegistryImporter {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryImporter.class);
    private static final int PROGRESS_EVERY = 250;

    private final SchemaRegistryClient client;
    private final RegistryImportOptions options;

    /** An importer reading through {@code client}, as {@code options} say. */
    public RegistryImporter(SchemaRegistryClient client, RegistryImportOptions options) {
        this.client = Objects.requireNonNull(client, "client");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** What snapshots made by this importer say they come from: {@code registry <url>}. */
    public String origin() {
        return "registry " + client.url();
    }

    /**
     * Reads every subject and sends the versions to {@code sink}, covering
     * {@link dev.meshlens.engine.model.SourceKind#SCHEMAS}.
     *
     * @return one result per subject, failures included
     * @throws InputException        naming the call when the global level or the subject list cannot be read,
     *                               naming the subject with {@code allOrNothing} when a subject cannot be read,
     *                               or when the time limit is exceeded; the sink is untouched then
     * @throws CancellationException when the importing thread is interrupted
     */
    public RegistryImportResult importTo(MeshSink sink) {
        long deadline = System.nanoTime() + options.timeLimit().toNanos();
        Optional<String> global = client.globalCompatibility();
        List<String> subjects = client.subjects();
        options.progress().accept(origin() + ": " + subjects.size() + " subjects");
        LOG.info("{}: {} subjects, global compatibility {}", origin(), subjects.size(), global.orElse("not set"));
        Map<String, List<SchemaVersion>> read = new TreeMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (Fetched fetched : fetchAll(subjects, global.orElse(null), deadline)) {
            if (fetched.failure() == null) {
                read.put(fetched.subject(), fetched.versions());
            } else {
                failures.put(fetched.subject(), fetched.failure().getMessage());
            }
        }
        return SubjectOutcomes.publish(origin(), read, failures, List.of(), options, sink);
    }

    private List<Fetched> fetchAll(List<String> subjects, String global, long deadline) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.concurrency(),
                Math.max(1, subjects.size())), threads());
        try {
            CompletionService<Fetched> done = new ExecutorCompletionService<>(pool);
            for (String subject : subjects) {
                done.submit(() -> fetch(subject, global));
            }
            List<Fetched> fetched = new ArrayList<>(subjects.size());
            for (int n = 1; n <= subjects.size(); n++) {
                Future<Fetched> next = done.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new InputException(origin(), 0, "reading the registry did not finish within the time "
                            + "limit of " + options.timeLimit().toSeconds() + " s: " + (n - 1) + " of " + subjects.size()
                            + " subjects read; raise the time limit or the concurrency");
                }
                Fetched result = result(next);
                if (result.failure() != null && options.allOrNothing()) {
                    throw result.failure(); // it names the call and the subject already
                }
                fetched.add(result);
                if (n % PROGRESS_EVERY == 0 && n < subjects.size()) {
                    options.progress().accept(origin() + ": " + n + " of " + subjects.size() + " subjects read");
                }
            }
            return fetched;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("registry import cancelled");
        } finally {
            // stops workers still waiting for an answer after a failure, a timeout or a cancellation
            pool.shutdownNow();
        }
    }

    private Fetched fetch(String subject, String global) {
        try {
            List<Integer> versions = client.versions(subject);
            String level = client.subjectCompatibility(subject).orElse(global);
            List<SchemaVersion> read = new ArrayList<>(versions.size());
            for (int version : versions) {
                SchemaVersion v = client.version(subject, version);
                read.add(new SchemaVersion(v.subject(), v.version(), v.id(), v.schemaType(), v.schema(),
                        v.references(), level));
            }
            return new Fetched(subject, read, null);
        } catch (InputException e) {
            return new Fetched(subject, List.of(), e);
        }
    }

    private static Fetched result(Future<Fetched> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // fetch turns registry failures into results; anything else (a cancellation, a bug) goes on up
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "meshlens-registry-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record Fetched(String subject, List<SchemaVersion> versions, InputException failure) {
    }
}
