package dev.meshlens.importers.kafka;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.importers.seed.MeshScenario;
import dev.meshlens.importers.seed.MeshScenario.RecordSpec;
import dev.meshlens.importers.seed.MeshScenario.TopicSpec;
import dev.meshlens.importers.seed.ScenarioSeeder;
import dev.meshlens.importers.seed.SeededMesh;
import dev.meshlens.localkafka.EmbeddedKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sampler against a real broker whose records carry the {@code lineage} headers {@link ScenarioSeeder} writes:
 * a chain, a join, an aggregation, a producer without headers and a consumer of it.
 */
class RecordHeaderSamplerLiveTest {
    private static final Instant BASE = Instant.parse("2026-03-01T08:00:00Z");
    private static final SampleLimits ALL = new SampleLimits(1_000, Duration.ofSeconds(30));

    @TempDir
    static Path workDir;

    private static EmbeddedKafkaBroker kafka;
    private static SeededMesh seeded;

    @BeforeAll
    static void seedRecordsWithLineageHeaders() throws Exception {
        MeshScenario scenario = new MeshScenario("sampler test", "test",
                List.of(topic("src", 2), topic("other", 1), topic("legacy", 1), topic("mid", 1), topic("joined", 2),
                        topic("daily", 1), topic("copy", 1)),
                List.of("TOPIC LITERAL src User:outsider DESCRIBE ALLOW"),
                List.of(new RecordSpec("src", 30, "User:svc-a", null, null, null),
                        new RecordSpec("other", 10, "User:svc-o", null, null, null),
                        new RecordSpec("legacy", 8, "User:svc-l", null, null, false),
                        new RecordSpec("mid", 20, "User:svc-b", List.of("src"), null, null),
                        new RecordSpec("joined", 12, "User:svc-c", List.of("mid", "other"), null, null),
                        new RecordSpec("daily", 4, "User:svc-d", List.of("src"), 5, null),
                        new RecordSpec("copy", 6, "User:svc-e", List.of("legacy"), null, null)),
                List.of(), List.of());
        EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder().dataDir(workDir.resolve("broker"));
        scenario.users().forEach(u -> builder.user(u, u + "-secret"));
        kafka = builder.start();
        seeded = new ScenarioSeeder(kafka.adminProperties(), kafka::clientProperties, BASE, Duration.ofSeconds(60))
                .seed(scenario);
    }

