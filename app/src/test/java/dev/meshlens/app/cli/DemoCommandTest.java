package dev.meshlens.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads the bundled demo with {@code meshlens --db DIR demo}, then asks the command line what a user exploring it
 * would ask, and checks the answers against what the demo scenario was designed to show.
 */
class DemoCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Answers by arguments: the catalog does not change after loading, and every question costs a store open. */
    private static final Map<List<String>, JsonNode> ANSWERS = new HashMap<>();

    @TempDir
    static Path dir;
    private static String db;
    private static String dayOne;

    @BeforeAll
    static void loadTheDemo() throws IOException {
        db = dir.resolve("catalog").toString();
        assertThat(run("demo").path("snapshots")).hasSize(2);
        dayOne = run("snapshots").get(0).path("id").asText();
    }

    /** Runs {@code meshlens --db DB ARGS --format json} and parses what it printed. */
    private static JsonNode run(String... args) throws IOException {
        JsonNode known = ANSWERS.get(List.of(args));
        if (known != null) {
            return known;
        }
        List<String> all = new ArrayList<>(List.of("--db", db));
        all.addAll(List.of(args));
        all.addAll(List.of("--format", "json"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = MeshlensCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), Map.of())
                .execute(all.toArray(String[]::new));
        assertThat(status).as("meshlens %s failed: %s", all, err).isEqualTo(MeshlensCli.EXIT_OK);
        JsonNode answer = JSON.readTree(out.toString());
        ANSWERS.put(List.of(args), answer);
        return answer;
    }

    /** The row of {@code consumers PRODUCT} for one principal, if there is one. */
    private static Optional<JsonNode> consumer(String product, String principal, String... asOf) throws IOException {
        List<String> args = new ArrayList<>(List.of("consumers", product));
        args.addAll(List.of(asOf));
        return StreamSupport.stream(run(args.toArray(String[]::new)).spliterator(), false)
                .filter(row -> principal.equals(row.path("principal").asText(null)))
                .findFirst();
    }

    private static int deepestProduct(JsonNode traversal) {
        return StreamSupport.stream(traversal.path("nodes").spliterator(), false)
                .filter(n -> n.path("kind").asText().equals("product"))
                .mapToInt(n -> n.path("depth").asInt())
                .max().orElseThrow();
    }

    @Test
    void demoIsAHistoryOfTwoSnapshots() throws IOException {
        assertThat(run("snapshots")).hasSize(2);
    }

    @ParameterizedTest(name = "{0}: {1} via {2} is {3}")
    @CsvSource({
            "sales.orders.placed,     User:order-validator,   order-validator,   up-to-date",
            "sales.orders.placed,     User:dev-alice,         alice-debug,       unauthorized",
            "sales.orders.enriched,   User:segmentation-svc,  segmentation-svc,  lagging",
            "payments.ledger.entries, User:finance-reporting, finance-reporting, lagging",
            "payments.ledger.entries, User:audit-archiver,    audit-archiver,    stopped",
            "customer.segments,       User:ltv-batch,         ltv-nightly,       stopped",
            "analytics.sales.daily,   User:bi-tool,           bi-dashboards,     stopped",
            "analytics.sales.daily,   User:data-science,      ,                  never-consumed",
            "sales.orders.enriched,   User:data-science,      ds-churn-model,    up-to-date",
            "sales.orders.enriched,   User:fraud-svc,         fraud-svc,         stopped",
    })
    void latestSnapshotShowsTheDesignedConsumerStates(String product, String principal, String group, String state)
            throws IOException {
        JsonNode row = consumer(product, principal).orElseThrow(() ->
                new AssertionError(principal + " does not consume " + product));

        assertThat(row.path("group").asText(null)).isEqualTo(group);
        assertThat(row.path("state").asText()).isEqualTo(state);
    }

    @Test
    void ambiguousGroupIsNamedThroughTheGroupMapping() throws IOException {
        JsonNode rows = run("consumers", "customer.segments");

        assertThat(rows).noneMatch(r -> r.path("principal").isNull());
        assertThat(rows).anyMatch(r -> r.path("group").asText().equals("ltv-nightly")
                && r.path("principal").asText().equals("User:ltv-batch"));
    }

    @Test
    void dataScienceHasNoEdgeToEnrichedOrdersOnDayOne() throws IOException {
        assertThat(consumer("sales.orders.enriched", "User:data-science", "--snapshot", dayOne)).isEmpty();
    }

    @Test
    void fraudScoringIsActiveOnDayOneAndStoppedOnDayTwo() throws IOException {
        assertThat(consumer("sales.orders.enriched", "User:fraud-svc", "--snapshot", dayOne).orElseThrow()
                .path("state").asText()).isEqualTo("up-to-date");
        assertThat(consumer("sales.orders.enriched", "User:fraud-svc").orElseThrow()
                .path("state").asText()).isEqualTo("stopped");
    }

    @Test
    void campaignsLoseTheirConsentsEdgeOnDayTwo() throws IOException {
        assertThat(consumer("customer.consents", "User:campaign-svc", "--snapshot", dayOne).orElseThrow()
                .path("state").asText()).isEqualTo("never-consumed");
        assertThat(consumer("customer.consents", "User:campaign-svc")).isEmpty();
    }

    @Test
    void chargebacksGetTheirWriterOnDayTwo() throws IOException {
        JsonNode before = run("lineage", "payments.chargebacks", "--upstream", "--snapshot", dayOne);
        JsonNode after = run("lineage", "payments.chargebacks", "--upstream");

        assertThat(before.path("edges")).isEmpty();
        assertThat(after.path("edges")).anyMatch(e -> e.path("from").asText().equals("User:payment-svc")
                && e.path("kind").asText().equals("write"));
    }

    @Test
    void catalogOfDayTwoMovesRecommendationsToTierThreeAndDeprecatesAbandonedCarts() throws IOException {
        JsonNode recommendations = run("products", "--search", "Recommendations").get(0);
        JsonNode carts = run("products", "--search", "Abandoned carts").get(0);
        JsonNode recommendationsBefore = run("products", "--search", "Recommendations", "--snapshot", dayOne).get(0);

        assertThat(recommendationsBefore.path("slaTier").asInt()).isEqualTo(2);
        assertThat(recommendations.path("slaTier").asInt()).isEqualTo(3);
        assertThat(carts.path("lifecycle").asText()).isEqualTo("DEPRECATED");
    }

    @Test
    void deepestUpstreamChainOfTheKpiFeedIsSixProductsLong() throws IOException {
        // products sit at even depths: six products (the feed and five upstream of it) end at depth 10
        assertThat(deepestProduct(run("lineage", "analytics.kpi.dashboard", "--upstream"))).isEqualTo(10);
    }

    @Test
    void deepestDownstreamChainOfPlacedOrdersIsSixProductsLong() throws IOException {
        assertThat(deepestProduct(run("lineage", "sales.orders.placed", "--downstream"))).isEqualTo(10);
    }
}
