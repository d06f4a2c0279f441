package dev.meshlens.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line of the walking skeleton, on Kafka 4.3.1's own outputs and a real H2 catalog file. */
class CommandLineTest {
    private static final String FIXTURES = "fixtures/kafka-cli/4.3.1/";

    @TempDir
    Path dir;
    Path catalog;
    Path acls;
    Path topics;
    Path groups;
    Path groupStates;

    @BeforeEach
    void copyFixtures() {
        catalog = dir.resolve("catalog");
        acls = CliRun.resource(FIXTURES + "acls.txt", dir);
        topics = CliRun.resource(FIXTURES + "topics.txt", dir);
        groups = CliRun.resource(FIXTURES + "groups-offsets.combined.txt", dir);
        groupStates = CliRun.resource(FIXTURES + "groups-state.txt", dir);
    }

    private CliRun importKafkaOutputs() {
        return CliRun.meshlens(catalog, "import", acls.toString(), topics.toString(), groups.toString(),
                groupStates.toString());
    }

    private Path catalogSheet(String... rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("Name,Topic,Bootstrap URI,Owner,SLA,Quality,Schema URI,Description,Domain,Tags");
        lines.addAll(List.of(rows));
        return Files.write(dir.resolve("catalog.csv"), lines);
    }

    @Test
    void importPrintsTheNewSnapshotId() {
        CliRun run = importKafkaOutputs();

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out.strip()).isEqualTo("1");
    }

    @Test
    void snapshotsListsTheSourcesEachImportCovered() {
        importKafkaOutputs();

        JsonNode snapshots = CliRun.meshlens(catalog, "snapshots", "--format", "json").json();

        assertThat(snapshots).hasSize(1);
        assertThat(snapshots.get(0).get("id").asLong()).isEqualTo(1);
        assertThat(snapshots.get(0).get("cluster").asText()).isEqualTo("default");
        assertThat(snapshots.get(0).get("sources")).extracting(JsonNode::asText)
                .containsExactly("acls", "topics", "groups");
    }

    @Test
    void consumersShowsEvidenceLagAndStatePerPrincipalAndGroup() {
        importKafkaOutputs();

        JsonNode consumers = CliRun.meshlens(catalog, "consumers", "orders", "--format", "json").json();

        JsonNode billing = find(consumers, "principal", "User:billing-svc");
        assertThat(billing.get("group").asText()).isEqualTo("billing-app");
        assertThat(billing.get("evidence")).extracting(JsonNode::asText).containsExactly("acl", "group");
        assertThat(billing.get("lag").asLong()).isEqualTo(11);
        assertThat(billing.get("state").asText()).isEqualTo("lagging");
        JsonNode shipping = find(consumers, "principal", "User:shipping-svc");
        assertThat(shipping.get("group").isNull()).isTrue();
        assertThat(shipping.get("state").asText()).isEqualTo("never-consumed");
    }

    @Test
    void downstreamLineageFollowsConsumersIntoTheProductsTheyWrite() {
        importKafkaOutputs();

        JsonNode lineage = CliRun.meshlens(catalog, "lineage", "orders", "--downstream", "--format", "json").json();

        assertThat(lineage.get("root").asText()).isEqualTo("orders");
        assertThat(lineage.get("direction").asText()).isEqualTo("downstream");
        assertThat(find(lineage.get("nodes"), "name", "User:billing-svc").get("depth").asInt()).isEqualTo(1);
        assertThat(find(lineage.get("nodes"), "name", "billing.invoices").get("depth").asInt()).isEqualTo(2);
        assertThat(lineage.get("edges")).anySatisfy(e -> {
            assertThat(e.get("from").asText()).isEqualTo("User:billing-svc");
            assertThat(e.get("to").asText()).isEqualTo("billing.invoices");
            assertThat(e.get("kind").asText()).isEqualTo("write");
        });
    }

    @Test
    void depthLimitsTheTraversal() {
        importKafkaOutputs();

        JsonNode lineage = CliRun.meshlens(catalog, "lineage", "orders", "--downstream", "--depth", "1",
                "--format", "json").json();

        assertThat(lineage.get("nodes")).allSatisfy(n -> assertThat(n.get("depth").asInt()).isLessThanOrEqualTo(1));
        assertThat(lineage.get("nodes")).noneSatisfy(n -> assertThat(n.get("name").asText())
                .isEqualTo("billing.invoices"));
    }

    @Test
    void upstreamLineageFindsTheProducer() {
        importKafkaOutputs();

        JsonNode lineage = CliRun.meshlens(catalog, "lineage", "orders", "--upstream", "--format", "json").json();

        assertThat(find(lineage.get("nodes"), "name", "User:orders-svc").get("depth").asInt()).isEqualTo(1);
    }

    @Test
    void malformedFileNamesItsLineAndLeavesTheSnapshotsUnchanged() throws IOException {
        importKafkaOutputs();
        String before = CliRun.meshlens(catalog, "snapshots", "--format", "json").out;
        Path broken = dir.resolve("broken-acls.txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(acls));
        lines.set(5, "\t(principal=User:analyst, host=*, operation=REED, permissionType=ALLOW)");
        Files.write(broken, lines);

        CliRun run = CliRun.meshlens(catalog, "import", topics.toString(), broken.toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).startsWith("meshlens: ").contains("broken-acls.txt:6:").contains("REED");
        assertThat(run.err.strip().lines()).hasSize(1);
        assertThat(CliRun.meshlens(catalog, "snapshots", "--format", "json").out).isEqualTo(before);
    }

    @Test
    void importingTheCatalogSheetKeepsTheAclsOfTheEarlierImport() throws IOException {
        importKafkaOutputs();
        Path sheet = catalogSheet("Orders,orders,kafka://b:9092,sales@x,Tier 1,gold,,All orders,sales,pii");

        CliRun imported = CliRun.meshlens(catalog, "import", sheet.toString());
        JsonNode consumers = CliRun.meshlens(catalog, "consumers", "Orders", "--format", "json").json();

        assertThat(imported.exitCode).as(imported.toString()).isZero();
        assertThat(find(consumers, "principal", "User:billing-svc").get("state").asText()).isEqualTo("lagging");
    }

    @Test
    void productsFilterByTagTierAndText() throws IOException {
        Path sheet = catalogSheet(
                "Orders,orders,kafka://b:9092,sales@x,Tier 1,gold,,All orders,sales,pii;orders",
                "Invoices,billing.invoices,kafka://b:9092,billing@x,Tier 2,silver,,Monthly invoices,billing,financial");
        CliRun.meshlens(catalog, "import", sheet.toString());

        assertThat(names(CliRun.meshlens(catalog, "products", "--tag", "PII", "--format", "json").json()))
                .containsExactly("Orders");
        assertThat(names(CliRun.meshlens(catalog, "products", "--tier", "2", "--format", "json").json()))
                .containsExactly("Invoices");
        assertThat(names(CliRun.meshlens(catalog, "products", "--search", "monthly billing", "--format", "json")
                .json())).containsExactly("Invoices");
    }

    @Test
    void asOfADateBeforeAnyImportIsAnInputError() {
        importKafkaOutputs();

        CliRun run = CliRun.meshlens(catalog, "consumers", "orders", "--at", "2001-01-01");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("no snapshot of cluster default at or before 2001-01-01");
    }

    @Test
    void lineageAsOfAnEarlierSnapshotShowsWhatThatSnapshotHeld() throws IOException {
        importKafkaOutputs();
        Path noAcls = Files.writeString(dir.resolve("no-acls.txt"), "");
        CliRun.meshlens(catalog, "import", "--kind", "acls", noAcls.toString());

        JsonNode now = CliRun.meshlens(catalog, "lineage", "orders", "--upstream", "--format", "json").json();
        JsonNode then = CliRun.meshlens(catalog, "lineage", "orders", "--upstream", "--snapshot", "1",
                "--format", "json").json();

        assertThat(now.get("nodes")).hasSize(1);
        assertThat(then.get("nodes")).anySatisfy(n -> assertThat(n.get("name").asText()).isEqualTo("User:orders-svc"));
    }

    @Test
    void unknownProductIsAnInputErrorWithSuggestions() {
        importKafkaOutputs();

        CliRun run = CliRun.meshlens(catalog, "lineage", "order", "--downstream");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("no product, service or group 'order'").contains("did you mean orders");
    }

    @Test
    void missingDirectionIsAUsageErrorOnOneLine() {
        CliRun run = CliRun.meshlens(catalog, "lineage", "orders");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip().lines()).hasSize(1);
    }

    @Test
    void emptyCatalogTellsHowToFillIt() {
        CliRun run = CliRun.meshlens(catalog, "products");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("is empty").contains("meshlens import");
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.get(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }

    private static List<String> names(JsonNode products) {
        List<String> names = new ArrayList<>();
        products.forEach(p -> names.add(p.get("name").asText()));
        return names;
    }
}
