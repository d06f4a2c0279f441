package dev.meshlens.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TraceCommandTest {
    private static final Instant TAKEN = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path dir;
    CliHarness cli;

    private static AclBinding acl(String topic, String principal, AclOperation op) {
        return new AclBinding(ResourceType.TOPIC, PatternType.LITERAL, topic, principal, "*", op, AclPermission.ALLOW);
    }

    /**
     * The enricher joins an order with a customer record that has no header; audit reads orders and reports
     * consuming the order, but emits nothing.
     */
    @BeforeEach
    void catalog() {
        cli = new CliHarness(dir);
        Path mesh = cli.document("mesh.json", Map.of("acls", List.of(
                acl("orders", "User:order-service", AclOperation.WRITE),
                acl("orders", "User:enricher", AclOperation.READ),
                acl("enriched", "User:enricher", AclOperation.WRITE),
                acl("orders", "User:audit", AclOperation.READ))));
        Path trace = cli.write("trace.jsonl", """
                {"service": "order-service", "event": "emitted", "record": "orders-0@41", "at": "2024-05-01T12:00:00Z"}
                {"service": "enricher", "event": "consumed", "record": "orders-0@41", "at": "2024-05-01T12:00:01Z"}
                {"service": "enricher", "event": "emitted", "record": "enriched-0@7", "at": "2024-05-01T12:00:02Z", "parents": ["orders-0@41", "customers-0@9"]}
                {"service": "audit", "event": "processed", "record": "orders-0@41", "at": "2024-05-01T12:00:03Z"}
                {"service": "order-service", "event": "emitted", "record": "orders-0@45", "at": "2024-05-01T12:01:00Z"}
                """);
        cli.importFiles("prod", TAKEN, mesh, trace);
    }

    @Test
    void jsonTracesDescendantsAndReportsJoinAndSilentConsumer() {
        CliHarness.Result result = cli.run("trace", "orders-0@41", "--format", "json");

        assertThat(result.exit()).isEqualTo(0);
        JsonNode json = result.json();
        assertThat(json.get("record").asText()).isEqualTo("orders-0@41");
        assertThat(json.get("hop").toString()).isEqualTo("{\"record\":\"orders-0@41\",\"service\":\"order-service\","
                + "\"at\":\"2024-05-01T12:00:00Z\",\"parents\":[],\"depth\":0}");
        assertThat(json.get("ancestors")).isEmpty();
        assertThat(json.get("descendants").toString()).isEqualTo("[{\"record\":\"enriched-0@7\",\"service\":"
                + "\"enricher\",\"at\":\"2024-05-01T12:00:02Z\",\"parents\":[\"customers-0@9\",\"orders-0@41\"],"
                + "\"depth\":1}]");
        assertThat(json.get("gaps")).extracting(g -> g.get("kind").asText(), g -> g.get("record").asText())
                .containsExactly(tuple("join", "enriched-0@7"),
                        tuple("silent-consumer", "orders-0@41"));
        assertThat(json.get("gaps").get(1).get("detail").asText()).isEqualTo("User:audit reads orders (acl; "
                + "never-consumed) and (as audit) reported consuming orders-0@41 at 2024-05-01T12:00:03Z, but emitted "
                + "no record derived from orders-0@41");
    }

    @Test
    void ancestorWithoutAHeaderIsANoHeaderGap() {
        JsonNode json = cli.run("trace", "enriched-0@7", "--format", "json").json();

        assertThat(json.get("ancestors")).extracting(a -> a.get("record").asText(), a -> a.get("service").isNull())
                .containsExactly(tuple("customers-0@9", true),
                        tuple("orders-0@41", false));
        assertThat(json.get("gaps")).extracting(g -> g.get("kind").asText(), g -> g.get("record").asText())
                .containsExactly(tuple("no-header", "customers-0@9"),
                        tuple("join", "enriched-0@7"));
    }

    @Test
    void tableShowsTheHopDescendantsAndGaps() {
        String out = cli.run("trace", "orders-0@41").out();

        assertThat(out).contains("Record:   orders-0@41", "Emitted:  by order-service at 2024-05-01T12:00:00Z",
                "Ancestors:\n(none)", "1      enriched-0@7  enricher", "silent-consumer  orders-0@41");
    }

    @Test
    void unknownRecordIsAUsageErrorSuggestingTheNearestOfItsPartition() {
        CliHarness.Result result = cli.run("trace", "orders-0@44");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("meshlens: no hop names record orders-0@44 in cluster prod as of snapshot 1; "
                + "nearest known records of orders-0: orders-0@45, orders-0@41\n");
    }

    @Test
    void recordOfAnUnknownTopicIsAUsageErrorSayingSo() {
        CliHarness.Result result = cli.run("trace", "payments-0@1");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).endsWith("; no record of topic payments is known\n");
    }

    @Test
    void malformedRecordIdIsAUsageError() {
        CliHarness.Result result = cli.run("trace", "orders@41");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("meshlens: record id 'orders@41' is not of the form topic-partition@offset, "
                + "e.g. orders-0@42\n");
    }

    @Test
    void catalogWithoutHopsIsAUsageErrorSayingWhatToImport() {
        CliHarness other = new CliHarness(dir.resolve("other"));
        dir.resolve("other").toFile().mkdirs();
        other.importFiles("prod", TAKEN, other.document("mesh.json", Map.of("acls", List.of())));

        CliHarness.Result result = other.run("trace", "orders-0@41");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("meshlens: no record hops in cluster prod as of snapshot 1 (none imported); "
                + "import record headers or a trace log (meshlens import trace.jsonl)\n");
    }
}
