package dev.meshlens.app.cli;

import dev.meshlens.importers.Cancellation;
import dev.meshlens.importers.kafka.KafkaClientConfig;
import dev.meshlens.importers.kafka.KafkaImportOptions;
import dev.meshlens.importers.kafka.KafkaImportProgress;
import dev.meshlens.importers.kafka.KafkaSource;
import dev.meshlens.importers.kafka.SampleLimits;
import dev.meshlens.importers.profile.ConnectionProfile;
import dev.meshlens.importers.profile.ConnectionProfiles;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The live-cluster options of {@code meshlens import}: {@code --kafka}, {@code --sample}, {@code --sample-records}
 * and {@code --timeout}.
 */
final class LiveKafkaOptions {
    @Option(names = "--kafka", paramLabel = "PROFILE_OR_PROPERTIES",
            description = "Import the live cluster: a connection profile (see 'meshlens profile') or a Kafka client "
                    + "properties file, the one Kafka's tools take with --command-config.")
    String kafka;

    @Option(names = "--sample", paramLabel = "TOPIC", split = ",",
            description = "With --kafka: sample these topics' newest records for their lineage headers (repeat the "
                    + "option or separate topics with commas).")
    List<String> sample = new ArrayList<>();

    @Option(names = "--sample-records", paramLabel = "N", defaultValue = "" + SampleLimits.DEFAULT_RECORDS,
            description = "At most N records per sampled topic, spread over its partitions (default: ${DEFAULT-VALUE}).")
    int sampleRecords;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "The longest wait for any broker call, and the longest time spent sampling one topic: 30s, "
                    + "2m, 500ms (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /**
     * How to reach the cluster.
     *
     * @param profile the profile {@code --kafka} named, if it named one rather than a file
     */
    record Connection(Optional<ConnectionProfile> profile, KafkaClientConfig client) {
    }

    /**
     * The cluster {@code --kafka} names: a profile of that name, else a properties file at that path.
     *
     * @return empty without {@code --kafka}
     * @throws CliException when the options contradict each other or {@code --kafka} names neither
     */
    Optional<Connection> connection(ConnectionProfiles profiles) {
        if (kafka == null) {
            if (!sample.isEmpty()) {
                throw new CliException("--sample needs --kafka: records are sampled from a live cluster");
            }
            return Optional.empty();
        }
        if (sampleRecords <= 0) {
            throw new CliException("--sample-records must be positive, got " + sampleRecords);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new CliException("--timeout must be positive, got " + timeout);
        }
        Optional<ConnectionProfile> profile = profiles.find(kafka);
        if (profile.isPresent()) {
            return Optional.of(new Connection(profile, KafkaClientConfig.load(profile.get().kafka())));
        }
        Path file = Path.of(kafka);
        if (!Files.exists(file)) {
            List<String> names = profiles.list().stream().map(ConnectionProfile::name).toList();
            throw new CliException("--kafka " + kafka + " is neither a profile (" + (names.isEmpty()
                    ? "there are none; see 'meshlens profile add'" : "profiles: " + String.join(", ", names))
                    + ") nor a file");
        }
        return Optional.of(new Connection(Optional.empty(), KafkaClientConfig.load(file)));
    }

    /** The cluster as an import source, sampling the {@code --sample} topics. */
    KafkaSource source(Connection connection, KafkaImportProgress progress, Cancellation cancellation) {
        KafkaImportOptions options = KafkaImportOptions.defaults().withTimeout(timeout).withProgress(progress)
                .withCancellation(cancellation);
        List<String> topics = sample.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        return new KafkaSource(connection.client(), options, topics, new SampleLimits(sampleRecords, timeout));
    }
}
