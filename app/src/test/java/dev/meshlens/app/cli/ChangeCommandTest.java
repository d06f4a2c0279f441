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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeCommandTest {
    static final String V1 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    static final String V2 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
            + "{\"name\":\"amount\",\"type\":\"long\",\"default\":0}]}";
    static final String BREAKING = "{\n  \"type\": \"record\",\n  \"name\": \"Order\",\n  \"fields\": [\n"
            + "    {\"name\": \"id\", \"type\": \"string\"},\n    {\"name\": \"amount\", \"type\": \"long\", \"default\": 0},\n"
            + "    {\"name\": \"currency\", \"type\": \"string\"}\n  ]\n}\n";
    static final String SAFE = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
            + "{\"name\":\"amount\",\"type\":\"long\",\"default\":0},{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}]}";
    static final String PROTO = "syntax = \"proto3\";\nmessage Payment {\n  string id = 1;\n}\n";

    @TempDir
    Path dir;
    CliHarness cli;

    private static AclBinding acl(ResourceType type, String name, String principal, AclOperation op) {
        return new AclBinding(type, PatternType.LITERAL, name, principal, "*", op, AclPermission.ALLOW);
    }

    private static DataProduct product(String topic, String owner, int tier, String schemaUri) {
        return new DataProduct(null, topic, null, null, null, owner, null, tier, null, List.of(), schemaUri, null);
    }

    /**
     * orders (Avro v1, v2) is read by billing (lagging group, writes invoices, read by ledger) and audit (never
     * consumed); payments has a Protobuf subject; drafts has no schema.
     */
    @BeforeEach
    void catalog() {
        cli = new CliHarness(dir);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("acls", List.of(
                acl(ResourceType.TOPIC, "orders", "User:billing", AclOperation.READ),
                acl(ResourceType.TOPIC, "invoices", "User:billing", AclOperation.WRITE),
                acl(ResourceType.GROUP, "billing-app", "User:billing", AclOperation.READ),
                acl(ResourceType.TOPIC, "orders", "User:audit", AclOperation.READ),
                acl(ResourceType.TOPIC, "invoices", "User:ledger", AclOperation.READ)));
        doc.put("groups", List.of(new ConsumerGroup("billing-app", GroupState.STABLE, null, null, List.of(),
                List.of(new PartitionOffset("orders", 0, 90L, 100L, null)))));
        doc.put("products", List.of(product("orders", "team-orders", 1, "registry:orders-value"),
                product("invoices", "team-billing", 2, null), product("payments", "team-pay", 1, null),
                product("drafts", "team-orders", 4, null)));
        doc.put("services", List.of(new ServiceInfo("User:billing", "Billing", "team-billing", 2, true),
                new ServiceInfo("User:audit", "Audit", "Audit, Risk & Co", 3, false),
                new ServiceInfo("User:ledger", "Ledger", "finance", 1, true)));
        doc.put("schemas", List.of(new SchemaVersion("orders-value", 1, 11, "AVRO", V1, List.of(), null),
                new SchemaVersion("orders-value", 2, 12, "AVRO", V2, List.of(), "BACKWARD"),
                new SchemaVersion("payments-value", 1, 21, "PROTOBUF", PROTO, List.of(), "BACKWARD")));
        cli.importFiles("prod", Instant.parse("2026-03-01T00:00:00Z"), cli.document("mesh.json", doc));
    }

    @Test
    void incompatibleSchemaExitsOneAndNamesTheProblem() {
        Path schema = cli.write("orders-v3.avsc", BREAKING);

        CliHarness.Result result = cli.run("change", "orders", "--schema", schema.toString(), "--format", "json");

        assertThat(result.exit()).isEqualTo(1);
        JsonNode json = result.json();
        assertThat(json.get("compatible").asBoolean()).isFalse();
        assertThat(json.get("judged").asBoolean()).isTrue();
        assertThat(json.get("subject").asText()).isEqualTo("orders-value");
        assertThat(json.get("mode").asText()).isEqualTo("BACKWARD");
        assertThat(json.get("problems")).singleElement().satisfies(p -> {
            assertThat(p.get("againstVersion").asInt()).isEqualTo(2);
            assertThat(p.get("fieldPath").asText()).isEqualTo("currency");
            assertThat(p.get("kind").asText()).isEqualTo("READER_FIELD_MISSING_DEFAULT_VALUE");
        });
    }

    @Test
    void jsonListsDirectConsumersAndDownstreamWithOwnersAndTiers() {
        Path schema = cli.write("orders-v3.avsc", BREAKING);

        JsonNode json = cli.run("change", "orders", "--schema", schema.toString(), "--format", "json").json();

        assertThat(json.get("directConsumers").toString()).isEqualTo("[{\"principal\":\"User:billing\","
                + "\"group\":\"billing-app\",\"state\":\"lagging\",\"lag\":10,\"owner\":\"team-billing\",\"tier\":2},"
                + "{\"principal\":\"User:audit\",\"group\":null,\"state\":\"never-consumed\",\"lag\":null,"
                + "\"owner\":\"Audit, Risk & Co\",\"tier\":3}]");
        assertThat(json.get("downstream").toString()).isEqualTo("[{\"kind\":\"service\",\"name\":\"User:ledger\","
                + "\"owner\":\"finance\",\"tier\":1,\"depth\":3},{\"kind\":\"service\",\"name\":\"User:billing\","
                + "\"owner\":\"team-billing\",\"tier\":2,\"depth\":1},{\"kind\":\"product\",\"name\":\"invoices\","
                + "\"owner\":\"team-billing\",\"tier\":2,\"depth\":2},{\"kind\":\"service\",\"name\":\"User:audit\","
                + "\"owner\":\"Audit, Risk & Co\",\"tier\":3,\"depth\":1}]");
    }

    @Test
    void compatibleSchemaExitsZero() {
        Path schema = cli.write("orders-v3.avsc", SAFE);

        CliHarness.Result result = cli.run("change", "orders", "--schema", schema.toString());

        assertThat(result.exit()).isEqualTo(0);
        assertThat(result.out()).contains("Verdict:  compatible").contains("Subject:  orders-value (versions 1, 2)");
    }

    @Test
    void givenModeOverridesTheSubjectsLevel() {
        Path schema = cli.write("orders-v3.avsc", BREAKING);

        CliHarness.Result result = cli.run("change", "orders", "--schema", schema.toString(), "--mode", "none",
                "--format", "json");

        assertThat(result.exit()).isEqualTo(0);
        assertThat(result.json().get("mode").asText()).isEqualTo("NONE");
    }

    @Test
    void unknownModeIsAUsageError() {
        Path schema = cli.write("orders-v3.avsc", SAFE);

        CliHarness.Result result = cli.run("change", "orders", "--schema", schema.toString(), "--mode", "sideways");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--mode").contains("BACKWARD");
    }

    @Test
    void notJudgedSchemaExitsOneSayingNobodyCanPromiseSafety() {
        Path schema = cli.write("payment.proto", PROTO);

        CliHarness.Result result = cli.run("change", "payments", "--schema", schema.toString(), "--format", "json");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.json().get("judged").asBoolean()).isFalse();
        assertThat(result.json().get("verdict").asText()).isEqualTo("not-judged");
        assertThat(result.err()).contains("cannot judge " + schema + " against payments-value under BACKWARD: nobody "
                + "can promise this change is safe");
    }

    @Test
    void subjectWithoutRegisteredVersionsExitsZeroSayingSo() {
        Path schema = cli.write("draft.avsc", BREAKING);

        CliHarness.Result result = cli.run("change", "drafts", "--schema", schema.toString());

        assertThat(result.exit()).isEqualTo(0);
        assertThat(result.out()).contains("Subject:  drafts-value\n")
                .contains("Verdict:  no registered versions: any schema is compatible with nothing registered");
    }

    @Test
    void unparsableSchemaIsAnInputErrorNamingFileAndLine() {
        Path schema = cli.write("orders-v3.avsc", "{\n  \"type\": \"record\",\n  \"name\": }\n");

        CliHarness.Result result = cli.run("change", "orders", "--schema", schema.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("meshlens: " + schema + ":3: not valid JSON");
    }

    @Test
    void missingSchemaFileIsAnInputError() {
        CliHarness.Result result = cli.run("change", "orders", "--schema", dir.resolve("nope.avsc").toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("meshlens: " + dir.resolve("nope.avsc") + ": no such file\n");
    }

    @Test
    void schemaTypeComesFromTheRegisteredVersionsWhenTheFileNameDoesNotTell() {
        Path schema = cli.write("orders-v3.txt", SAFE);

        assertThat(cli.run("change", "orders", "--schema", schema.toString()).exit()).isEqualTo(0);
    }

    @Test
    void unknownProductIsAUsageError() {
        Path schema = cli.write("orders-v3.avsc", SAFE);

        CliHarness.Result result = cli.run("change", "order", "--schema", schema.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("meshlens: no product, service or group 'order' in cluster prod");
    }

    @Test
    void notifyCsvHasOneRowPerOwnerAndNodeQuotedWhereNeeded() throws IOException {
        Path schema = cli.write("orders-v3.avsc", BREAKING);
        Path csv = dir.resolve("notify.csv");

        CliHarness.Result result = cli.run("change", "orders", "--schema", schema.toString(), "--notify-csv",
                csv.toString());

        assertThat(result.out()).contains("Wrote 4 rows to notify to " + csv);
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo(
                "Owner,Kind,Name,Tier,Depth,Reason\r\n"
                        + "\"Audit, Risk & Co\",service,User:audit,3,1,reads orders directly (no group: never-consumed)\r\n"
                        + "finance,service,User:ledger,1,3,reads data derived from orders (depth 3)\r\n"
                        + "team-billing,service,User:billing,2,1,\"reads orders directly (group billing-app: lagging, "
                        + "lag 10)\"\r\n"
                        + "team-billing,product,invoices,2,2,derived from orders (depth 2)\r\n");
    }

    @Test
    void tableListsWhoTheChangeBreaks() {
        Path schema = cli.write("orders-v3.avsc", BREAKING);

        String out = cli.run("change", "orders", "--schema", schema.toString()).out();

        assertThat(out).contains("Verdict:  incompatible (1 problem)", "Direct consumers it breaks:",
                "User:billing  billing-app  lagging         10   team-billing      2");
    }
}
