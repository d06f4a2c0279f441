package dev.meshlens.importers.file;

import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.GroupMember;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.TopicPartition;
import dev.meshlens.importers.testkit.GroundTruth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static dev.meshlens.importers.file.CliFixtures.LIVE;
import static dev.meshlens.importers.file.CliFixtures.V2;
import static dev.meshlens.importers.file.CliFixtures.V3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsumerGroupListingParserTest {
    private final ConsumerGroupListingParser parser = new ConsumerGroupListingParser();
    private final GroundTruth truth = CliFixtures.truth(LIVE);

    @Test
    void allLiveListingsTogetherYieldExactlyTheGroupsTheAdminApiReported() {
        MeshContent parsed = CliFixtures.parse(parser, LIVE, "groups-offsets.txt", "groups-offsets.stderr.txt",
                "groups-members-verbose.txt", "groups-state.txt");

        assertThat(parsed.groups().stream().map(GroundTruth::sortedGroup).toList())
                .containsExactlyElementsOf(truth.groups());
    }

    @Test
    void liveCombinedCapturesYieldExactlyTheGroupsTheAdminApiReported() {
        MeshContent parsed = CliFixtures.parse(parser, LIVE, "groups-offsets.combined.txt",
                "groups-members-verbose.combined.txt", "groups-state-verbose.combined.txt");

        assertThat(parsed.groups().stream().map(GroundTruth::sortedGroup).toList())
                .containsExactlyElementsOf(truth.groups());
    }

    @ParameterizedTest
    @ValueSource(strings = {"groups-offsets.txt", "groups-offsets-verbose.txt"})
    void offsetsListingShowsEveryCommittedAndAssignedPartitionWithEndOffsetAndLag(String file) {
        MeshContent parsed = CliFixtures.parse(parser, LIVE, file);

        for (ConsumerGroup expected : truth.groups()) {
            ConsumerGroup actual = CliFixtures.group(parsed, expected.groupId());
            assertThat(actual.offsets()).as(expected.groupId()).containsExactlyElementsOf(expected.offsets());
            assertThat(actual.offsets()).extracting(PartitionOffset::lag)
                    .containsExactlyElementsOf(expected.offsets().stream().map(PartitionOffset::lag).toList());
        }
    }

    @Test
    void offsetsListingShowsTheMembersThatHoldPartitions() {
        MeshContent parsed = CliFixtures.parse(parser, LIVE, "groups-offsets.txt");

        for (ConsumerGroup expected : truth.groups()) {
            assertThat(CliFixtures.group(parsed, expected.groupId()).members()).as(expected.groupId())
                    .containsExactlyElementsOf(expected.members().stream()
                            .filter(m -> !m.assignment().isEmpty()).toList());
        }
    }

    @Test
    void offsetsListingWithoutStderrLeavesTheStateUnknown() {
        MeshContent parsed = CliFixtures.parse(parser, LIVE, "groups-offsets.txt");

        assertThat(parsed.groups()).extracting(ConsumerGroup::state).containsOnlyNulls();
    }

    @Test
    void lagIsPositiveWhereTheStableGroupIsBehindAndUnknownWhereItNeverCommitted() {
        ConsumerGroup billing = CliFixtures.group(CliFixtures.parse(parser, LIVE, "groups-offsets.txt"), "billing-app");

        assertThat(offset(billing, "orders", 3).lag()).isEqualTo(7L);
        assertThat(offset(billing, "payments", 2).committedOffset()).isNull();
        assertThat(offset(billing, "payments", 2).endOffset()).isEqualTo(20L);
        assertThat(offset(billing, "payments", 2).lag()).isNull();
    }

    @Test
    void verboseMembersListingShowsEveryMemberWithItsAssignment() {
        MeshContent parsed = CliFixtures.parse(parser, LIVE, "groups-members-verbose.txt");

        for (ConsumerGroup expected : truth.groups().stream().filter(g -> !g.members().isEmpty()).toList()) {
            assertThat(CliFixtures.group(parsed, expected.groupId()).members()).as(expected.groupId())
                    .containsExactlyElementsOf(expected.members());
        }
    }

    @Test
    void plainMembersListingShowsEveryMemberWithoutAssignment() {
        MeshContent parsed = CliFixtures.parse(parser, LIVE, "groups-members.txt");

        for (ConsumerGroup expected : truth.groups().stream().filter(g -> !g.members().isEmpty()).toList()) {
            assertThat(CliFixtures.group(parsed, expected.groupId()).members()).as(expected.groupId())
                    .containsExactlyElementsOf(CliFixtures.withoutAssignment(expected.members()));
        }
    }

    @Test
    void memberAndClientIdsWithSpacesAreKeptWhole() {
        ConsumerGroup billing = CliFixtures.group(CliFixtures.parse(parser, LIVE, "groups-members-verbose.txt"),
                "billing-app");

        assertThat(billing.members()).extracting(GroupMember::clientId).contains("billing worker 2");
        assertThat(billing.members()).extracting(GroupMember::memberId)
                .anySatisfy(id -> assertThat(id).startsWith("billing worker 2-"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"groups-state.txt", "groups-state-verbose.txt"})
    void stateListingShowsStateCoordinatorAndAssignmentStrategy(String file) {
        MeshContent parsed = CliFixtures.parse(parser, LIVE, file);

        for (ConsumerGroup expected : truth.groups()) {
            ConsumerGroup actual = CliFixtures.group(parsed, expected.groupId());
            assertThat(actual.state()).as(expected.groupId()).isEqualTo(expected.state());
            assertThat(actual.coordinator()).as(expected.groupId()).isEqualTo(expected.coordinator());
            assertThat(actual.assignmentStrategy()).as(expected.groupId()).isEqualTo(expected.assignmentStrategy());
        }
    }

    @Test
    void stderrMessagesAloneMarkTheEmptyGroups() {
        MeshContent parsed = CliFixtures.parse(parser, LIVE, "groups-offsets.stderr.txt");

        assertThat(CliFixtures.group(parsed, "audit-archiver").state()).isEqualTo(GroupState.EMPTY);
        assertThat(CliFixtures.group(parsed, "analytics-batch").state()).isEqualTo(GroupState.EMPTY);
        assertThat(parsed.sources()).containsExactly(SourceKind.GROUPS);
    }

    @Test
    void rebalancingMessageRecordsTheGroupWithoutGuessingItsState() {
        MeshContent parsed = CliFixtures.parse(parser, LIVE, "groups-offsets.stderr.txt");

        assertThat(CliFixtures.group(parsed, "shipping-replayer").state()).isNull();
    }

    @Test
    void rebalancingGroupTakesItsExactStateFromTheStateListing() {
        MeshContent parsed = CliFixtures.parse(parser, LIVE, "groups-offsets.combined.txt",
                "groups-state.combined.txt");

        assertThat(CliFixtures.group(parsed, "shipping-replayer").state()).isEqualTo(GroupState.PREPARING_REBALANCE);
    }

    @Test
    void emptyGroupWithOnlyCommittedOffsetsHasNoMembersAndNoStrategy() {
        MeshContent parsed = CliFixtures.parse(parser, LIVE, "groups-offsets.combined.txt",
                "groups-members-verbose.combined.txt", "groups-state.combined.txt");

        ConsumerGroup batch = CliFixtures.group(parsed, "analytics-batch");
        assertThat(batch.state()).isEqualTo(GroupState.EMPTY);
        assertThat(batch.members()).isEmpty();
        assertThat(batch.assignmentStrategy()).isNull();
        assertThat(batch.offsets()).containsExactly(new PartitionOffset("customers", 0, 10L, 30L, null));
    }

    @Test
    void blockOrderDoesNotChangeTheResult() {
        String text = CliFixtures.text(LIVE, "groups-offsets.combined.txt");
        List<String> blocks = new ArrayList<>(List.of(text.split("\n\n")));
        Collections.shuffle(blocks, new Random(11));

        MeshContent shuffled = CliFixtures.parseText(parser, "groups.txt", String.join("\n\n", blocks));

        assertThat(shuffled).isEqualTo(CliFixtures.parse(parser, LIVE, "groups-offsets.combined.txt"));
    }

    @Test
    void toolFailureIsRejectedAtItsErrorLine() {
        assertThatThrownBy(() -> CliFixtures.parse(parser, LIVE, "groups-missing.combined.txt"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("groups-missing.combined.txt:2: expected ")
                .hasMessageContaining("found 'Error: Executing consumer group command failed");
    }

    @Test
    void kafka3ListingsMatchTheirTruth() {
        MeshContent parsed = CliFixtures.parse(parser, V3, "groups-offsets.combined.txt",
                "groups-members-verbose.combined.txt", "groups-state.combined.txt");

        assertThat(parsed.groups().stream().map(GroundTruth::sortedGroup).toList())
                .containsExactlyElementsOf(CliFixtures.truth(V3).groups());
    }

    @Test
    void kafka3AssignmentColumnIsRead() {
        ConsumerGroup billing = CliFixtures.group(CliFixtures.parse(parser, V3, "groups-members-verbose.txt"),
                "billing-app");

        assertThat(billing.members().get(0).assignment()).containsExactly(new TopicPartition("orders", 0),
                new TopicPartition("orders", 1), new TopicPartition("payments", 0));
    }

    @Test
    void kafka3DoesNotExistErrorMakesTheGroupDead() {
        MeshContent parsed = CliFixtures.parse(parser, V3, "groups-offsets.txt");

        assertThat(CliFixtures.group(parsed, "ghost").state()).isEqualTo(GroupState.DEAD);
    }

    @Test
    void rowWiderThanItsHeaderColumnsIsSplitOnWhitespace() {
        // Kafka 3.x pads the coordinator to 25 characters: a longer one pushes every later column to the right
        ConsumerGroup fraud = CliFixtures.group(CliFixtures.parse(parser, V3, "groups-state.txt"), "fraud-detector");

        assertThat(fraud.coordinator()).isEqualTo("kafka-broker-3.eu-west-1.prod.example.com:9092 (3)");
        assertThat(fraud.assignmentStrategy()).isEqualTo("cooperative-sticky");
        assertThat(fraud.state()).isEqualTo(GroupState.COMPLETING_REBALANCE);
    }

    @Test
    void blankAssignmentStrategyOfKafka3IsUnknown() {
        ConsumerGroup audit = CliFixtures.group(CliFixtures.parse(parser, V3, "groups-state.txt"), "audit-archiver");

        assertThat(audit.assignmentStrategy()).isNull();
        assertThat(audit.state()).isEqualTo(GroupState.EMPTY);
    }

    @Test
    void headerWithoutGroupColumnIsRejectedAtItsLine() {
        assertThatThrownBy(() -> CliFixtures.parse(parser, V2, "groups-offsets-without-group-column.txt"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("groups-offsets-without-group-column.txt:4: expected a header with a GROUP column");
    }

    @Test
    void rowBeforeAnyHeaderIsRejected() {
        String text = "billing-app     orders          0          20              20              0\n";

        assertThatThrownBy(() -> CliFixtures.parseText(parser, "groups.txt", text))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("groups.txt:1: expected a kafka-consumer-groups header");
    }

    @Test
    void nonNumericPartitionIsReportedWithItsLineAndColumn() {
        String text = "\nGROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             "
                + "CONSUMER-ID     HOST            CLIENT-ID\n"
                + "billing-app     orders          0          20              20              0               "
                + "-               -               -\n"
                + "billing-app     orders          one        20              20              0               "
                + "-               -               -\n";

        assertThatThrownBy(() -> CliFixtures.parseText(parser, "groups.txt", text))
                .isInstanceOf(InputException.class)
                .hasMessage("groups.txt:4: expected a number or '-' in column PARTITION, found 'one'");
    }

    @Test
    void rowWithMissingColumnsIsRejected() {
        String text = "GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             "
                + "CONSUMER-ID     HOST            CLIENT-ID\n"
                + "billing-app     orders\n";

        assertThatThrownBy(() -> CliFixtures.parseText(parser, "groups.txt", text))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("groups.txt:2: expected ");
    }

    @Test
    void unknownStateIsNamed() {
        String text = "GROUP           COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE                #MEMBERS\n"
                + "billing-app     10.0.0.1:9092  (1)        range                Sleeping             2\n";

        assertThatThrownBy(() -> CliFixtures.parseText(parser, "groups.txt", text))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("groups.txt:2:").hasMessageContaining("'Sleeping'");
    }

    @Test
    void toolLogLinesAndNotesAreSkipped() {
        String text = "Note: This will not show information about old Zookeeper-based consumers.\n"
                + "[2026-01-05 10:00:00,123] WARN Connection to node -1 could not be established."
                + " (org.apache.kafka.clients.NetworkClient)\n"
                + "Consumer group 'reporting' has no active members.\n";

        MeshContent parsed = CliFixtures.parseText(parser, "groups.txt", text);

        assertThat(parsed.groups()).containsExactly(
                new ConsumerGroup("reporting", GroupState.EMPTY, null, null, List.of(), List.of()));
    }

    private static PartitionOffset offset(ConsumerGroup group, String topic, int partition) {
        return group.offsets().stream().filter(o -> o.topic().equals(topic) && o.partition() == partition)
                .findFirst().orElseThrow();
    }
}
