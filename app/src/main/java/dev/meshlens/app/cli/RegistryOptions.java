package dev.meshlens.app.cli;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.schema.SubjectNaming;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.importers.registry.RegistryCredentials;
import dev.meshlens.importers.registry.RegistryImportOptions;
import dev.meshlens.importers.registry.RegistryImportResult;
import dev.meshlens.importers.registry.RegistryImporter;
import dev.meshlens.importers.registry.RegistrySource;
import dev.meshlens.importers.registry.SchemaRegistryClient;
import dev.meshlens.importers.registry.SchemasTopicReader;
import dev.meshlens.importers.registry.SubjectMappingFile;
import dev.meshlens.importers.registry.SubjectResult;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The schema options of {@code meshlens import} (a picocli mixin): read schemas from a Schema Registry's REST API
 * ({@code --registry}) or straight from its {@code _schemas} topic ({@code --schemas-topic}), in the same snapshot
 * as the files and the cluster of the same import.
 */
final class RegistryOptions {
    /** How many subject failures are listed before "... and N more". */
    private static final int LISTED_FAILURES = 20;

    @Option(names = "--registry", paramLabel = "URL",
            description = "Read every subject of this Schema Registry (Confluent-compatible REST API), e.g. "
                    + "http://registry:8081.")
    String registry;

    @Option(names = "--registry-credentials", paramLabel = "FILE",
            description = "Basic-auth credentials for --registry: basic.auth.user.info=USER:PASSWORD (as in "
                    + "Confluent's client config), or USER=... and PASSWORD=... lines. Never stored or logged.")
    Path credentials;

    @Option(names = "--schemas-topic", paramLabel = "TOPIC", arity = "0..1",
            fallbackValue = SchemasTopicReader.DEFAULT_TOPIC,
            description = "Read schemas straight from the registry's topic (default _schemas) through the --kafka "
                    + "connection, instead of the REST API.")
    String schemasTopic;

    @Option(names = "--schemas-topic-config", paramLabel = "FILE",
            description = "Kafka client properties for reading --schemas-topic, when it needs another connection "
                    + "than --kafka (or there is no --kafka).")
    Path schemasTopicConfig;

    @Option(names = "--subject-mapping", paramLabel = "FILE",
            description = "SUBJECT=TOPIC lines for subjects not named <topic>-value / <topic>-key "
                    + "(RecordNameStrategy, TopicRecordNameStrategy).")
    Path subjectMapping;

    @Option(names = "--all-or-nothing",
            description = "Fail the whole import, writing nothing, when the registry or any subject cannot be read. "
                    + "Default: report failed subjects and import the rest.")
    boolean allOrNothing;

