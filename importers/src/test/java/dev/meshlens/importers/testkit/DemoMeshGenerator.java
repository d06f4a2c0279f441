package dev.meshlens.importers.testkit;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.meshlens.localkafka.EmbeddedKafkaBroker;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.importers.seed.MeshScenario;
import dev.meshlens.importers.seed.ScenarioSeeder;
import dev.meshlens.importers.seed.SeededMesh;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Regenerates the demo mesh's Kafka files in the resources module from a real broker: starts an embedded
 * broker that knows every user of {@code demo-mesh.json}, seeds the scenario, and runs Kafka's own tools
 * in-process to capture day 1 into {@code kafka/day1/}; then applies the scenario's {@code later} block and
 * captures day 2 into {@code kafka/day2/}, together with {@code hops.json}, the record hops told by the
 * {@code lineage} headers of every record. Last it rewrites {@code index.json}: every demo file, and the two
 * imports (day 1 a day ago, day 2 now) that make the demo's history.
 *
 * <p>Per day: {@code acls.txt} ({@code kafka-acls --list}), {@code topics.txt} ({@code kafka-topics --describe})
 * and, as {@code 2>&1} into a file captures them, {@code groups.txt} ({@code kafka-consumer-groups --describe
 * --all-groups}), {@code groups-state.txt} ({@code --state}) and {@code groups-members.txt}
 * ({@code --members --verbose}). Kafka's output is kept exactly as printed. The seeding is deterministic (fixed
 * header times, keyed records, so partitions and offsets repeat); topic ids, member ids and ports differ on
 * every run because Kafka makes them up.
 *
 * <p>Regenerate from the repository root (never {@code mvn install}: the reactor builds what it needs):
 * <pre>
 * mvn -q -B -o -pl importers -am test -Dtest=DemoMeshRegeneration -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dmeshlens.demo.write=true
 * </pre>
 * or run {@link #main(String[])} with the importers module as working directory.
 */
public final class DemoMeshGenerator {
    /** The demo folder of the resources module, relative to the importers module. */
    public static final Path DEFAULT_DEMO_DIR = Path.of("../resources/src/main/resources/dev/meshlens/demo");
    /** The time of the first record's lineage header; later records add minutes and seconds to it. */
    public static final Instant BASE_TIME = Instant.parse("2026-11-02T08:00:00Z");

    static final String SCENARIO = "demo-mesh.json";
    static final String INDEX = "index.json";
    static final String KAFKA_DIR = "kafka";
    static final List<String> DAY_FILES = List.of("acls.txt", "topics.txt", "groups.txt", "groups-state.txt",
            "groups-members.txt");
    static final String HOPS = "hops.json";

    private static final Logger LOG = LoggerFactory.getLogger(DemoMeshGenerator.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private DemoMeshGenerator() {
    }

    /**
     * Regenerates the demo's Kafka files and index.
     *
     * @param args optionally the demo folder (default {@link #DEFAULT_DEMO_DIR})
     */
    public static void main(String[] args) {
        generate(args.length > 0 ? Path.of(args[0]) : DEFAULT_DEMO_DIR);
    }

    /**
     * Reads {@code demo-mesh.json} from {@code demoDir}, replays it against a fresh broker and writes
     * {@code kafka/day1}, {@code kafka/day2} (replacing the whole {@code kafka} folder) and {@code index.json}.
     * Nothing in {@code demoDir} changes unless every step succeeded.
     *
     * @throws IllegalStateException when the scenario has no {@code later} block naming a catalog sheet that
     *                               exists, a tool fails, the cluster changes while it is captured, or the
     *                               header chains contradict each other
     */
    public static void generate(Path demoDir) {
        MeshScenario scenario = readScenario(demoDir.resolve(SCENARIO));
        String laterCatalog = scenario.later().catalog();
        if (laterCatalog == null || !Files.isRegularFile(demoDir.resolve(laterCatalog))) {
            throw new IllegalStateException("the scenario's later block must name the day-2 catalog sheet, a file "
                    + "next to " + SCENARIO + "; it names " + laterCatalog);
        }
        Path work = createTempDir();
        EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder().dataDir(work.resolve("broker"));
        scenario.users().forEach(user -> builder.user(user, user + "-secret"));
        try (EmbeddedKafkaBroker kafka = builder.start();
             Admin admin = Admin.create(kafka.adminProperties())) {
            ScenarioSeeder seeder = new ScenarioSeeder(kafka.adminProperties(), kafka::clientProperties, BASE_TIME,
                    TIMEOUT);
            // written aside first, so that a failed run leaves the committed files as they were
            Path kafkaDir = work.resolve(KAFKA_DIR);
            KafkaToolRunner tools = KafkaToolRunner.asAdmin(kafka, work);
            AdminGroundTruth truth = new AdminGroundTruth(admin);
            Set<String> groups = new TreeSet<>();
            scenario.consumers().forEach(c -> groups.add(c.group()));
            try (SeededMesh seeded = seeder.seed(scenario)) {
                awaitGroupStates(admin, groups, seeded.activeGroupIds());
                capture(tools, truth, Files.createDirectories(kafkaDir.resolve("day1")));
                seeder.seedLater(seeded, scenario.later());
                scenario.later().consumers().forEach(c -> groups.add(c.group()));
                awaitGroupStates(admin, groups, seeded.activeGroupIds());
                Path day2 = Files.createDirectories(kafkaDir.resolve("day2"));
                capture(tools, truth, day2);
                writeHops(day2.resolve(HOPS), scenario.cluster(), sampleHops(kafka, topicsOf(scenario)));
            }
            deleteRecursively(demoDir.resolve(KAFKA_DIR));
            copyTree(kafkaDir, demoDir.resolve(KAFKA_DIR));
            writeIndex(demoDir, laterCatalog);
            LOG.info("demo mesh files written to {}", demoDir.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("seeding the demo mesh failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating the demo mesh", e);
        } finally {
            deleteQuietly(work);
        }
    }

    private static MeshScenario readScenario(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return MeshScenario.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo scenario " + file, e);
        }
    }

    private static List<String> topicsOf(MeshScenario scenario) {
        List<String> topics = new ArrayList<>();
        scenario.topics().forEach(t -> topics.add(t.name()));
        scenario.later().topics().forEach(t -> topics.add(t.name()));
        return topics;
    }

    /**
     * Waits until the scenario's groups seeded so far are settled: those with a live member Stable, the others Empty,
     * so that the capture shows the states the scenario asks for rather than a rebalance in passing.
     */
    private static void awaitGroupStates(Admin admin, Set<String> scenarioGroups, Set<String> live)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(scenarioGroups).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<String> unsettled = new ArrayList<>();
            described.forEach((id, d) -> {
                boolean settled = live.contains(id)
                        ? d.groupState() == GroupState.STABLE && !d.members().isEmpty()
                        : d.groupState() == GroupState.EMPTY || d.groupState() == GroupState.DEAD;
                if (!settled) {
                    unsettled.add(id + " " + d.groupState());
                }
            });
            if (unsettled.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("groups did not settle within " + TIMEOUT + ": " + unsettled);
            }
            Thread.sleep(200);
        }
    }

    /** Runs the tools and writes one day's listings; the Admin API's view must not change meanwhile. */
    private static void capture(KafkaToolRunner tools, AdminGroundTruth truth, Path dir) throws IOException {
        GroundTruth before = truth.capture(KafkaCliFixtureGenerator.KAFKA_VERSION);
        writeStdout(dir.resolve("acls.txt"), tools.acls("--list"));
        writeStdout(dir.resolve("topics.txt"), tools.topics("--describe"));
        writeCombined(dir.resolve("groups.txt"), tools.consumerGroups("--describe", "--all-groups"));
        writeCombined(dir.resolve("groups-state.txt"), tools.consumerGroups("--describe", "--all-groups",
                "--state"));
        writeCombined(dir.resolve("groups-members.txt"), tools.consumerGroups("--describe", "--all-groups",
                "--members", "--verbose"));
        GroundTruth after = truth.capture(KafkaCliFixtureGenerator.KAFKA_VERSION);
        if (!before.equals(after)) {
            throw new IllegalStateException("the cluster changed while the tools ran; before: " + before
                    + "\nafter: " + after);
        }
        LOG.info("captured {}", dir);
    }

    /** A listing a user redirects with {@code >}: stdout only, and nothing may have gone to stderr. */
    private static void writeStdout(Path file, KafkaToolRunner.ToolOutput output) throws IOException {
        requireSuccess(file, output);
        if (!output.stderr().isEmpty()) {
            throw new IllegalStateException(file.getFileName() + ": the tool wrote to stderr:\n" + output.stderr());
        }
        Files.writeString(file, KafkaCliFixtureGenerator.withoutHarnessFrames(output.stdout()),
                StandardCharsets.UTF_8);
    }

    /** A listing captured with {@code 2>&1}: both streams in the order the tool wrote them. */
    private static void writeCombined(Path file, KafkaToolRunner.ToolOutput output) throws IOException {
        requireSuccess(file, output);
        Files.writeString(file, KafkaCliFixtureGenerator.withoutHarnessFrames(output.interleaved()),
                StandardCharsets.UTF_8);
    }

    private static void requireSuccess(Path file, KafkaToolRunner.ToolOutput output) {
        if (output.exitCode() != 0) {
            throw new IllegalStateException(file.getFileName() + ": the tool exited with " + output.exitCode()
                    + "\n" + output.interleaved());
        }
    }

    /**
     * Reads every record of {@code topics} from the beginning, as the super user and without a group (so no
     * group appears in the listings), and reconstructs the hops their {@code lineage} headers tell.
     */
    static List<RecordHop> sampleHops(EmbeddedKafkaBroker kafka, List<String> topics)
            throws InterruptedException, TimeoutException {
        LineageHeaderChains chains = new LineageHeaderChains();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.adminProperties(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo p : consumer.partitionsFor(topic, TIMEOUT)) {
                    partitions.add(new TopicPartition(p.topic(), p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, TIMEOUT));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            int records = 0;
            while (!caughtUp(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("reading the demo's records took longer than " + TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    List<byte[]> values = new ArrayList<>();
                    for (Header header : record.headers().headers(ScenarioSeeder.LINEAGE_HEADER)) {
                        values.add(header.value());
                    }
                    chains.add(record.topic() + "-" + record.partition() + "@" + record.offset(),
                            LineageHeaderChains.parseAll(values));
                    records++;
                }
            }
            List<RecordHop> hops = chains.hops();
            requireCausalOrder(hops);
            LOG.info("read {} records of {} partitions: {} hops", records, partitions.size(), hops.size());
            return hops;
        }
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey(), TIMEOUT) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** A service cannot process a record before it was written: every hop is later than its parents' hops. */
    private static void requireCausalOrder(List<RecordHop> hops) {
        Map<String, RecordHop> byId = new HashMap<>();
        hops.forEach(h -> byId.put(h.recordId(), h));
        for (RecordHop hop : hops) {
            for (String parent : hop.parents()) {
                RecordHop parentHop = byId.get(parent);
                if (parentHop != null && !parentHop.at().isBefore(hop.at())) {
                    throw new IllegalStateException(hop.recordId() + " at " + hop.at() + " is not later than its "
                            + "parent " + parent + " at " + parentHop.at());
                }
            }
        }
    }

    /** The mesh JSON document MeshJsonParser reads, one hop per line so that a diff shows what changed. */
    static void writeHops(Path file, String cluster, List<RecordHop> hops) throws IOException {
        StringBuilder json = new StringBuilder("{\"cluster\":").append(JSON.writeValueAsString(cluster))
                .append(",\"hops\":[\n");
        for (int i = 0; i < hops.size(); i++) {
            json.append(JSON.writeValueAsString(hops.get(i))).append(i + 1 < hops.size() ? ",\n" : "\n");
        }
        json.append("]}\n");
        Files.writeString(file, json.toString(), StandardCharsets.UTF_8);
    }

    /**
     * Rewrites {@code index.json}: every file under {@code demoDir} except the index itself, sorted, and the two
     * imports of the demo's history.
     */
    static void writeIndex(Path demoDir, String laterCatalog) throws IOException {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("resources", resources(demoDir));
        List<String> day1 = new ArrayList<>(DAY_FILES.stream().map(f -> KAFKA_DIR + "/day1/" + f).toList());
        day1.addAll(List.of("catalog.csv", "services.csv", "group-mapping.csv"));
        List<String> day2 = new ArrayList<>(DAY_FILES.stream().map(f -> KAFKA_DIR + "/day2/" + f).toList());
        day2.add(KAFKA_DIR + "/day2/" + HOPS);
        day2.add(laterCatalog);
        index.put("imports", List.of(
                demoImport("day 1: the cluster as Kafka's tools listed it, the catalog sheets and the schemas", 1,
                        day1, "schemas"),
                demoImport("day 2: access granted and revoked, a group stopped, a topic created, record hops and "
                        + "the revised catalog", 0, day2, null)));
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        ObjectWriter writer = JSON.writer(printer);
        Files.writeString(demoDir.resolve(INDEX), writer.writeValueAsString(index) + "\n", StandardCharsets.UTF_8);
    }

    private static Map<String, Object> demoImport(String name, int daysAgo, List<String> files, String schemas) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("daysAgo", daysAgo);
        json.put("files", files);
        if (schemas != null) {
            json.put("schemas", schemas);
        }
        return json;
    }

    private static List<String> resources(Path demoDir) throws IOException {
        try (Stream<Path> files = Files.walk(demoDir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> demoDir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(INDEX))
                    .sorted()
                    .toList();
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("demo-mesh");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /**
     * Removes the scratch folder (broker data, tool config, staged files); a leftover there is harmless, so a
     * failure is only logged.
     */
    private static void deleteQuietly(Path dir) {
        try {
            deleteRecursively(dir);
        } catch (UncheckedIOException e) {
            LOG.warn("could not delete {}: {}", dir, e.getCause().toString());
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
