package dev.meshlens.importers.file;

import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.importers.testkit.AdminGroundTruth;
import dev.meshlens.localkafka.EmbeddedKafkaBroker;
import dev.meshlens.importers.testkit.FixtureMesh;
import dev.meshlens.importers.testkit.GroundTruth;
import dev.meshlens.importers.testkit.KafkaToolRunner;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the parsers against Kafka's own tools as they run now, not only against committed fixtures: one
 * embedded broker for the class, seeded with {@link FixtureMesh}, the tools run in-process, their output parsed
 * and compared with what the Admin API reports.
 */
class KafkaCliToolsLiveTest {
    @TempDir
    static Path workDir;

    private static EmbeddedKafkaBroker kafka;
    private static Admin admin;
    private static AutoCloseable heldGroups;
    private static KafkaToolRunner tools;
    private static GroundTruth truth;

    @BeforeAll
    static void startSeededBroker() {
        kafka = FixtureMesh.brokerWithUsers().dataDir(workDir.resolve("broker")).start();
        admin = Admin.create(kafka.adminProperties());
        FixtureMesh.seed(kafka, admin);
        heldGroups = FixtureMesh.holdStableGroups(kafka, admin);
        tools = KafkaToolRunner.asAdmin(kafka, workDir);
        truth = new AdminGroundTruth(admin).capture("live");
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

    @Test
    void aclListingOfTheRunningToolMatchesTheAdminApi() {
        KafkaToolRunner.ToolOutput output = tools.acls("--list");

        MeshContent parsed = CliFixtures.parseText(new KafkaAclListingParser(), "acls.txt", output.interleaved());

        assertThat(output.exitCode()).isZero();
        assertThat(parsed.acls()).containsExactlyInAnyOrderElementsOf(truth.acls());
    }

    @Test
    void topicListingOfTheRunningToolMatchesTheAdminApi() {
        KafkaToolRunner.ToolOutput output = tools.topics("--describe");

        MeshContent parsed = CliFixtures.parseText(new TopicListingParser(), "topics.txt", output.interleaved());

        assertThat(output.exitCode()).isZero();
        assertThat(parsed.topics()).containsExactlyElementsOf(truth.topics());
    }

    @Test
    void groupListingsOfTheRunningToolMatchTheAdminApi() {
        String offsets = tools.consumerGroups("--describe", "--all-groups").interleaved();
        String members = tools.consumerGroups("--describe", "--all-groups", "--members", "--verbose").interleaved();
        String state = tools.consumerGroups("--describe", "--all-groups", "--state").interleaved();

        MeshContent parsed = CliFixtures.parseText(new ConsumerGroupListingParser(), "groups.txt",
                offsets + "\n" + members + "\n" + state);

        assertThat(parsed.groups().stream().map(GroundTruth::sortedGroup).toList())
                .containsExactlyElementsOf(truth.groups());
    }
}
