package dev.meshlens.engine.lineage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshlens.engine.acl.HostScope;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.PatternType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.meshlens.engine.model.AclOperation.READ;
import static dev.meshlens.engine.model.AclOperation.WRITE;
import static dev.meshlens.engine.model.PatternType.LITERAL;
import static dev.meshlens.engine.model.PatternType.PREFIXED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineageGraphTest {

    private static final String INGEST = "User:ingest";
    private static final String BILLING = "User:billing";
    private static final String AUDIT = "User:audit";

    private static LineageEdge write(String principal, String topic) {
        return new LineageEdge(new ServiceNode(principal), new ProductNode(topic), EdgeKind.WRITE);
    }

    private static LineageEdge read(String topic, String principal) {
        return new LineageEdge(new ProductNode(topic), new ServiceNode(principal), EdgeKind.READ);
    }

    private static LineageEdge readByGroup(String topic, String groupId) {
        return new LineageEdge(new ProductNode(topic), new GroupNode(groupId), EdgeKind.READ);
    }

    // --- writers and readers from ACLs

    @Test
    void literalWriteAclMakesAWriteEdge() {
        LineageGraph lineage = new Mesh().topics("orders").writes(INGEST, "orders").build();

        assertThat(lineage.graph().edgeSet()).containsExactly(write(INGEST, "orders"));
        assertThat(lineage.facts(write(INGEST, "orders")))
                .isEqualTo(new EdgeFacts(List.of("acl"), null, null, List.of(), HostScope.any()));
    }

    @Test
    void prefixedWriteAclReachesOnlyTopicsWithThePrefix() {
        LineageGraph lineage = new Mesh().topics("orders", "orders-eu", "orders-us", "payments")
                .allow(INGEST, WRITE, PREFIXED, "orders-").build();

        assertThat(lineage.graph().edgeSet()).containsExactlyInAnyOrder(write(INGEST, "orders-eu"),
                write(INGEST, "orders-us"));
    }

    @Test
    void wildcardReadAclReachesEveryTopic() {
        LineageGraph lineage = new Mesh().topics("a", "b").allow(AUDIT, READ, LITERAL, "*").build();

        assertThat(lineage.graph().edgeSet()).containsExactlyInAnyOrder(read("a", AUDIT), read("b", AUDIT));
    }

    @Test
    void wildcardPrincipalGrantsEveryKnownPrincipalAndIsNoService() {
        LineageGraph lineage = new Mesh().topics("a").service(BILLING).writes(INGEST, "other")
                .reads("User:*", "a").build();

        assertThat(lineage.services()).containsExactly(new ServiceNode(BILLING), new ServiceNode(INGEST));
        assertThat(lineage.graph().incomingEdgesOf(new ServiceNode(BILLING))).containsExactly(read("a", BILLING));
        assertThat(lineage.graph().incomingEdgesOf(new ServiceNode(INGEST))).containsExactly(read("a", INGEST));
    }

    @Test
    void denyRemovesTheEdge() {
        LineageGraph lineage = new Mesh().topics("orders-eu", "orders-us").allow(BILLING, READ, PREFIXED, "orders-")
                .deny(BILLING, READ, LITERAL, "orders-us").build();

        assertThat(lineage.graph().edgeSet()).containsExactly(read("orders-eu", BILLING));
    }

    @Test
    void hostRestrictionIsKeptOnTheEdge() {
        LineageGraph lineage = new Mesh().topics("orders").allowFrom("10.0.0.5", BILLING, READ, "orders").build();

        assertThat(lineage.facts(read("orders", BILLING)).hosts().labels()).containsExactly("10.0.0.5");
    }

    @Test
    void denyFromOneHostLeavesTheEdgeWithThatHostExcluded() {
        LineageGraph lineage = new Mesh().topics("orders").reads(BILLING, "orders")
                .acl(dev.meshlens.engine.model.ResourceType.TOPIC, LITERAL, "orders", BILLING, "10.0.0.9", READ,
                        dev.meshlens.engine.model.AclPermission.DENY).build();

        assertThat(lineage.facts(read("orders", BILLING)).hosts().labels()).containsExactly("*", "!10.0.0.9");
    }

    @Test
    void describeOnlyAclMakesNoEdge() {
        LineageGraph lineage = new Mesh().topics("orders").allow(BILLING, AclOperation.DESCRIBE, LITERAL, "orders")
                .build();

        assertThat(lineage.graph().edgeSet()).isEmpty();
    }

    // --- consumer states

    @Test
    void activeGroupWithinThresholdIsUpToDate() {
        LineageGraph lineage = new Mesh().topics("orders").reads(BILLING, "orders")
                .groupAcl(BILLING, LITERAL, "billing-app").group("billing-app", GroupState.STABLE, "orders", 100, 100)
                .build();

        assertThat(lineage.facts(read("orders", BILLING))).isEqualTo(new EdgeFacts(List.of("acl", "group"),
                ConsumerState.UP_TO_DATE, 0L, List.of("billing-app"), HostScope.any()));
    }

    @Test
    void activeGroupAboveThresholdIsLagging() {
        LineageGraph lineage = new Mesh().topics("orders").reads(BILLING, "orders")
                .groupAcl(BILLING, LITERAL, "billing-app").group("billing-app", GroupState.STABLE, "orders", 88, 100)
                .build();

        EdgeFacts facts = lineage.facts(read("orders", BILLING));
        assertThat(facts.state()).isEqualTo(ConsumerState.LAGGING);
        assertThat(facts.lag()).isEqualTo(12L);
    }

    @Test
    void lagAtTheConfiguredThresholdIsUpToDate() {
        LineageGraph lineage = new Mesh().topics("orders").reads(BILLING, "orders")
                .groupAcl(BILLING, LITERAL, "billing-app").group("billing-app", GroupState.STABLE, "orders", 88, 100)
                .build(12);

        assertThat(lineage.facts(read("orders", BILLING)).state()).isEqualTo(ConsumerState.UP_TO_DATE);
    }

    @Test
    void inactiveGroupIsStopped() {
        LineageGraph lineage = new Mesh().topics("orders").reads(BILLING, "orders")
                .groupAcl(BILLING, LITERAL, "billing-app").group("billing-app", GroupState.EMPTY, "orders", 50, 100)
                .build();

        EdgeFacts facts = lineage.facts(read("orders", BILLING));
        assertThat(facts.state()).isEqualTo(ConsumerState.STOPPED);
        assertThat(facts.lag()).isEqualTo(50L);
    }

    @Test
    void readAclWithoutGroupIsNeverConsumed() {
        LineageGraph lineage = new Mesh().topics("orders").reads(BILLING, "orders").build();

        assertThat(lineage.facts(read("orders", BILLING))).isEqualTo(new EdgeFacts(List.of("acl"),
                ConsumerState.NEVER_CONSUMED, null, List.of(), HostScope.any()));
    }

    @Test
    void groupWithOnlyAnAssignedPartitionConsumes() {
        LineageGraph lineage = new Mesh().topics("orders").reads(BILLING, "orders")
                .groupAcl(BILLING, LITERAL, "billing-app").assignedGroup("billing-app", "orders").build();

        EdgeFacts facts = lineage.facts(read("orders", BILLING));
        assertThat(facts.state()).isEqualTo(ConsumerState.UP_TO_DATE);
        assertThat(facts.lag()).isNull();
    }

    @Test
    void mostAliveGroupDecidesTheEdgeState() {
        LineageGraph lineage = new Mesh().topics("orders").reads(BILLING, "orders")
                .groupAcl(BILLING, PREFIXED, "billing-")
                .group("billing-old", GroupState.DEAD, "orders", 10, 100)
                .group("billing-new", GroupState.STABLE, "orders", 97, 100).build();

        EdgeFacts facts = lineage.facts(read("orders", BILLING));
        assertThat(facts.state()).isEqualTo(ConsumerState.LAGGING);
        assertThat(facts.lag()).isEqualTo(3L);
        assertThat(facts.groups()).containsExactly("billing-new", "billing-old");
    }

    @Test
    void consumersListsEveryGroupOfAPrincipalWithItsOwnState() {
        LineageGraph lineage = new Mesh().topics("orders").reads(BILLING, "orders")
                .groupAcl(BILLING, PREFIXED, "billing-")
                .group("billing-old", GroupState.DEAD, "orders", 10, 100)
                .group("billing-new", GroupState.STABLE, "orders", 100, 100).build();

        assertThat(lineage.consumers("orders")).containsExactly(
                new ConsumerDetail(BILLING, "billing-new", List.of("acl", "group"), 0L, ConsumerState.UP_TO_DATE),
                new ConsumerDetail(BILLING, "billing-old", List.of("acl", "group"), 90L, ConsumerState.STOPPED));
    }

    @Test
    void farBehindWithoutAPreviousSnapshotIsLaggingNotReplaying() {
        LineageGraph lineage = new Mesh().topics("orders").reads(BILLING, "orders")
                .groupAcl(BILLING, LITERAL, "billing-app").group("billing-app", GroupState.STABLE, "orders", 0, 1_000_000)
                .build();
        assertThat(lineage.facts(read("orders", BILLING)).state()).isEqualTo(ConsumerState.LAGGING);
    }

    // --- group to principal

    @Test
    void groupMapsToPrincipalThroughPrefixedGroupAcl() {
        LineageGraph lineage = new Mesh().topics("invoices").reads(BILLING, "invoices").reads(AUDIT, "invoices")
                .groupAcl(BILLING, PREFIXED, "billing-").group("billing-app", GroupState.STABLE, "invoices", 5, 5)
                .build();

        assertThat(lineage.consumers("invoices")).containsExactly(
                new ConsumerDetail(AUDIT, null, List.of("acl"), null, ConsumerState.NEVER_CONSUMED),
                new ConsumerDetail(BILLING, "billing-app", List.of("acl", "group"), 0L, ConsumerState.UP_TO_DATE));
    }

    @Test
    void explicitMappingOverridesGroupAclInference() {
        LineageGraph lineage = new Mesh().topics("invoices").reads(BILLING, "invoices").reads(AUDIT, "invoices")
                .groupAcl(BILLING, LITERAL, "shared-app").mapping("shared-app", AUDIT)
                .group("shared-app", GroupState.STABLE, "invoices", 5, 5).build();

        assertThat(lineage.facts(read("invoices", AUDIT)).groups()).containsExactly("shared-app");
        assertThat(lineage.facts(read("invoices", BILLING)).state()).isEqualTo(ConsumerState.NEVER_CONSUMED);
    }

    @Test
    void mostSpecificGroupAclPicksThePrincipal() {
        LineageGraph lineage = new Mesh().topics("invoices").reads(BILLING, "invoices").reads(AUDIT, "invoices")
                .groupAcl(AUDIT, LITERAL, "*").groupAcl(BILLING, PREFIXED, "bill")
                .group("billing-app", GroupState.STABLE, "invoices", 5, 5).build();

        assertThat(lineage.facts(read("invoices", BILLING)).groups()).containsExactly("billing-app");
        assertThat(lineage.facts(read("invoices", AUDIT)).groups()).isEmpty();
    }

    @Test
    void longerPrefixGroupAclWinsOverShorter() {
        LineageGraph lineage = new Mesh().topics("invoices").reads(BILLING, "invoices").reads(AUDIT, "invoices")
                .groupAcl(AUDIT, PREFIXED, "bill").groupAcl(BILLING, PREFIXED, "billing-")
                .group("billing-app", GroupState.STABLE, "invoices", 5, 5).build();

        assertThat(lineage.facts(read("invoices", BILLING)).groups()).containsExactly("billing-app");
    }

    @Test
    void onlyPrincipalsThatMayReadTheTopicAreCandidates() {
        LineageGraph lineage = new Mesh().topics("invoices").reads(AUDIT, "invoices")
                .groupAcl(BILLING, LITERAL, "app").groupAcl(AUDIT, LITERAL, "*")
                .group("app", GroupState.STABLE, "invoices", 5, 5).build();

        assertThat(lineage.facts(read("invoices", AUDIT)).groups()).containsExactly("app");
    }

    @Test
    void tiedCandidatesLeaveTheGroupAsItsOwnConsumer() {
        LineageGraph lineage = new Mesh().topics("invoices").reads(BILLING, "invoices").reads(AUDIT, "invoices")
                .groupAcl(BILLING, LITERAL, "shared").groupAcl(AUDIT, LITERAL, "shared")
                .group("shared", GroupState.STABLE, "invoices", 5, 5).build();

        assertThat(lineage.groups()).containsExactly(new GroupNode("shared"));
        assertThat(lineage.facts(readByGroup("invoices", "shared"))).isEqualTo(new EdgeFacts(List.of("group"),
                ConsumerState.UP_TO_DATE, 0L, List.of("shared"), HostScope.none()));
        assertThat(lineage.facts(read("invoices", BILLING)).state()).isEqualTo(ConsumerState.NEVER_CONSUMED);
    }

    @Test
    void groupWithNoPrincipalIsAnUnauthorizedGroupNode() {
        LineageGraph lineage = new Mesh().topics("invoices").group("rogue", GroupState.STABLE, "invoices", 5, 5)
                .build();

        assertThat(lineage.graph().edgeSet()).containsExactly(readByGroup("invoices", "rogue"));
        assertThat(lineage.consumers("invoices")).containsExactly(
                new ConsumerDetail(null, "rogue", List.of("group"), 0L, ConsumerState.UNAUTHORIZED));
    }

    @Test
    void mappedPrincipalWithoutReadIsAnUnauthorizedServiceEdge() {
        LineageGraph lineage = new Mesh().topics("invoices").mapping("sneaky-app", BILLING)
                .group("sneaky-app", GroupState.STABLE, "invoices", 1, 5).build();

        assertThat(lineage.facts(read("invoices", BILLING))).isEqualTo(new EdgeFacts(List.of("group"),
                ConsumerState.UNAUTHORIZED, 4L, List.of("sneaky-app"), HostScope.none()));
    }

    @Test
    void groupAclPrincipalWithoutTopicReadIsAnUnauthorizedServiceEdge() {
        LineageGraph lineage = new Mesh().topics("invoices").groupAcl(BILLING, LITERAL, "billing-app")
                .group("billing-app", GroupState.STABLE, "invoices", 5, 5).build();

        assertThat(lineage.facts(read("invoices", BILLING)).state()).isEqualTo(ConsumerState.UNAUTHORIZED);
        assertThat(lineage.groups()).isEmpty();
    }

    // --- universe, lookups, product edges

    @Test
    void topicUniverseJoinsEverySource() {
        LineageGraph lineage = new Mesh().topics("from-topics").reads(BILLING, "from-acl")
                .allow(BILLING, READ, PREFIXED, "not-a-topic-").group("g", GroupState.STABLE, "from-group", 1, 1)
                .product("Orders", "from-catalog").build();

        assertThat(lineage.products()).extracting(ProductNode::topic)
                .containsExactly("from-acl", "from-catalog", "from-group", "from-topics");
    }

    @Test
    void principalUniverseJoinsAclsServicesAndMappings() {
        LineageGraph lineage = new Mesh().reads(BILLING, "t").service("User:declared").mapping("g", "User:mapped")
                .reads("User:*", "t").build();

        assertThat(lineage.services()).extracting(ServiceNode::principal)
                .containsExactly(BILLING, "User:declared", "User:mapped");
    }

    @Test
    void productIsFoundByCatalogNameOrTopic() {
        LineageGraph lineage = new Mesh().product("Customer orders", "orders.v1").build();

        assertThat(lineage.findProduct("Customer orders")).contains(new ProductNode("orders.v1"));
        assertThat(lineage.findProduct("orders.v1")).contains(new ProductNode("orders.v1"));
        assertThat(lineage.findProduct("nope")).isEmpty();
    }

    @Test
    void producersListsWritersWithHosts() {
        LineageGraph lineage = new Mesh().topics("orders").writes(INGEST, "orders")
                .allowFrom("10.0.0.5", BILLING, WRITE, "orders").build();

        assertThat(lineage.producers("orders")).containsExactly(
                new ProducerDetail(BILLING, List.of("acl"), HostScope.resolve(List.of("10.0.0.5"), List.of())),
                new ProducerDetail(INGEST, List.of("acl"), HostScope.any()));
    }

    @Test
    void productEdgesConnectWhatAServiceReadsToWhatItWrites() {
        LineageGraph lineage = new Mesh().topics("raw", "clean", "other").reads("User:enrich", "raw")
                .writes("User:enrich", "clean").reads("User:enrich2", "raw").writes("User:enrich2", "clean")
                .writes(INGEST, "raw").reads(AUDIT, "clean").build();

        assertThat(lineage.productEdges()).containsExactly(new ProductEdge(new ProductNode("raw"),
                new ProductNode("clean"), List.of(new ServiceNode("User:enrich"), new ServiceNode("User:enrich2"))));
    }

    @Test
    void serviceReadingAndWritingOneTopicAddsNoProductEdge() {
        LineageGraph lineage = new Mesh().topics("state").reads("User:app", "state").writes("User:app", "state")
                .build();

        assertThat(lineage.productEdges()).isEmpty();
    }

    @Test
    void graphViewIsUnmodifiable() {
        LineageGraph lineage = new Mesh().topics("orders").build();

        assertThatThrownBy(() -> lineage.graph().addVertex(new ProductNode("x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void factsOfAnUnknownEdgeAreRejected() {
        LineageGraph lineage = new Mesh().topics("orders").build();

        assertThatThrownBy(() -> lineage.facts(read("orders", BILLING))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void consumerDetailSerializesToTheCliJsonShape() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ConsumerDetail row = new ConsumerDetail("User:x", null, List.of("acl", "group"), 12L, ConsumerState.LAGGING);

        assertThat(json.readTree(json.writeValueAsString(row))).isEqualTo(json.readTree(
                "{\"principal\":\"User:x\",\"group\":null,\"evidence\":[\"acl\",\"group\"],\"lag\":12,"
                        + "\"state\":\"lagging\"}"));
    }

    @Test
    void buildResolvesTenThousandTopicsAndHundredThousandAcls() {
        Mesh mesh = new Mesh();
        for (int t = 0; t < 10_000; t++) {
            mesh.topics("domain" + (t % 100) + ".topic-" + t);
        }
        // 1,000 services, each with ~100 bindings: literal reads and writes, a few prefixed reads, GROUP ACLs.
        for (int s = 0; s < 1_000; s++) {
            String principal = "User:svc-" + s;
            for (int i = 0; i < 45; i++) {
                int t = (s * 7 + i * 13) % 10_000;
                mesh.reads(principal, "domain" + (t % 100) + ".topic-" + t);
                mesh.writes(principal, "domain" + ((t + 1) % 100) + ".topic-" + ((t + 1) % 10_000));
            }
            mesh.allow(principal, READ, PREFIXED, "domain" + (s % 100) + ".topic-" + (s % 10));
            mesh.deny(principal, READ, LITERAL, "domain" + (s % 100) + ".topic-" + s);
            mesh.groupAcl(principal, PREFIXED, "svc-" + s + "-");
            mesh.groupAcl(principal, LITERAL, "svc-" + s + "-main");
            for (int i = 0; i < 5; i++) {
                int t = (s * 7 + i * 13) % 10_000;
                mesh.group("svc-" + s + "-g" + i, GroupState.STABLE, "domain" + (t % 100) + ".topic-" + t, 5, 10);
            }
        }
        mesh.reads("User:*", "domain0.topic-0");

        LineageGraph lineage = mesh.build();

        assertThat(lineage.products()).hasSize(10_000);
        assertThat(lineage.graph().edgeSet().size()).isGreaterThan(90_000);
    }
}
