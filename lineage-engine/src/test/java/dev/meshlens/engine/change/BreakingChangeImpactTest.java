package dev.meshlens.engine.change;

import dev.meshlens.engine.lineage.ConsumerState;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.schema.CompatibilityMode;
import dev.meshlens.engine.schema.Incompatibility;
import dev.meshlens.engine.schema.SchemaType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class BreakingChangeImpactTest {
    static final String V1 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    static final String V2 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
            + "{\"name\":\"amount\",\"type\":\"long\",\"default\":0}]}";
    /** Adds a field without a default: new readers cannot read old data. */
    static final String BREAKING = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"long\",\"default\":0},"
            + "{\"name\":\"currency\",\"type\":\"string\"}]}";
    /** Adds a field with a default. */
    static final String SAFE = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"long\",\"default\":0},"
            + "{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}]}";

    private static DataProduct product(String topic, String owner, Integer tier, String schemaUri) {
        return new DataProduct(null, topic, null, null, null, owner, null, tier, null, List.of(), schemaUri, null);
    }

    /** orders -> billing (lagging) -> invoices -> ledger service -> ledger; audit reads orders, never consumed. */
    static MeshFixture mesh() {
        return new MeshFixture().topics("orders", "invoices", "ledger")
                .product(product("orders", "team-orders", 1, "registry:orders-value"))
                .product("invoices", "team-billing", 2).product("ledger", "finance", 1)
                .reads("User:billing", "orders").writes("User:billing", "invoices")
                .groupAcl("User:billing", "billing-app").group("billing-app", GroupState.STABLE, "orders", 90, 100)
                .reads("User:audit", "orders")
                .reads("User:ledger", "invoices").writes("User:ledger", "ledger")
                .service("User:billing", "team-billing", 2).service("User:audit", "audit-team", 3)
                .service("User:ledger", "finance", 1)
                .schema(new SchemaVersion("orders-value", 1, 11, "AVRO", V1, List.of(), null))
                .schema(new SchemaVersion("orders-value", 2, 12, "AVRO", V2, List.of(), "BACKWARD"));
    }

    private static BreakingChangeImpact impact(MeshFixture mesh) {
        return new BreakingChangeImpact(mesh.state(), mesh.graph());
    }

    private static ProposedSchema avro(String text) {
        return new ProposedSchema("orders-v3.avsc", SchemaType.AVRO, text);
    }

    // --- subject

    @Test
    void subjectIsTheOneTheCatalogEntryNames() {
        MeshFixture mesh = new MeshFixture().topics("orders").product(product("orders", null, null, "registry:shop.Order"));

        assertThat(impact(mesh).subjectOf("orders")).isEqualTo("shop.Order");
    }

    @Test
    void subjectIsReadFromARegistryUrl() {
        MeshFixture mesh = new MeshFixture().topics("orders")
                .product(product("orders", null, null, "https://registry/subjects/orders%2Dv1-value/versions/latest"));

        assertThat(impact(mesh).subjectOf("orders")).isEqualTo("orders-v1-value");
    }

    @Test
    void subjectDefaultsToTheTopicsValueSubject() {
        MeshFixture mesh = new MeshFixture().topics("orders").product(product("orders", null, null, "s3://bucket/x"));

        assertThat(impact(mesh).subjectOf("orders")).isEqualTo("orders-value");
    }

    // --- judgement

    @Test
    void fieldWithDefaultIsCompatible() {
        ChangeImpact result = impact(mesh()).assess("orders", avro(SAFE), null);

        assertThat(result.verdict()).isEqualTo(ChangeImpact.Verdict.COMPATIBLE);
        assertThat(result.compatibility().mode()).isEqualTo("BACKWARD");
        assertThat(result.registeredVersions()).containsExactly(1, 2);
    }

    @Test
    void fieldWithoutDefaultIsIncompatibleWithTheLatestVersion() {
        ChangeImpact result = impact(mesh()).assess("orders", avro(BREAKING), null);

        assertThat(result.verdict()).isEqualTo(ChangeImpact.Verdict.INCOMPATIBLE);
        assertThat(result.compatibility().problems())
                .extracting(Incompatibility::againstVersion, Incompatibility::fieldPath, Incompatibility::kind)
                .containsExactly(tuple(2, "currency", "READER_FIELD_MISSING_DEFAULT_VALUE"));
    }

    @Test
    void givenModeWinsOverTheSubjectsLevel() {
        ChangeImpact result = impact(mesh()).assess("orders", avro(BREAKING), CompatibilityMode.NONE);

        assertThat(result.verdict()).isEqualTo(ChangeImpact.Verdict.COMPATIBLE);
        assertThat(result.compatibility().mode()).isEqualTo("NONE");
    }

    @Test
    void protobufIsNotJudged() {
        String proto = "syntax = \"proto3\";\nmessage Order {\n  string id = 1;\n}\n";
        MeshFixture mesh = new MeshFixture().topics("orders")
                .schema(new SchemaVersion("orders-value", 1, 1, "PROTOBUF", proto, List.of(), null));

        ChangeImpact result = impact(mesh).assess("orders",
                new ProposedSchema("order.proto", SchemaType.PROTOBUF, proto), null);

        assertThat(result.verdict()).isEqualTo(ChangeImpact.Verdict.NOT_JUDGED);
        assertThat(result.compatibility().compatible()).isFalse();
    }

    @Test
    void subjectWithoutVersionsHasNothingRegistered() {
        MeshFixture mesh = new MeshFixture().topics("orders");

        ChangeImpact result = impact(mesh).assess("orders", avro(BREAKING), null);

        assertThat(result.verdict()).isEqualTo(ChangeImpact.Verdict.NOTHING_REGISTERED);
        assertThat(result.registeredVersions()).isEmpty();
        assertThat(result.compatibility().compatible()).isTrue();
    }

    @Test
    void unparsableProposalNamesItsFileAndLine() {
        assertThatThrownBy(() -> impact(mesh()).assess("orders", avro("{\n\"type\": \"record\",\n\"name\": }"), null))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("orders-v3.avsc:3: not valid JSON");
    }

    @Test
    void unknownProductIsRefused() {
        assertThatThrownBy(() -> impact(mesh()).assess("nope", avro(SAFE), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no product 'nope' in cluster test");
    }

    // --- who depends on it

    @Test
    void directConsumersCarryStateLagOwnerAndTierStrongestTierFirst() {
        assertThat(impact(mesh()).directConsumers("orders")).containsExactly(
                new AffectedConsumer("User:billing", "billing-app", ConsumerState.LAGGING, 10L, "team-billing", 2),
                new AffectedConsumer("User:audit", null, ConsumerState.NEVER_CONSUMED, null, "audit-team", 3));
    }

    @Test
    void downstreamListsEveryTransitiveProductAndServiceByTierThenName() {
        assertThat(impact(mesh()).downstream("orders")).containsExactly(
                new AffectedNode("service", "User:ledger", "finance", 1, 3),
                new AffectedNode("product", "ledger", "finance", 1, 4),
                new AffectedNode("service", "User:billing", "team-billing", 2, 1),
                new AffectedNode("product", "invoices", "team-billing", 2, 2),
                new AffectedNode("service", "User:audit", "audit-team", 3, 1));
    }

    @Test
    void nodesWithoutATierComeLast() {
        MeshFixture mesh = new MeshFixture().topics("orders").reads("User:a", "orders").reads("User:b", "orders")
                .service("User:b", null, 4);

        assertThat(impact(mesh).downstream("orders")).extracting(AffectedNode::name)
                .containsExactly("User:b", "User:a");
    }

    @Test
    void assessAcceptsTheCatalogNameOfTheProduct() {
        MeshFixture mesh = new MeshFixture().topics("orders.v1")
                .product(new DataProduct("Orders", "orders.v1", null, null, null, null, null, null, null, null, null,
                        null));

        assertThat(impact(mesh).assess("Orders", avro(SAFE), null).product()).isEqualTo("orders.v1");
    }

    // --- people to notify

    @Test
    void notificationsHaveOneRowPerOwnerAndNodeGroupedByOwner() {
        List<Notification> rows = impact(mesh()).assess("orders", avro(BREAKING), null).notifications();

        assertThat(rows).containsExactly(
                new Notification("audit-team", "service", "User:audit", 3, 1,
                        "reads orders directly (no group: never-consumed)"),
                new Notification("finance", "service", "User:ledger", 1, 3, "reads data derived from orders (depth 3)"),
                new Notification("finance", "product", "ledger", 1, 4, "derived from orders (depth 4)"),
                new Notification("team-billing", "service", "User:billing", 2, 1,
                        "reads orders directly (group billing-app: lagging, lag 10)"),
                new Notification("team-billing", "product", "invoices", 2, 2, "derived from orders (depth 2)"));
    }

    @Test
    void ownersDifferingOnlyInCaseAndSpacesAreOneOwner() {
        MeshFixture mesh = new MeshFixture().topics("orders", "out").reads("User:a", "orders").writes("User:a", "out")
                .service("User:a", "Team-A@shop", 2).product("out", " team-a@shop ", 2);

        assertThat(impact(mesh).assess("orders", avro(SAFE), null).notifications())
                .extracting(Notification::owner).containsExactly("Team-A@shop", "Team-A@shop");
    }

    @Test
    void consumerWithSeveralGroupsIsOneRowNamingEachGroup() {
        MeshFixture mesh = new MeshFixture().topics("orders").reads("User:a", "orders")
                .groupAcl("User:a", "g1").groupAcl("User:a", "g2")
                .group("g1", GroupState.STABLE, "orders", 5, 5).group("g2", GroupState.EMPTY, "orders", 1, 5);

        assertThat(impact(mesh).assess("orders", avro(SAFE), null).notifications())
                .extracting(Notification::name, Notification::reason)
                .containsExactly(tuple("User:a", "reads orders directly (group g1: up-to-date, lag 0; group g2: "
                        + "stopped, lag 4)"));
    }

    @Test
    void groupWithoutAPrincipalIsNotifiedWithoutAnOwner() {
        MeshFixture mesh = new MeshFixture().topics("orders").group("mystery", GroupState.STABLE, "orders", 5, 5);

        assertThat(impact(mesh).assess("orders", avro(SAFE), null).notifications()).containsExactly(
                new Notification(null, "group", "mystery", null, 1,
                        "reads orders directly (group mystery: unauthorized, lag 0)"));
    }
}
