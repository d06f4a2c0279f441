package dev.meshlens.engine.diff;

import dev.meshlens.engine.change.MeshFixture;
import dev.meshlens.engine.lineage.ConsumerState;
import dev.meshlens.engine.lineage.EdgeKind;
import dev.meshlens.engine.lineage.LineageEdge;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.ServiceNode;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.Lifecycle;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.Topic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SnapshotDiffTest {

    private static SnapshotDiff diff(MeshFixture before, MeshFixture after) {
        return new SnapshotDiff(before.state(1), after.state(2));
    }

    private static DataProduct product(String name, String topic, String owner, Integer tier, List<String> tags,
                                       Lifecycle lifecycle) {
        return new DataProduct(name, topic, null, null, null, owner, null, tier, null, tags, null, lifecycle);
    }

    private static SchemaVersion schema(String subject, int version, String text, String compatibility) {
        return new SchemaVersion(subject, version, version, "AVRO", text, List.of(), compatibility);
    }

    @Test
    void identicalStatesHaveNoDifference() {
        MeshFixture mesh = new MeshFixture().topics("orders").reads("User:a", "orders").product("orders", "o", 1);

        assertThat(diff(mesh, mesh).isEmpty()).isTrue();
    }

    // --- products

    @Test
    void productsAddedAndRemovedAreListedByTopic() {
        SnapshotDiff diff = diff(new MeshFixture().product("b", "x", 1).product("old", "x", 1),
                new MeshFixture().product("b", "x", 1).product("new-2", "x", 1).product("new-1", "x", 1));

        assertThat(diff.products().added()).extracting(DataProduct::topic).containsExactly("new-1", "new-2");
        assertThat(diff.products().removed()).extracting(DataProduct::topic).containsExactly("old");
    }

    @Test
    void changedProductListsEachChangedFieldFromAndTo() {
        SnapshotDiff diff = diff(
                new MeshFixture().product(product("Orders", "orders", "team-a", 1, List.of("pii"), Lifecycle.ACTIVE)),
                new MeshFixture().product(product("Orders", "orders", "team-b", 2, List.of("pii"),
                        Lifecycle.DEPRECATED)));

        assertThat(diff.products().changed()).singleElement().satisfies(c -> {
            assertThat(c.after().topic()).isEqualTo("orders");
            assertThat(c.changes()).containsExactly(
                    Map.entry("owner", new FieldChange("team-a", "team-b")),
                    Map.entry("slaTier", new FieldChange(1, 2)),
                    Map.entry("lifecycle", new FieldChange("active", "deprecated")));
        });
    }

    @Test
    void tagsInAnotherOrderAreNoChange() {
        SnapshotDiff diff = diff(
                new MeshFixture().product(product(null, "orders", null, null, List.of("pii", "gold"), null)),
                new MeshFixture().product(product(null, "orders", null, null, List.of("gold", "pii"), null)));

        assertThat(diff.products().isEmpty()).isTrue();
    }

    @Test
    void renamedProductOfATopicIsAChangeOfName() {
        SnapshotDiff diff = diff(new MeshFixture().product(product("Orders", "orders", null, null, null, null)),
                new MeshFixture().product(product("All orders", "orders", null, null, null, null)));

        assertThat(diff.products().changed()).singleElement().extracting(Changed::changes)
                .isEqualTo(Map.of("name", new FieldChange("Orders", "All orders")));
    }

    @Test
    void topicWithSeveralEntriesMatchesThemByName() {
        SnapshotDiff diff = diff(new MeshFixture().product(product("A", "orders", null, null, null, null))
                        .product(product("B", "orders", null, null, null, null)),
                new MeshFixture().product(product("A", "orders", null, null, null, null))
                        .product(product("C", "orders", null, null, null, null)));

        assertThat(diff.products().added()).extracting(DataProduct::name).containsExactly("C");
        assertThat(diff.products().removed()).extracting(DataProduct::name).containsExactly("B");
        assertThat(diff.products().changed()).isEmpty();
    }

    // --- services and topics

    @Test
    void changedServiceListsOwnerAndProduction() {
        SnapshotDiff diff = diff(new MeshFixture().service(new ServiceInfo("User:a", "A", "x", 1, true)),
                new MeshFixture().service(new ServiceInfo("User:a", "A", "y", 1, false)));

        assertThat(diff.services().changed()).singleElement().extracting(Changed::changes)
                .isEqualTo(Map.of("owner", new FieldChange("x", "y"), "production", new FieldChange(true, false)));
    }

    @Test
    void recreatedTopicChangesItsIdAndPartitions() {
        SnapshotDiff diff = diff(new MeshFixture().topic(new Topic("orders", "id-1", 3, 1, Map.of())),
                new MeshFixture().topic(new Topic("orders", "id-2", 6, 1, Map.of())));

        assertThat(diff.topics().changed()).singleElement().extracting(Changed::changes).isEqualTo(Map.of(
                "topicId", new FieldChange("id-1", "id-2"), "partitions", new FieldChange(3, 6)));
    }

    // --- ACLs

    @Test
    void aclsAreAddedOrRemovedNeverChanged() {
        MeshFixture before = new MeshFixture().topics("orders").reads("User:a", "orders");
        MeshFixture after = new MeshFixture().topics("orders").reads("User:b", "orders");

        SectionDiff<AclBinding> acls = diff(before, after).acls();

        AclBinding a = new AclBinding(ResourceType.TOPIC, PatternType.LITERAL, "orders", "User:a", "*",
                AclOperation.READ, AclPermission.ALLOW);
        assertThat(acls.removed()).containsExactly(a);
        assertThat(acls.added()).extracting(AclBinding::principal).containsExactly("User:b");
        assertThat(acls.changed()).isEmpty();
    }

    // --- lineage edges

    @Test
    void newReaderIsAnAddedEdgeWithItsFacts() {
        SnapshotDiff diff = diff(new MeshFixture().topics("orders"),
                new MeshFixture().topics("orders").reads("User:a", "orders"));

        assertThat(diff.edges().added()).singleElement().satisfies(row -> {
            assertThat(row.edge()).isEqualTo(new LineageEdge(new ProductNode("orders"), new ServiceNode("User:a"),
                    EdgeKind.READ));
            assertThat(row.facts().state()).isEqualTo(ConsumerState.NEVER_CONSUMED);
        });
    }

    @Test
    void revokedWriterIsARemovedEdge() {
        SnapshotDiff diff = diff(new MeshFixture().topics("orders").writes("User:w", "orders"),
                new MeshFixture().topics("orders").service("User:w", null, null));

        assertThat(diff.edges().removed()).extracting(EdgeRow::edge).containsExactly(
                new LineageEdge(new ServiceNode("User:w"), new ProductNode("orders"), EdgeKind.WRITE));
    }

    @Test
    void readerThatStartedConsumingChangesEvidenceAndState() {
        MeshFixture before = new MeshFixture().topics("orders").reads("User:a", "orders").groupAcl("User:a", "g");
        MeshFixture after = new MeshFixture().topics("orders").reads("User:a", "orders").groupAcl("User:a", "g")
                .group("g", GroupState.STABLE, "orders", 10, 10);

        assertThat(diff(before, after).edges().changed()).singleElement().extracting(Changed::changes)
                .isEqualTo(Map.of("evidence", new FieldChange(List.of("acl"), List.of("acl", "group")),
                        "state", new FieldChange("never-consumed", "up-to-date")));
    }

    // --- consumers

    @Test
    void consumerRowListsStateAndLagFromAndTo() {
        MeshFixture before = new MeshFixture().topics("orders").reads("User:a", "orders").groupAcl("User:a", "g")
                .group("g", GroupState.STABLE, "orders", 10, 10);
        MeshFixture after = new MeshFixture().topics("orders").reads("User:a", "orders").groupAcl("User:a", "g")
                .group("g", GroupState.EMPTY, "orders", 10, 25);

        SectionDiff<ConsumerRow> consumers = diff(before, after).consumers();

        assertThat(consumers.changed()).singleElement().satisfies(c -> {
            assertThat(c.after().topic()).isEqualTo("orders");
            assertThat(c.after().consumer().group()).isEqualTo("g");
            assertThat(c.changes()).containsExactly(Map.entry("state", new FieldChange("up-to-date", "stopped")),
                    Map.entry("lag", new FieldChange(0L, 15L)));
        });
    }

    @Test
    void consumerRowOfANewGroupIsAddedAndTheGrouplessRowRemoved() {
        MeshFixture before = new MeshFixture().topics("orders").reads("User:a", "orders").groupAcl("User:a", "g");
        MeshFixture after = new MeshFixture().topics("orders").reads("User:a", "orders").groupAcl("User:a", "g")
                .group("g", GroupState.STABLE, "orders", 1, 1);

        SectionDiff<ConsumerRow> consumers = diff(before, after).consumers();

        assertThat(consumers.added()).extracting(c -> c.consumer().group()).containsExactly("g");
        assertThat(consumers.removed()).extracting(c -> c.consumer().principal(), c -> c.consumer().group())
                .containsExactly(tuple("User:a", null));
    }

    // --- tiers

    @Test
    void tiersListProductsThenServicesWhoseTierChanged() {
        MeshFixture before = new MeshFixture().product("orders", null, 1).product("same", null, 2)
                .service("User:b", null, null).service("User:a", null, 2);
        MeshFixture after = new MeshFixture().product("orders", null, 2).product("same", null, 2)
                .product("added", null, 1).service("User:b", null, 3).service("User:a", null, 1);

        assertThat(diff(before, after).tiers()).containsExactly(new TierChange("product", "orders", 1, 2),
                new TierChange("service", "User:a", 2, 1), new TierChange("service", "User:b", null, 3));
    }

    @Test
    void largerTierNumberIsAWeakerPromise() {
        assertThat(new TierChange("product", "orders", 1, 2).isWeaker()).isTrue();
        assertThat(new TierChange("product", "orders", 2, 1).isWeaker()).isFalse();
    }

    // --- schemas

    @Test
    void schemaVersionsAddedAndRemovedBySubjectAndVersion() {
        SnapshotDiff diff = diff(new MeshFixture().schema(schema("a-value", 1, "\"string\"", null)),
                new MeshFixture().schema(schema("a-value", 2, "\"string\"", null))
                        .schema(schema("b-value", 1, "\"long\"", null)));

        assertThat(diff.schemas().added()).extracting(SchemaVersion::subject, SchemaVersion::version)
                .containsExactly(tuple("a-value", 2), tuple("b-value", 1));
        assertThat(diff.schemas().removed()).extracting(SchemaVersion::subject, SchemaVersion::version)
                .containsExactly(tuple("a-value", 1));
    }

    @Test
    void changedSchemaTextIsReportedAsFingerprints() {
        SnapshotDiff diff = diff(new MeshFixture().schema(schema("a-value", 1, "\"string\"", "BACKWARD")),
                new MeshFixture().schema(schema("a-value", 1, "\"long\"", "FULL")));

        assertThat(diff.schemas().changed()).singleElement().extracting(Changed::changes).isEqualTo(Map.of(
                "schema", new FieldChange(SnapshotDiff.fingerprint("\"string\""), SnapshotDiff.fingerprint("\"long\"")),
                "compatibility", new FieldChange("BACKWARD", "FULL")));
    }

    @Test
    void fingerprintIsSha256Prefixed() {
        assertThat(SnapshotDiff.fingerprint("abc")).isEqualTo("sha256:ba7816bf8f01cfea");
    }
}
