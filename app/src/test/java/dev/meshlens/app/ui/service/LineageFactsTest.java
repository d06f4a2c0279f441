package dev.meshlens.app.ui.service;

import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageOptions;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.Lifecycle;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.engine.model.ResourceType;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.Topic;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A chain raw (Tier 3) -> cleaner -> clean (Tier 2) -> reporter -> report (Tier 1), over the real lineage. */
class LineageFactsTest {
    private final List<AclBinding> acls = new ArrayList<>();
    private final List<ConsumerGroup> groups = new ArrayList<>();
    private final List<RecordHop> hops = new ArrayList<>();
    private final List<DataProduct> extraProducts = new ArrayList<>();
    private final List<ServiceInfo> services = new ArrayList<>(List.of(
            new ServiceInfo("User:cleaner", "Cleaner", "data@x", 2, true),
            new ServiceInfo("User:reporter", "Reporter", "reports@x", 1, true)));

    LineageFactsTest() {
        grant("User:ingest", "raw", AclOperation.WRITE);
        grant("User:cleaner", "raw", AclOperation.READ);
        grant("User:cleaner", "clean", AclOperation.WRITE);
        grant("User:reporter", "clean", AclOperation.READ);
        grant("User:reporter", "report", AclOperation.WRITE);
        grant("User:auditor", "report", AclOperation.READ);
        acls.add(new AclBinding(ResourceType.GROUP, PatternType.LITERAL, "reporter", "User:reporter", "*",
                AclOperation.READ, AclPermission.ALLOW));
        groups.add(new ConsumerGroup("reporter", GroupState.STABLE, null, null, List.of(),
                List.of(new PartitionOffset("clean", 0, 90L, 100L, null))));
    }

    private void grant(String principal, String topic, AclOperation operation) {
        acls.add(new AclBinding(ResourceType.TOPIC, PatternType.LITERAL, topic, principal, "*", operation,
                AclPermission.ALLOW));
    }

    private LineageFacts facts() {
        List<DataProduct> products = new ArrayList<>(List.of(product("raw", 3), product("clean", 2),
                product("report", 1)));
        products.addAll(extraProducts);
        List<Topic> topics = products.stream().filter(p -> !Topic.isInternal(p.topic()))
                .map(p -> new Topic(p.topic(), null, 1, 1, Map.of())).toList();
        MeshContent content = new MeshContent(EnumSet.allOf(SourceKind.class), acls, topics, groups, products,
                services, List.of(), List.of(), hops);
        Snapshot snapshot = new Snapshot(1, Instant.parse("2024-05-01T12:00:00Z"), "c", Set.of(), "test");
        CatalogState state = new CatalogState("c", snapshot, Map.of(), content);
        return new LineageFacts(state, LineageGraph.build(state, LineageOptions.defaults()));
    }

    private static DataProduct product(String topic, int tier) {
        return new DataProduct(topic, topic, "c", null, "d", topic + "@x", null, tier, "gold", List.of(), null,
                Lifecycle.ACTIVE);
    }

    @Test
    void theWeakestTierAnywhereUpstreamIsFound() {
        assertThat(facts().summary("report").worstUpstreamTier()).isEqualTo(3);
        assertThat(facts().summary("clean").worstUpstreamTier()).isEqualTo(3);
    }

    @Test
    void aSourceProductHasNoUpstreamTier() {
        assertThat(facts().summary("raw").worstUpstreamTier()).isNull();
    }

    @Test
    void theLimitingPathRunsFromTheWeakestProductDownToTheTopic() {
        UpstreamTier upstream = facts().facts("report").worstUpstream();

        assertThat(upstream.tier()).isEqualTo(3);
        assertThat(upstream.path()).containsExactly("raw", "Cleaner", "clean", "Reporter", "report");
    }

