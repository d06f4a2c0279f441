package dev.meshlens.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.Topic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DiffCommandTest {
    private static final Instant DAY_1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant DAY_2 = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path dir;
    CliHarness cli;

    private static AclBinding acl(ResourceType type, String name, String principal, AclOperation op) {
        return new AclBinding(type, PatternType.LITERAL, name, principal, "*", op, AclPermission.ALLOW);
    }

    private static DataProduct product(String topic, String owner, int tier) {
        return new DataProduct(null, topic, null, null, null, owner, null, tier, null, List.of(), null, null);
    }

    private static ConsumerGroup group(GroupState state, long committed, long end) {
        return new ConsumerGroup("billing-app", state, null, null, List.of(),
                List.of(new PartitionOffset("orders", 0, committed, end, null)));
    }

    private static SchemaVersion schema(int version) {
        return new SchemaVersion("orders-value", version, version, "AVRO", "\"string\"", List.of(), null);
    }

    private Path document(String name, List<AclBinding> acls, ConsumerGroup group, List<DataProduct> products,
                          int billingTier, List<SchemaVersion> schemas) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("acls", acls);
        doc.put("topics", List.of(new Topic("orders", null, 3, 1, Map.of())));
        doc.put("groups", List.of(group));
        doc.put("products", products);
        doc.put("services", List.of(new ServiceInfo("User:billing", "Billing", "team-billing", billingTier, true)));
        doc.put("schemas", schemas);
        return cli.document(name, doc);
    }

    /**
     * Day 1: billing reads orders, up to date; orders is tier 1. Day 2: audit may read orders too, billing's group
     * stopped 15 behind, orders is tier 2 with a new owner, refunds is new, billing's tier drops to 3, and
     * orders-value v2 is registered.
     */
    @BeforeEach
    void catalog() {
        cli = new CliHarness(dir);
        List<AclBinding> day1Acls = List.of(acl(ResourceType.TOPIC, "orders", "User:billing", AclOperation.READ),
                acl(ResourceType.GROUP, "billing-app", "User:billing", AclOperation.READ));
        List<AclBinding> day2Acls = List.of(day1Acls.get(0), day1Acls.get(1),
                acl(ResourceType.TOPIC, "orders", "User:audit", AclOperation.READ));
        cli.importFiles("prod", DAY_1, document("day1.json", day1Acls, group(GroupState.STABLE, 10, 10),
                List.of(product("orders", "team-a", 1)), 2, List.of(schema(1))));
        cli.importFiles("prod", DAY_2, document("day2.json", day2Acls, group(GroupState.EMPTY, 10, 25),
                List.of(product("orders", "team-b", 2), product("refunds", "team-r", 3)), 3,
                List.of(schema(1), schema(2))));
    }

    @Test
    void jsonNamesBothSnapshots() {
        JsonNode json = cli.run("diff", "1", "2", "--format", "json").json();

        assertThat(json.get("cluster").asText()).isEqualTo("prod");
        assertThat(json.get("from").asLong()).isEqualTo(1);
        assertThat(json.get("to").asLong()).isEqualTo(2);
        assertThat(json.get("fromTakenAt").asText()).isEqualTo("2026-03-01T10:00:00Z");
    }

    @Test
    void productsSectionHasAddedAndChangedFieldsFromAndTo() {
        JsonNode products = cli.run("diff", "1", "2", "--format", "json").json().get("products");

        assertThat(products.get("added")).extracting(p -> p.get("topic").asText()).containsExactly("refunds");
        assertThat(products.get("removed")).isEmpty();
        assertThat(products.get("changed").toString()).isEqualTo("[{\"topic\":\"orders\",\"name\":\"orders\","
                + "\"changes\":{\"owner\":{\"from\":\"team-a\",\"to\":\"team-b\"},\"slaTier\":{\"from\":1,\"to\":2}}}]");
    }

    @Test
    void aclEdgeAndConsumerSectionsShowTheNewReaderAndTheStoppedGroup() {
        JsonNode json = cli.run("diff", "1", "2", "--format", "json").json();

        assertThat(json.get("acls").get("added")).extracting(a -> a.get("principal").asText())
                .containsExactly("User:audit");
        assertThat(json.get("edges").get("added").toString()).isEqualTo("[{\"from\":\"orders\",\"to\":\"User:audit\","
                + "\"kind\":\"read\",\"evidence\":[\"acl\"],\"state\":\"never-consumed\"}]");
        assertThat(json.get("edges").get("changed").toString()).isEqualTo("[{\"from\":\"orders\",\"to\":"
                + "\"User:billing\",\"kind\":\"read\",\"changes\":{\"state\":{\"from\":\"up-to-date\",\"to\":"
                + "\"stopped\"}}}]");
        assertThat(json.get("consumers").get("changed").toString()).isEqualTo("[{\"topic\":\"orders\",\"principal\":"
                + "\"User:billing\",\"group\":\"billing-app\",\"changes\":{\"state\":{\"from\":\"up-to-date\",\"to\":"
                + "\"stopped\"},\"lag\":{\"from\":0,\"to\":15}}}]");
    }

    @Test
    void tiersAndSchemasSectionsListWhatMoved() {
        JsonNode json = cli.run("diff", "1", "2", "--format", "json").json();

        assertThat(json.get("tiers").toString()).isEqualTo("{\"changed\":[{\"kind\":\"product\",\"name\":\"orders\","
                + "\"from\":1,\"to\":2},{\"kind\":\"service\",\"name\":\"User:billing\",\"from\":2,\"to\":3}]}");
        assertThat(json.get("schemas").get("added").toString()).isEqualTo("[{\"subject\":\"orders-value\","
                + "\"version\":2,\"id\":2,\"schemaType\":\"AVRO\"}]");
    }

    @Test
    void datesPickTheNewestSnapshotAtOrBeforeThem() {
        JsonNode json = cli.run("diff", "2026-03-01", "2026-03-02T12:00:00Z", "--format", "json").json();

        assertThat(json.get("from").asLong()).isEqualTo(1);
        assertThat(json.get("to").asLong()).isEqualTo(2);
    }

    @Test
    void sameSnapshotTwiceHasNoChanges() {
        CliHarness.Result result = cli.run("diff", "2", "2");

        assertThat(result.exit()).isEqualTo(0);
        assertThat(result.out()).contains("Products: no changes", "ACLs: no changes", "Tiers: no changes",
                "Schemas: no changes");
    }

    @Test
    void tableMarksAddedRemovedAndChangedEntries() {
        String out = cli.run("diff", "1", "2").out();

        assertThat(out).contains("Cluster prod: snapshot 1 (2026-03-01T10:00:00Z) -> snapshot 2 (2026-03-02T10:00:00Z)",
                "Products: 1 added, 0 removed, 1 changed",
                "+ refunds  owner team-r, tier 3",
                "~ orders  owner team-a -> team-b; slaTier 1 -> 2",
                "+ ALLOW User:audit READ TOPIC LITERAL orders  from host *",
                "~ orders User:billing group billing-app  state up-to-date -> stopped; lag 0 -> 15",
                "~ service User:billing  tier 2 -> 3");
    }

    @Test
    void reversedOrderShowsTheOppositeChanges() {
        JsonNode json = cli.run("diff", "2", "1", "--format", "json").json();

        assertThat(json.get("products").get("removed")).extracting(p -> p.get("topic").asText())
                .containsExactly("refunds");
    }

    @Test
    void unknownSnapshotIsAUsageError() {
        CliHarness.Result result = cli.run("diff", "1", "9");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("meshlens: no snapshot 9 in ");
    }

    @Test
    void dateBeforeEverySnapshotIsAUsageError() {
        CliHarness.Result result = cli.run("diff", "2020-01-01", "2");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("meshlens: no snapshot of cluster prod at or before 2020-01-01");
    }

    @Test
    void severalClustersNeedTheClusterOptionForDates() {
        cli.importFiles("staging", DAY_2.plusSeconds(60), cli.document("staging.json", Map.of("acls", List.of())));

        CliHarness.Result result = cli.run("diff", "2026-03-01", "2026-03-03");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("meshlens: the catalog holds clusters [prod, staging]; choose one with "
                + "--cluster\n");
    }

    @Test
    void snapshotIdsTellTheClusterWhenTheCatalogHoldsSeveral() {
        cli.importFiles("staging", DAY_2.plusSeconds(60), cli.document("staging.json", Map.of("acls", List.of())));

        JsonNode json = cli.run("diff", "1", "2", "--format", "json").json();

        assertThat(json.get("cluster").asText()).isEqualTo("prod");
    }
}
