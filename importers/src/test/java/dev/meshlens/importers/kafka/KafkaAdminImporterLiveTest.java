package dev.meshlens.importers.kafka;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.Topic;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.importers.Cancellation;
import dev.meshlens.importers.CatalogImporter;
import dev.meshlens.importers.file.ImportProgress;
import dev.meshlens.importers.testkit.AdminGroundTruth;
import dev.meshlens.importers.testkit.FixtureMesh;
import dev.meshlens.importers.testkit.GroundTruth;
import dev.meshlens.localkafka.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Admin importer against a real broker seeded with {@link FixtureMesh} (real principals, ACLs, groups held
 * Stable, Empty and rebalancing), compared with what the Admin API itself reports.
 */
class KafkaAdminImporterLiveTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path workDir;

    private static EmbeddedKafkaBroker kafka;
    private static Admin admin;
    private static AutoCloseable heldGroups;
    private static GroundTruth truth;
    private static KafkaImportResult result;
    private static MeshContent imported;

    @BeforeAll
    static void importTheSeededCluster() {
        kafka = FixtureMesh.brokerWithUsers().dataDir(workDir.resolve("broker")).start();
        admin = Admin.create(kafka.adminProperties());
        FixtureMesh.seed(kafka, admin);
        heldGroups = FixtureMesh.holdStableGroups(kafka, admin);
        truth = new AdminGroundTruth(admin).capture("live");
        MeshContent.Collector collector = new MeshContent.Collector();
        result = new KafkaAdminImporter(asUser(EmbeddedKafkaBroker.ADMIN_USER), KafkaImportOptions.defaults()
                .withTimeout(TIMEOUT)).importTo(collector);
        imported = collector.content();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (heldGroups != null) {
            heldGroups.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static KafkaClientConfig asUser(String user) {
        return KafkaClientConfig.of(user + ".properties", kafka.clientProperties(user));
    }

    private static Map<String, Long> lagByGroupAndPartition(List<ConsumerGroup> groups) {
        Map<String, Long> lags = new TreeMap<>();
        for (ConsumerGroup g : groups) {
            for (PartitionOffset o : g.offsets()) {
                lags.put(g.groupId() + " " + o.topicPartition(), o.lag());
            }
        }
        return lags;
    }

    @Test
    void aclsAreTheAdminApis() {
        assertThat(imported.acls()).containsExactlyInAnyOrderElementsOf(truth.acls());
    }

    @Test
    void topicsWithPartitionsReplicationAndConfigsAreTheAdminApis() {
        assertThat(imported.topics()).containsExactlyElementsOf(truth.topics());
    }

    @Test
    void internalTopicsAreImportedToo() {
        assertThat(imported.topics()).extracting(Topic::name).contains("__consumer_offsets");
    }

    @Test
    void nonDefaultTopicConfigsAreKept() {
        Topic orders = imported.topics().stream().filter(t -> t.name().equals("orders")).findFirst().orElseThrow();

        assertThat(orders.configs()).containsEntry("cleanup.policy", "compact,delete")
                .containsEntry("retention.ms", "604800000");
    }

    @Test
    void lagPerGroupTopicAndPartitionIsTheAdminApis() {
        assertThat(lagByGroupAndPartition(imported.groups())).isEqualTo(lagByGroupAndPartition(truth.groups()))
                .containsEntry("billing-app orders-3", 7L);
    }

    @Test
    void groupStatesAreTheAdminApis() {
        Map<String, Object> states = imported.groups().stream()
                .collect(Collectors.toMap(ConsumerGroup::groupId, g -> String.valueOf(g.state()), (a, b) -> a, TreeMap::new));

        assertThat(states).isEqualTo(truth.groups().stream()
                .collect(Collectors.toMap(ConsumerGroup::groupId, g -> String.valueOf(g.state()), (a, b) -> a, TreeMap::new)));
        assertThat(states).containsEntry("billing-app", "STABLE").containsEntry("analytics-batch", "EMPTY");
    }

    @Test
    void membersWithClientIdsHostsAndAssignmentsAreTheAdminApis() {
        assertThat(imported.groups().stream().map(GroundTruth::sortedGroup).toList())
                .extracting(ConsumerGroup::groupId, ConsumerGroup::members)
                .containsExactlyElementsOf(truth.groups().stream()
                        .map(g -> org.assertj.core.groups.Tuple.tuple(g.groupId(), g.members())).toList());
    }

    @Test
    void importCoversAclsTopicsAndGroups() {
        assertThat(imported.sources()).isEqualTo(Set.of(SourceKind.ACLS, SourceKind.TOPICS, SourceKind.GROUPS));
    }

    @Test
    void stepResultsCountWhatEachStepRead() {
        assertThat(result.steps()).extracting(StepResult::step).containsExactly("acls", "topics", "groups");
        assertThat(result.step("acls").orElseThrow().count()).isEqualTo(truth.acls().size());
        assertThat(result.step("topics").orElseThrow().count()).isEqualTo(truth.topics().size());
        assertThat(result.step("groups").orElseThrow().count()).isEqualTo(truth.groups().size());
    }

    @Test
    void progressHearsEveryStepStartAndFinish() {
        List<String> heard = new ArrayList<>();
        KafkaImportProgress progress = new KafkaImportProgress() {
            @Override
            public void started(String step, String what) {
                heard.add("start " + step);
            }

            @Override
            public void finished(StepResult step) {
                heard.add("end " + step.step());
            }
        };

        new KafkaAdminImporter(asUser(EmbeddedKafkaBroker.ADMIN_USER), KafkaImportOptions.defaults()
                .withSources(Set.of(SourceKind.ACLS, SourceKind.TOPICS)).withProgress(progress))
                .importTo(new MeshContent.Collector());

        assertThat(heard).containsExactly("start acls", "end acls", "start topics", "end topics");
    }

    @Test
    void principalWithoutClusterDescribeIsToldWhichAclIsMissing() {
        assertThatThrownBy(() -> new KafkaAdminImporter(asUser("analyst"), KafkaImportOptions.defaults()
                .withTimeout(TIMEOUT)).importTo(new MeshContent.Collector()))
                .isInstanceOf(InputException.class)
                .hasMessage("Admin.describeAcls: User:analyst needs DESCRIBE on CLUSTER kafka-cluster to list ACLs"
                        + " (describeAcls)");
    }

    @Test
    void principalWithoutDescribeConfigsIsToldWhichTopic() {
        assertThatThrownBy(() -> new KafkaAdminImporter(asUser("analyst"), KafkaImportOptions.defaults()
                .withTimeout(TIMEOUT).withSources(Set.of(SourceKind.TOPICS))).importTo(new MeshContent.Collector()))
                .isInstanceOf(InputException.class)
                .hasMessageMatching("Admin\\.describeConfigs: User:analyst needs DESCRIBE_CONFIGS on TOPIC "
                        + "(customers|public\\.announcements) to read topic configs \\(describeConfigs\\)");
    }

    @Test
    void wrongPasswordIsOneMessageNamingTheCallAndTheFile() {
        KafkaClientConfig wrong = KafkaClientConfig.of("wrong.properties",
                kafka.clientProperties("billing-svc", "not-the-password"));

        assertThatThrownBy(() -> new KafkaAdminImporter(wrong, KafkaImportOptions.defaults().withTimeout(TIMEOUT))
                .importTo(new MeshContent.Collector()))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("Admin.describeAcls: authentication at " + kafka.bootstrapServers() + " failed")
                .hasMessageEndingWith("check the credentials in wrong.properties")
                .message().doesNotContain("not-the-password");
    }

    @Test
    void liveImportLandsAsOneSnapshotWhoseOriginIsTheBootstrapServers() {
        try (CatalogStore store = CatalogStore.open("jdbc:h2:file:" + workDir.resolve("origin/catalog"))) {
            KafkaSource source = new KafkaSource(asUser(EmbeddedKafkaBroker.ADMIN_USER), KafkaImportOptions.defaults(),
                    List.of(), new SampleLimits(10, Duration.ofSeconds(5)));

            Snapshot snapshot = new CatalogImporter(store, ImportProgress.NONE)
                    .importSources("live", List.of(source), Instant.now(), new Cancellation());

            assertThat(snapshot.origin()).isEqualTo("kafka:" + kafka.bootstrapServers());
            assertThat(snapshot.sources()).isEqualTo(Set.of(SourceKind.ACLS, SourceKind.TOPICS, SourceKind.GROUPS));
            assertThat(store.state("live", snapshot.id()).content().acls()).hasSameSizeAs(truth.acls());
        }
    }

    @Test
    void neitherTheStoreFileNorTheLogsEverHoldAPassword() throws Exception {
        Path base = workDir.resolve("secrets/catalog");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        // uncompressed, so that a grep of the file bytes can find any string the store wrote (the control below)
        try (CatalogStore store = CatalogStore.open("jdbc:h2:file:" + base + ";COMPRESS=FALSE")) {
            new CatalogImporter(store, ImportProgress.NONE).importSources("live", List.of(new KafkaSource(
                    asUser(EmbeddedKafkaBroker.ADMIN_USER), KafkaImportOptions.defaults(), List.of("orders"),
                    new SampleLimits(50, Duration.ofSeconds(10)))), Instant.now(), new Cancellation());
        } finally {
            root.detachAppender(logs);
        }

        byte[] file = Files.readAllBytes(Path.of(base + ".mv.db"));
        String fileText = new String(file, StandardCharsets.ISO_8859_1);
        String logText = logs.list.stream().map(e -> e.getFormattedMessage() + " " + e.getThrowableProxy())
                .collect(Collectors.joining("\n"));
        assertThat(fileText).contains("billing-app");
        assertThat(logText).contains(kafka.bootstrapServers());
        for (String password : kafka.users().values()) {
            assertThat(fileText).doesNotContain(password);
            assertThat(logText).doesNotContain(password);
        }
    }

    @Test
    void cancelledImportThrowsAndLandsNoSnapshot() {
        try (CatalogStore store = CatalogStore.open("jdbc:h2:file:" + workDir.resolve("cancel/catalog"))) {
            Cancellation cancellation = new Cancellation();
            KafkaImportProgress cancelAfterAcls = new KafkaImportProgress() {
                @Override
                public void finished(StepResult step) {
                    cancellation.cancel();
                }
            };
            KafkaSource source = new KafkaSource(asUser(EmbeddedKafkaBroker.ADMIN_USER), KafkaImportOptions.defaults()
                    .withProgress(cancelAfterAcls).withCancellation(cancellation), List.of(),
                    new SampleLimits(10, Duration.ofSeconds(5)));

            assertThatThrownBy(() -> new CatalogImporter(store, ImportProgress.NONE)
                    .importSources("live", List.of(source), Instant.now(), cancellation))
                    .isInstanceOf(CancellationException.class);
            assertThat(store.snapshots()).isEmpty();
            assertThat(source.adminResult()).isEmpty();
        }
    }

    @Test
    void unreachableClusterIsOneMessageNamingTheFirstCall() {
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", "127.0.0.1:1");
        KafkaClientConfig nowhere = KafkaClientConfig.of("nowhere.properties", props);

        assertThatThrownBy(() -> new KafkaAdminImporter(nowhere, KafkaImportOptions.defaults()
                .withTimeout(Duration.ofSeconds(2))).importTo(new MeshContent.Collector()))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("Admin.describeAcls: no answer from 127.0.0.1:1 within 2 s");
    }
}
