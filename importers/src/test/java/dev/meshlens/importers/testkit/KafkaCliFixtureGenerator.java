package dev.meshlens.importers.testkit;

import dev.meshlens.localkafka.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Regenerates the Kafka CLI fixtures under {@code src/test/resources/fixtures/kafka-cli/4.3.1}: starts an
 * embedded broker, seeds {@link FixtureMesh}, runs Kafka's own {@code kafka-acls}, {@code kafka-topics} and
 * {@code kafka-consumer-groups} in-process against it and writes what they print, next to a {@code truth.json}
 * read from the Admin API at the same moment.
 *
 * <p>For every command it writes {@code <name>.txt} (stdout) and, when not empty, {@code <name>.stderr.txt};
 * for the consumer-group commands also {@code <name>.combined.txt}, both streams in the order written, as
 * {@code 2>&1} would capture them. Regenerate with (from the repository root):
 *
 * <pre>
 * mvn -q -B -o -pl importers -am test -Dtest=KafkaCliFixturesRegeneration -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dmeshlens.fixtures.write=true
 * </pre>
 * or run {@link #main(String[])} from an IDE with the module directory as working directory (optionally
 * passing the output directory). Ports and ids differ on every run; the content does not.
 */
public final class KafkaCliFixtureGenerator {
    /** The version of the Kafka tools on the test classpath, which printed the fixtures. */
    public static final String KAFKA_VERSION = "4.3.1";
    /** Where the fixtures live, relative to the importers module. */
    public static final Path DEFAULT_OUTPUT = Path.of("src/test/resources/fixtures/kafka-cli", KAFKA_VERSION);

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCliFixtureGenerator.class);

    /** The consumer-group invocations captured, by fixture name. */
    static final Map<String, List<String>> GROUP_COMMANDS = new LinkedHashMap<>();

    static {
        GROUP_COMMANDS.put("groups-offsets", List.of("--describe", "--all-groups"));
        GROUP_COMMANDS.put("groups-offsets-verbose", List.of("--describe", "--all-groups", "--verbose"));
        GROUP_COMMANDS.put("groups-members", List.of("--describe", "--all-groups", "--members"));
        GROUP_COMMANDS.put("groups-members-verbose", List.of("--describe", "--all-groups", "--members", "--verbose"));
        GROUP_COMMANDS.put("groups-state", List.of("--describe", "--all-groups", "--state"));
        GROUP_COMMANDS.put("groups-state-verbose", List.of("--describe", "--all-groups", "--state", "--verbose"));
        // 4.3.1 fails here with an error and a stack trace (3.x printed "does not exist"): kept to test that
        GROUP_COMMANDS.put("groups-missing", List.of("--describe", "--group", "no-such-group"));
    }

    private KafkaCliFixtureGenerator() {
    }

    /**
     * Writes the fixtures.
     *
     * @param args optionally the output directory (default {@link #DEFAULT_OUTPUT})
     */
    public static void main(String[] args) {
        generate(args.length > 0 ? Path.of(args[0]) : DEFAULT_OUTPUT);
    }

    /**
     * Seeds a fresh broker with {@link FixtureMesh}, captures the tools' output and the ground truth into
     * {@code outputDir} (created if needed; files of the same names are replaced).
     *
     * @throws IllegalStateException when a tool fails or the cluster changed while it was being captured
     */
    public static void generate(Path outputDir) {
        Path work = createTempDir();
        try (EmbeddedKafkaBroker kafka = FixtureMesh.brokerWithUsers().dataDir(work.resolve("broker")).start();
             Admin admin = Admin.create(kafka.adminProperties())) {
            FixtureMesh.seed(kafka, admin);
            try (AutoCloseable held = FixtureMesh.holdStableGroups(kafka, admin)) {
                Files.createDirectories(outputDir);
                AdminGroundTruth truthReader = new AdminGroundTruth(admin);
                GroundTruth before = truthReader.capture(KAFKA_VERSION);
                KafkaToolRunner tools = KafkaToolRunner.asAdmin(kafka, work);
                write(outputDir, "acls", tools.acls("--list"), false);
                write(outputDir, "topics", tools.topics("--describe"), false);
                for (Map.Entry<String, List<String>> command : GROUP_COMMANDS.entrySet()) {
                    write(outputDir, command.getKey(), tools.consumerGroups(command.getValue().toArray(String[]::new)),
                            true);
                }
                GroundTruth after = truthReader.capture(KAFKA_VERSION);
                if (!before.equals(after)) {
                    throw new IllegalStateException("the cluster changed while the tools ran; before: " + before
                            + "\nafter: " + after);
                }
                before.write(outputDir.resolve("truth.json"), truthReader.memberExtras());
            }
            LOG.info("Kafka CLI fixtures written to {}", outputDir.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("stopping the held consumer groups failed", e);
        } finally {
            deleteRecursively(work);
        }
    }

    private static void write(Path dir, String name, KafkaToolRunner.ToolOutput output, boolean combined)
            throws IOException {
        if (output.exitCode() != 0) {
            throw new IllegalStateException(name + ": the tool exited with " + output.exitCode() + "\n"
                    + output.interleaved());
        }
        Files.writeString(dir.resolve(name + ".txt"), withoutHarnessFrames(output.stdout()), StandardCharsets.UTF_8);
        Path stderr = dir.resolve(name + ".stderr.txt");
        if (output.stderr().isEmpty()) {
            Files.deleteIfExists(stderr);
        } else {
            Files.writeString(stderr, withoutHarnessFrames(output.stderr()), StandardCharsets.UTF_8);
        }
        if (combined) {
            Files.writeString(dir.resolve(name + ".combined.txt"), withoutHarnessFrames(output.interleaved()),
                    StandardCharsets.UTF_8);
        }
    }

    /**
     * Drops the stack frames below a tool's {@code main} (this generator, JUnit, Surefire): a tool run from its
     * shell script has {@code main} as its bottom frame, so the fixture shows what a user would see.
     */
    static String withoutHarnessFrames(String text) {
        StringBuilder kept = new StringBuilder();
        boolean belowMain = false;
        for (String line : text.split("\n", -1)) {
            boolean frame = line.startsWith("\tat ");
            if (!frame) {
                belowMain = false;
            } else if (belowMain) {
                continue;
            } else if (line.matches("\\tat org\\.apache\\.kafka\\.tools\\..*\\.main\\(.*")) {
                belowMain = true;
            }
            kept.append(line).append('\n');
        }
        return kept.substring(0, kept.length() - 1);
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("kafka-cli-fixtures");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", dir, e.toString());
        }
    }
}
