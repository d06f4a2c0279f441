package dev.meshlens.engine.lineage;

import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.meshlens.engine.model.PatternType.LITERAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Replaying: committed far behind and moving forward between two snapshots. */
class ReplayingTest {
    private static final String BILLING = "User:billing";
    private static final long END = 100_000;

    private static LineageEdge read(String topic, String principal) {
        return new LineageEdge(new ProductNode(topic), new ServiceNode(principal), EdgeKind.READ);
    }

    /** billing reads orders as group billing-app, now committed at {@code committed} of {@value #END}. */
    private static Mesh billingAt(GroupState state, long committed) {
        return new Mesh().topics("orders").reads(BILLING, "orders").groupAcl(BILLING, LITERAL, "billing-app")
                .group("billing-app", state, "orders", committed, END);
    }

    /** billing-app as the previous snapshot saw it: committed at {@code committed} on orders-0. */
    private static ConsumerGroup before(long committed) {
        return new ConsumerGroup("billing-app", GroupState.STABLE, null, null, List.of(),
                List.of(new PartitionOffset("orders", 0, committed, END - 1_000, null)));
    }

    private static ConsumerState stateOf(LineageGraph lineage) {
        return lineage.facts(read("orders", BILLING)).state();
    }

    @Test
    void groupThatAdvancedWhileFarBehindIsReplaying() {
        LineageGraph lineage = billingAt(GroupState.STABLE, 20_000)
                .build(LineageOptions.defaults().withPreviousGroups(List.of(before(10_000))));

        assertThat(stateOf(lineage)).isEqualTo(ConsumerState.REPLAYING);
    }

    @Test
    void groupThatAdvancedButIsWithinTheReplayThresholdIsLagging() {
        LineageGraph lineage = billingAt(GroupState.STABLE, END - 1_000)
                .build(LineageOptions.defaults().withPreviousGroups(List.of(before(10_000))));

        assertThat(stateOf(lineage)).isEqualTo(ConsumerState.LAGGING);
    }

    @Test
    void groupThatDidNotMoveIsLagging() {
        LineageGraph lineage = billingAt(GroupState.STABLE, 10_000)
                .build(LineageOptions.defaults().withPreviousGroups(List.of(before(10_000))));

        assertThat(stateOf(lineage)).isEqualTo(ConsumerState.LAGGING);
    }

    @Test
    void groupWhoseOffsetWasResetBackwardsIsLagging() {
        LineageGraph lineage = billingAt(GroupState.STABLE, 5_000)
                .build(LineageOptions.defaults().withPreviousGroups(List.of(before(90_000))));

        assertThat(stateOf(lineage)).isEqualTo(ConsumerState.LAGGING);
    }

    @Test
    void stoppedGroupThatAdvancedIsStopped() {
        LineageGraph lineage = billingAt(GroupState.EMPTY, 20_000)
                .build(LineageOptions.defaults().withPreviousGroups(List.of(before(10_000))));

        assertThat(stateOf(lineage)).isEqualTo(ConsumerState.STOPPED);
    }

    @Test
    void groupAbsentFromThePreviousSnapshotIsLagging() {
        ConsumerGroup otherGroup = new ConsumerGroup("someone-else", GroupState.STABLE, null, null, List.of(),
                List.of(new PartitionOffset("orders", 0, 10L, END, null)));
        LineageGraph lineage = billingAt(GroupState.STABLE, 20_000)
                .build(LineageOptions.defaults().withPreviousGroups(List.of(otherGroup)));

        assertThat(stateOf(lineage)).isEqualTo(ConsumerState.LAGGING);
    }

    @Test
    void replayThresholdIsConfigurable() {
        LineageGraph lineage = billingAt(GroupState.STABLE, END - 500)
                .build(LineageOptions.defaults().withReplayLagThreshold(100)
                        .withPreviousGroups(List.of(before(10_000))));

        assertThat(stateOf(lineage)).isEqualTo(ConsumerState.REPLAYING);
    }

    @Test
    void lagWithinTheLagThresholdIsUpToDateEvenWhenAdvancing() {
        LineageGraph lineage = billingAt(GroupState.STABLE, END - 5_000)
                .build(new LineageOptions(10_000).withPreviousGroups(List.of(before(10_000))));

        assertThat(stateOf(lineage)).isEqualTo(ConsumerState.UP_TO_DATE);
    }

    @Test
    void consumerRowOfAReplayingGroupSaysReplaying() {
        LineageGraph lineage = billingAt(GroupState.STABLE, 20_000)
                .build(LineageOptions.defaults().withPreviousGroups(List.of(before(10_000))));

        assertThat(lineage.consumers("orders")).containsExactly(new ConsumerDetail(BILLING, "billing-app",
                List.of("acl", "group"), END - 20_000, ConsumerState.REPLAYING));
    }

    @Test
    void groupStandingForAnAmbiguousPrincipalCanBeReplaying() {
        LineageGraph lineage = new Mesh().topics("orders").reads(BILLING, "orders").reads("User:audit", "orders")
                .groupAcl(BILLING, LITERAL, "shared").groupAcl("User:audit", LITERAL, "shared")
                .group("shared", GroupState.STABLE, "orders", 20_000, END)
                .build(LineageOptions.defaults().withPreviousGroups(List.of(new ConsumerGroup("shared",
                        GroupState.STABLE, null, null, List.of(),
                        List.of(new PartitionOffset("orders", 0, 10_000L, END, null))))));

        LineageEdge edge = new LineageEdge(new ProductNode("orders"), new GroupNode("shared"), EdgeKind.READ);
        assertThat(lineage.facts(edge).state()).isEqualTo(ConsumerState.REPLAYING);
    }

    @Test
    void withPreviousTakesTheGroupsOfAStateThatCoveredGroups() {
        CatalogState previous = state(Set.of(SourceKind.GROUPS), List.of(before(10_000)));

        assertThat(LineageOptions.defaults().withPrevious(previous).previousGroups()).containsExactly(before(10_000));
    }

    @Test
    void withPreviousOfAStateWithoutGroupsComparesWithNothing() {
        CatalogState previous = state(Set.of(SourceKind.ACLS), List.of());

        assertThat(LineageOptions.defaults().withPrevious(previous).previousGroups()).isEmpty();
    }

    @Test
    void defaultsUseAThousandRecordsAsReplayThreshold() {
        assertThat(LineageOptions.defaults().replayLagThreshold()).isEqualTo(1_000);
        assertThat(new LineageOptions(5).replayLagThreshold()).isEqualTo(1_000);
    }

    @Test
    void negativeReplayThresholdIsRejected() {
        assertThatThrownBy(() -> LineageOptions.defaults().withReplayLagThreshold(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replay");
    }

    @Test
    void optionsPrintTheNumberOfPreviousGroupsNotTheGroups() {
        assertThat(LineageOptions.defaults().withPreviousGroups(List.of(before(1))).toString())
                .isEqualTo("LineageOptions[lagThreshold=0, replayLagThreshold=1000, previousGroups=1]");
    }

    private static CatalogState state(Set<SourceKind> sources, List<ConsumerGroup> groups) {
        Snapshot snapshot = new Snapshot(1, Instant.parse("2026-01-01T00:00:00Z"), "test", sources, "test");
        MeshContent content = new MeshContent(sources, List.of(), List.of(), groups, List.of(), List.of(), List.of(),
                List.of(), List.of());
        Map<SourceKind, Snapshot> from = new java.util.EnumMap<>(SourceKind.class);
        sources.forEach(s -> from.put(s, snapshot));
        return new CatalogState("test", snapshot, from, content);
    }
}