    @Option(names = "--registry-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Time limit for reading the registry or the schemas topic (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    /** Whether the import reads schemas from a registry at all. */
    boolean reads() {
        return registry != null || schemasTopic != null;
    }

    /**
     * Takes the registry URL and credentials file of a connection profile where the command line names none.
     */
    void defaultsFrom(dev.meshlens.importers.profile.ConnectionProfile profile) {
        if (registry == null && schemasTopic == null && profile.registry() != null) {
            registry = profile.registry();
            if (credentials == null) {
                credentials = profile.registryCredentials();
            }
        }
    }

    /**
     * The registry source of this import, or empty when neither {@code --registry} nor {@code --schemas-topic} is
     * given.
     *
     * @param otherSources whether the import reads anything else (files, a cluster): only then may a failure of
     *                     the whole registry read let the rest land
     * @param kafka        the client properties of the import's {@code --kafka} connection, if it has one
     * @param previous     the schemas the catalog held before, by subject, for subjects that fail
     * @param progress     hears progress messages
     * @throws CliException   when options contradict each other or one is missing
     * @throws InputException naming the file when the credentials, mapping or client properties file is bad
     */
    Optional<RegistrySource> source(boolean otherSources, Supplier<Optional<Properties>> kafka,
                                    Function<String, List<SchemaVersion>> previous, Consumer<String> progress) {
        validate();
        if (!reads()) {
            return Optional.empty();
        }
        RegistryImportOptions options = RegistryImportOptions.defaults()
                .withAllOrNothing(allOrNothing)
                .withNaming(subjectMapping == null ? SubjectNaming.topicNameStrategy()
                        : readFile(subjectMapping, SubjectMappingFile::read))
                .withTimeLimit(Duration.ofSeconds(timeoutSeconds))
                .withPrevious(previous)
                .withProgress(progress);
        boolean tolerate = otherSources && !allOrNothing;
        if (registry != null) {
            SchemaRegistryClient client = SchemaRegistryClient.builder(registry)
                    .credentials(credentials == null ? null : readFile(credentials, RegistryCredentials::read))
                    .build();
            return Optional.of(RegistrySource.rest(new RegistryImporter(client, options), tolerate));
        }
        Properties client = schemasTopicConfig != null ? readFile(schemasTopicConfig, RegistryOptions::clientProperties)
                : kafka.get().orElseThrow(() -> new CliException("--schemas-topic reads the topic through the "
                + "--kafka connection: give --kafka, or the client properties with --schemas-topic-config FILE"));
        return Optional.of(RegistrySource.topic(new SchemasTopicReader(client, schemasTopic, options), tolerate));
    }

    /**
     * Prints what the registry read left undone, once the import has landed: a failure of the whole read, the
     * subjects that failed (and how many versions of each were kept from the catalog), subjects with no topic.
     */
    void report(RegistrySource source, PrintWriter err) {
        source.failure().ifPresent(e -> err.println("meshlens: warning: schemas not imported, the catalog keeps "
                + "the previous ones: " + oneLine(e.getMessage())));
        source.result().ifPresent(result -> reportSubjects(result, err));
    }

    private static void reportSubjects(RegistryImportResult result, PrintWriter err) {
        List<SubjectResult> failures = result.failures();
        failures.stream().limit(LISTED_FAILURES).forEach(f -> err.println("meshlens: warning: subject " + f.subject()
                + " not imported" + (f.keptVersions() > 0 ? " (kept its " + f.keptVersions()
                + " versions from the catalog)" : "") + ": " + oneLine(f.failure())));
        if (failures.size() > LISTED_FAILURES) {
            err.println("meshlens: warning: ... and " + (failures.size() - LISTED_FAILURES)
                    + " more subjects not imported (see the log)");
        }
        List<SubjectResult> unmapped = result.unmapped();
        if (!unmapped.isEmpty()) {
            err.println("meshlens: note: " + unmapped.size() + " subjects name no topic by <topic>-value/-key; "
                    + "map them with --subject-mapping: " + unmapped.stream().limit(LISTED_FAILURES).map(SubjectResult::subject)
                    .collect(Collectors.joining(", ")) + (unmapped.size() > LISTED_FAILURES ? ", ..." : ""));
        }
    }

    /**
     * For each subject, the versions of the newest snapshot of {@code cluster}; read only when a subject fails.
     */
    static Function<String, List<SchemaVersion>> previousSchemas(CatalogStore store, String cluster) {
        Supplier<Map<String, List<SchemaVersion>>> bySubject = new Supplier<>() {
            private Map<String, List<SchemaVersion>> loaded;

            @Override
            public synchronized Map<String, List<SchemaVersion>> get() {
                if (loaded == null) {
                    loaded = store.latest(cluster)
                            .map(s -> store.state(cluster, s.id()).content().schemas().stream()
                                    .collect(Collectors.groupingBy(SchemaVersion::subject)))
                            .orElse(Map.of());
                }
                return loaded;
            }
        };
        return subject -> bySubject.get().getOrDefault(subject, List.of());
    }

    private void validate() {
        if (registry != null && schemasTopic != null) {
            throw new CliException("give either --registry (REST) or --schemas-topic (Kafka), not both");
        }
        if (credentials != null && registry == null) {
            throw new CliException("--registry-credentials needs --registry");
        }
        if (schemasTopicConfig != null && schemasTopic == null) {
            throw new CliException("--schemas-topic-config needs --schemas-topic");
        }
        if (subjectMapping != null && !reads()) {
            throw new CliException("--subject-mapping needs --registry or --schemas-topic");
        }
        if (timeoutSeconds < 1) {
            throw new CliException("--registry-timeout must be at least 1 second");
        }
    }

    private static Properties clientProperties(Path file) throws IOException {
        Properties props = new Properties();
        // read as Kafka's own tools read --command-config files (Properties.load of the bytes, ISO-8859-1)
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        }
        return props;
    }

    /** Reads a file the options name; a missing or unreadable file is the user's to fix, not an internal error. */
    private static <T> T readFile(Path file, FileReader<T> reader) {
        try {
            return reader.read(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), 0, "no such file");
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read the file: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface FileReader<T> {
        T read(Path file) throws IOException;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
