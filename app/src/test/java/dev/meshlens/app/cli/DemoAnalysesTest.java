package dev.meshlens.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every analysis shows something real on the bundled demo mesh, as the demo was designed: tier violations, a
 * breaking schema proposal, unused permissions and a revoked grant, PII reach, a join in record lineage and a
 * day of changes.
 */
class DemoAnalysesTest {
    private static final String PROPOSED_V3 = "../resources/src/main/resources/dev/meshlens/demo/schemas/proposed/"
            + "sales.orders.placed-value.v3.avsc";

    @TempDir
    static Path dir;
    static Path catalog;

    @BeforeAll
    static void loadTheDemo() {
        catalog = dir.resolve("demo");
        CliRun loaded = CliRun.meshlens(catalog, "demo", "--no-window");
        assertThat(loaded.exitCode).as(loaded.toString()).isZero();
    }

    private static CliRun json(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--format", "json"));
        return CliRun.meshlens(catalog, all.toArray(String[]::new));
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    @Test
    void theKpiFeedPromisesTierOneButDailySalesCapsItAtThree() {
        CliRun tiers = json("tiers");

        assertThat(tiers.exitCode).isEqualTo(MeshlensCli.EXIT_FINDINGS);
        JsonNode kpi = list(tiers.json().get("violations")).stream()
                .filter(v -> v.get("name").asText().equals("analytics.kpi.dashboard")).findFirst().orElseThrow();
        assertThat(kpi.get("declaredTier").asInt()).isEqualTo(1);
        assertThat(kpi.get("cappedAt").asInt()).isEqualTo(3);
        assertThat(list(kpi.get("path")).stream().map(JsonNode::asText))
                .containsExactly("analytics.kpi.dashboard", "User:kpi-svc", "analytics.sales.daily");
    }

    @Test
    void theProposedOrdersSchemaBreaksBackwardCompatibilityAndNamesItsFieldsAndConsumers() {
        CliRun change = json("change", "sales.orders.placed", "--schema", PROPOSED_V3);

        assertThat(change.exitCode).as(change.toString()).isEqualTo(MeshlensCli.EXIT_FINDINGS);
        JsonNode report = change.json();
        assertThat(report.get("compatible").asBoolean()).isFalse();
        assertThat(list(report.get("problems")).stream().map(p -> p.get("fieldPath").asText()))
                .contains("sales_channel", "shipping_address.country");
        assertThat(list(report.get("directConsumers")).stream().map(c -> c.get("principal").asText()))
                .contains("User:order-validator");
        assertThat(list(report.get("downstream")).stream().map(n -> n.get("name").asText()))
                .contains("payments.ledger.entries", "analytics.kpi.dashboard");
    }

    @Test
    void reconcileFindsTheRevokedGrantTheUnregisteredStreamAndTheDeprecatedProductInUse() {
        JsonNode report = json("reconcile").json();

        assertThat(list(report.get("groupsWithoutAcl"))).anySatisfy(g -> {
            assertThat(g.get("group").asText()).isEqualTo("alice-debug");
            assertThat(g.get("topic").asText()).isEqualTo("sales.orders.placed");
        });
        assertThat(list(report.get("unregisteredTopics")).stream().map(JsonNode::asText))
                .containsExactly("tmp.debug.orders-copy");
        assertThat(list(report.get("deprecatedWithConsumers"))).anySatisfy(d ->
                assertThat(d.get("topic").asText()).isEqualTo("sales.orders.legacy-v1"));
        assertThat(list(report.get("unusedPermissions"))).anySatisfy(u -> {
            assertThat(u.get("principal").asText()).isEqualTo("User:data-science");
            assertThat(u.get("topic").asText()).isEqualTo("analytics.kpi.dashboard");
        });
    }

    @Test
    void theAnnouncedChargebacksTopicExistsOnlyFromDayTwo() {
        JsonNode dayOne = json("reconcile", "--snapshot", "1").json();
        JsonNode dayTwo = json("reconcile").json();

        assertThat(list(dayOne.get("catalogEntriesWithoutTopic"))).anySatisfy(e ->
                assertThat(e.get("topic").asText()).isEqualTo("payments.chargebacks"));
        assertThat(list(dayTwo.get("catalogEntriesWithoutTopic"))).isEmpty();
    }

    @Test
    void theBiToolReachesCustomerAddressesThroughTheEnrichedOrders() {
        JsonNode reach = json("access", "--tag", "pii").json();

        assertThat(list(reach.get("readers"))).anySatisfy(r -> {
            assertThat(r.get("principal").asText()).isEqualTo("User:bi-tool");
            assertThat(r.get("product").asText()).isEqualTo("customer.addresses");
            assertThat(r.get("direct").asBoolean()).isFalse();
            assertThat(list(r.get("path")).stream().map(JsonNode::asText)).containsExactly("customer.addresses",
                    "User:order-enricher", "sales.orders.enriched", "User:bi-tool");
        });
    }

    @Test
    void anEnrichedOrderIsAJoinOfAValidatedOrderAndACustomerProfile() {
        JsonNode trace = json("trace", "sales.orders.enriched-0@0").json();

        assertThat(trace.get("hop").get("service").asText()).isEqualTo("User:order-enricher");
        assertThat(list(trace.get("hop").get("parents")).stream().map(JsonNode::asText))
                .containsExactlyInAnyOrder("sales.orders.validated-0@0", "customer.profiles-0@0");
        assertThat(list(trace.get("gaps"))).anySatisfy(g -> {
            assertThat(g.get("kind").asText()).isEqualTo("join");
            assertThat(g.get("record").asText()).isEqualTo("sales.orders.enriched-0@0");
        });
    }

    @Test
    void theSecondDayStopsFraudScoringAndDowngradesRecommendations() {
        JsonNode diff = json("diff", "1", "2").json();

        assertThat(list(diff.get("consumers").get("changed"))).anySatisfy(c -> {
            assertThat(c.get("principal").asText()).isEqualTo("User:fraud-svc");
            assertThat(c.get("changes").get("state").get("to").asText()).isEqualTo("stopped");
        });
        assertThat(list(diff.get("products").get("changed"))).anySatisfy(p -> {
            assertThat(p.get("topic").asText()).isEqualTo("marketing.recommendations");
            assertThat(p.get("changes").get("slaTier").get("from").asInt()).isEqualTo(2);
            assertThat(p.get("changes").get("slaTier").get("to").asInt()).isEqualTo(3);
        });
    }
}