    @Test
    void aWritingServiceWithAWeakerTierLimitsWhatItWrites() {
        grant("User:batch", "clean", AclOperation.WRITE);
        services.add(new ServiceInfo("User:batch", "Nightly batch", "batch@x", 4, false));

        UpstreamTier upstream = facts().facts("report").worstUpstream();

        assertThat(upstream.tier()).isEqualTo(4);
        assertThat(upstream.path()).containsExactly("Nightly batch", "clean", "Reporter", "report");
    }

    @Test
    void membersOfACycleSeeEachOthersTiers() {
        grant("User:loop", "report", AclOperation.READ);
        grant("User:loop", "raw", AclOperation.WRITE);

        assertThat(facts().summary("raw").worstUpstreamTier()).isEqualTo(3);
        assertThat(facts().summary("report").worstUpstreamTier()).isEqualTo(3);
    }

    @Test
    void consumersCarryServiceNamesEvidenceLagAndState() {
        List<ConsumerRow> consumers = facts().facts("clean").consumers();

        assertThat(consumers).singleElement().satisfies(c -> {
            assertThat(c.principal()).isEqualTo("User:reporter");
            assertThat(c.serviceName()).isEqualTo("Reporter");
            assertThat(c.owner()).isEqualTo("reports@x");
            assertThat(c.group()).isEqualTo("reporter");
            assertThat(c.evidence()).isEqualTo(Evidence.ACL_AND_GROUP);
            assertThat(c.lag()).isEqualTo(10L);
            assertThat(c.state()).isEqualTo(ConsumerState.LAGGING);
        });
    }

    @Test
    void aReaderWithoutAGroupHasNeverConsumed() {
        assertThat(facts().facts("report").consumers()).singleElement()
                .satisfies(c -> assertThat(c.state()).isEqualTo(ConsumerState.NEVER_CONSUMED));
    }

    @Test
    void producersComeFromWritePermissions() {
        assertThat(facts().facts("clean").producers()).singleElement().satisfies(p -> {
            assertThat(p.principal()).isEqualTo("User:cleaner");
            assertThat(p.serviceName()).isEqualTo("Cleaner");
            assertThat(p.evidence()).isEqualTo("ACL WRITE");
        });
    }

    @Test
    void upstreamAndDownstreamTopicsAreNearestFirst() {
        TopicFacts clean = facts().facts("clean");

        assertThat(clean.upstreamTopics()).containsExactly("raw");
        assertThat(clean.downstreamTopics()).containsExactly("report");
        assertThat(facts().facts("raw").downstreamTopics()).containsExactly("clean", "report");
    }

    @Test
    void theNewestRecordTimeComesFromRecordHops() {
        hops.add(new RecordHop("clean-0@41", "User:cleaner", Instant.parse("2024-05-01T11:00:00Z"), List.of()));
        hops.add(new RecordHop("clean-1@7", "User:cleaner", Instant.parse("2024-05-01T11:40:00Z"), List.of()));

        assertThat(facts().summary("clean").newestRecord()).isEqualTo(Instant.parse("2024-05-01T11:40:00Z"));
    }

    @Test
    void recordIdsNameTheirTopicBeforePartitionAndOffset() {
        assertThat(LineageFacts.topicOf("sales.orders-v2-3@1042")).isEqualTo("sales.orders-v2");
        assertThat(LineageFacts.topicOf("no-offset")).isNull();
    }

    @Test
    void aCatalogEntryOnAnInternalTopicChangesNoTier() {
        // the lineage leaves Kafka's internal topics out; an entry describing one caps nothing
        extraProducts.add(product("__consumer_offsets", 4));

        LineageFacts facts = facts();

        assertThat(facts.summary("report").worstUpstreamTier()).isEqualTo(3);
        assertThat(facts.summary("__consumer_offsets").consumers()).isZero();
    }

    @Test
    void aTopicOutsideTheGraphIsUnknown() {
        TopicFacts facts = facts().facts("nowhere");

        assertThat(facts.consumers()).isEmpty();
        assertThat(facts.worstUpstream()).isNull();
    }
}