    @AfterAll
    static void stopBroker() {
        if (seeded != null) {
            seeded.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static TopicSpec topic(String name, int partitions) {
        return new TopicSpec(name, partitions, Map.of());
    }

    private static RecordHeaderSampler sampler(String user) {
        return new RecordHeaderSampler(KafkaClientConfig.of(user + ".properties", kafka.clientProperties(user)),
                KafkaImportOptions.defaults());
    }

    private static MeshContent sample(SampleLimits limits, String... topics) {
        MeshContent.Collector collector = new MeshContent.Collector();
        sampler(EmbeddedKafkaBroker.ADMIN_USER).sample(List.of(topics), limits, collector);
        return collector.content();
    }

    private static List<RecordHop> hopsOf(MeshContent content, String topic) {
        return content.hops().stream().filter(h -> h.recordId().startsWith(topic + "-")).toList();
    }

    @Test
    void joinRecordHopListsBothParentsInHeaderOrder() {
        List<RecordHop> joined = hopsOf(sample(ALL, "joined"), "joined");

        assertThat(joined).hasSize(12).allSatisfy(h -> {
            assertThat(h.service()).isEqualTo("User:svc-c");
            assertThat(h.parents()).hasSize(2);
            assertThat(h.parents().get(0)).startsWith("mid-0@");
            assertThat(h.parents().get(1)).startsWith("other-0@");
        });
    }

    @Test
    void chainRevealsTheAncestorsOfTheSampledRecords() {
        MeshContent content = sample(ALL, "joined");

        assertThat(hopsOf(content, "mid")).isNotEmpty().allSatisfy(h -> {
            assertThat(h.service()).isEqualTo("User:svc-b");
            assertThat(h.parents()).singleElement().asString().startsWith("src-");
        });
        assertThat(hopsOf(content, "src")).isNotEmpty().allSatisfy(h -> {
            assertThat(h.service()).isEqualTo("User:svc-a");
            assertThat(h.parents()).isEmpty();
            // src is the seeder's first batch: its 30 records are stamped one second apart from the base time
            assertThat(h.at()).isBetween(BASE, BASE.plusSeconds(29));
        });
    }

    @Test
    void ancestorsRevealedByChainsAgreeWithTheirOwnHeaders() {
        MeshContent content = sample(ALL, "src", "mid", "joined");

        Map<String, List<RecordHop>> byRecord = content.hops().stream()
                .collect(Collectors.groupingBy(RecordHop::recordId));
        assertThat(byRecord.values()).allSatisfy(hops -> assertThat(hops).hasSize(1));
        assertThat(hopsOf(content, "src")).hasSize(30);
        assertThat(hopsOf(content, "mid")).hasSize(20);
    }

    @Test
    void aggregationHopListsEveryRecordItFolds() {
        assertThat(hopsOf(sample(ALL, "daily"), "daily")).hasSize(4)
                .allSatisfy(h -> assertThat(h.parents()).hasSize(5).allSatisfy(p -> assertThat(p).startsWith("src-")));
    }

    @Test
    void recordsWithoutHeadersAreCountedNotDropped() {
        MeshContent.Collector collector = new MeshContent.Collector();

        SamplingResult result = sampler(EmbeddedKafkaBroker.ADMIN_USER).sample(List.of("legacy"), ALL, collector);

        assertThat(result.topics()).singleElement().satisfies(t -> {
            assertThat(t.records()).isEqualTo(8);
            assertThat(t.withoutLineage()).isEqualTo(8);
            assertThat(t.withLineage()).isZero();
            assertThat(t.summary()).contains("8 without lineage header");
        });
        assertThat(collector.content().hops()).isEmpty();
    }

    @Test
    void parentWrittenWithoutHeadersStaysAParentIdWithoutHop() {
        MeshContent content = sample(ALL, "copy");

        assertThat(hopsOf(content, "copy")).hasSize(6)
                .allSatisfy(h -> assertThat(h.parents()).singleElement().asString().startsWith("legacy-0@"));
        assertThat(hopsOf(content, "legacy")).isEmpty();
    }

    @Test
    void sampleReadsAtMostTheLimitSpreadOverPartitions() {
        MeshContent.Collector collector = new MeshContent.Collector();

        SamplingResult result = sampler(EmbeddedKafkaBroker.ADMIN_USER)
                .sample(List.of("src"), new SampleLimits(10, Duration.ofSeconds(30)), collector);

        assertThat(result.records()).isEqualTo(10);
        assertThat(hopsOf(collector.content(), "src")).hasSize(10)
                .extracting(h -> h.recordId().substring(0, h.recordId().indexOf('@')))
                .containsOnly("src-0", "src-1").contains("src-0", "src-1");
    }

    @Test
    void sampleTakesTheNewestRecordsOfEachPartition() {
        MeshContent all = sample(ALL, "src");
        Function<String, Long> offset = id -> Long.parseLong(id.substring(id.indexOf('@') + 1));
        long newestOfPartition0 = hopsOf(all, "src").stream().map(RecordHop::recordId)
                .filter(id -> id.startsWith("src-0@")).map(offset).max(Long::compare).orElseThrow();

        Set<Long> sampled = hopsOf(sample(new SampleLimits(4, Duration.ofSeconds(30)), "src"), "src").stream()
                .map(RecordHop::recordId).filter(id -> id.startsWith("src-0@")).map(offset).collect(Collectors.toSet());

        assertThat(sampled).containsExactlyInAnyOrder(newestOfPartition0, newestOfPartition0 - 1);
    }

    @Test
    void timeLimitEndsTheSample() {
        MeshContent.Collector collector = new MeshContent.Collector();

        SamplingResult result = sampler(EmbeddedKafkaBroker.ADMIN_USER)
                .sample(List.of("src"), new SampleLimits(1_000, Duration.ZERO), collector);

        assertThat(result.topics()).singleElement().satisfies(t -> {
            assertThat(t.records()).isZero();
            assertThat(t.timeLimitReached()).isTrue();
        });
    }

    @Test
    void sampleCoversHops() {
        assertThat(sample(ALL, "mid").sources()).isEqualTo(Set.of(SourceKind.HOPS));
    }

    @Test
    void unknownTopicIsNamed() {
        assertThatThrownBy(() -> sample(ALL, "no-such-topic"))
                .isInstanceOf(InputException.class)
                .hasMessage("KafkaConsumer.partitionsFor: no topic 'no-such-topic' on the cluster at "
                        + kafka.bootstrapServers());
    }

    @Test
    void principalWithoutReadIsToldWhichAclIsMissing() {
        assertThatThrownBy(() -> sampler("outsider").sample(List.of("src"), ALL, new MeshContent.Collector()))
                .isInstanceOf(InputException.class)
                .hasMessage("KafkaConsumer.poll: User:outsider needs READ on TOPIC src to sample its records (poll)");
    }
}
