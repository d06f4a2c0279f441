package dev.meshlens.app.ui;

import dev.meshlens.app.ui.service.ConsumerRow;
import dev.meshlens.app.ui.service.ConsumerState;
import dev.meshlens.app.ui.service.Evidence;
import dev.meshlens.app.ui.service.InMemoryCatalogService;
import dev.meshlens.app.ui.service.ProducerRow;
import dev.meshlens.app.ui.service.TopicFacts;
import dev.meshlens.app.ui.service.UpstreamTier;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.Lifecycle;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.Topic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small shop mesh for UI tests: eight products over two snapshots, with schemas, consumers in every state and
 * one tier violation. Imports read a tiny line format (see {@link #readLines}), so tests can write good and
 * malformed files.
 */
public final class TestMesh {
    public static final String CLUSTER = "shop";
    public static final Instant FIRST = Instant.parse("2024-03-01T09:00:00Z");
    public static final Instant SECOND = Instant.parse("2024-04-15T09:00:00Z");
    public static final Instant IMPORT_TIME = Instant.parse("2024-05-01T12:00:00Z");
    public static final String BOOTSTRAP = "kafka://broker.shop:9092";

    public static final DataProduct ORDERS = product("Orders placed", "sales.orders.placed", "sales",
            "sales-team@shop.example", 1, "gold", List.of("pii", "orders"), "registry:sales.orders.placed-value",
            "Every order as the shopper submitted it.", Lifecycle.ACTIVE);
    public static final DataProduct VALIDATED = product("Orders validated", "sales.orders.validated", "sales",
            "sales-team@shop.example", 1, "gold", List.of("orders"), null,
            "Orders that passed validation.", Lifecycle.ACTIVE);
    public static final DataProduct CAPTURES = product("Payment captures", "payments.captures", "payments",
            "payments-team@shop.example", 1, "gold", List.of("financial"), "registry:payments.captures-value",
            "Captured funds per shipped order.", Lifecycle.ACTIVE);
    public static final DataProduct PROFILES = product("Customer profiles", "customer.profiles", "customer",
            "customer-team@shop.example", 2, "silver", List.of("pii"), null,
            "Name, e-mail and preferences per customer.", Lifecycle.ACTIVE);
    public static final DataProduct SEGMENTS = product("Customer segments", "customer.segments", "customer",
            "growth-team@shop.example", 3, "silver", List.of("ml"), null,
            "Behavioural segments.", Lifecycle.ACTIVE);
    public static final DataProduct KPIS = product("KPI dashboard feed", "analytics.kpi.dashboard", "analytics",
            "exec-reporting@shop.example", 1, "gold", List.of("aggregate"), null,
            "Headline KPIs for the executive dashboard.", Lifecycle.ACTIVE);
    public static final DataProduct LEGACY = product("Orders (legacy v1)", "sales.orders.legacy-v1", "sales",
            "sales-team@shop.example", 4, "bronze", List.of("orders", "legacy"), null,
            "The pre-2024 order stream.", Lifecycle.DEPRECATED);
    public static final DataProduct TRACKING = product("Tracking events", "logistics.tracking.events", "logistics",
            "logistics-team@shop.example", 3, "bronze", List.of("external"), null,
            "Carrier scan events.", Lifecycle.ACTIVE);

    public static final String ORDERS_V1 = """
            {"type":"record","name":"Order","fields":[
              {"name":"order_id","type":"string","doc":"Shop order number"},
              {"name":"customer_id","type":"string"},
              {"name":"amount","type":"long","doc":"Cents"}]}""";
    public static final String ORDERS_V2 = """
            {"type":"record","name":"Order","fields":[
              {"name":"order_id","type":"string","doc":"Shop order number"},
              {"name":"customer_id","type":"string"},
              {"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":10,"scale":2},"doc":"Total"},
              {"name":"currency","type":"string","default":"EUR"},
              {"name":"shipping","type":["null",{"type":"record","name":"Address","fields":[
                 {"name":"city","type":"string"},{"name":"postcode","type":"string"}]}],"default":null}]}""";
    public static final String CAPTURES_V1 = """
            {"type":"record","name":"Capture","fields":[
              {"name":"capture_id","type":"string"},
              {"name":"payer_iban","type":"string","doc":"Account the funds came from"}]}""";

    private TestMesh() {
    }

    public static DataProduct product(String name, String topic, String domain, String owner, Integer tier,
                                      String quality, List<String> tags, String schemaUri, String description,
                                      Lifecycle lifecycle) {
        return new DataProduct(name, topic, CLUSTER, BOOTSTRAP, domain, owner, description, tier, quality, tags,
                schemaUri, lifecycle);
    }

    /** The first snapshot's content: six products, one schema version, topics. */
    public static MeshContent first() {
        return content(List.of(ORDERS, VALIDATED, CAPTURES, PROFILES, SEGMENTS, LEGACY),
                List.of(new SchemaVersion("sales.orders.placed-value", 1, 11, "AVRO", ORDERS_V1, null, "BACKWARD")));
    }

    /** The second snapshot's content: all eight products, two order schema versions, the captures schema. */
    public static MeshContent second() {
        return content(List.of(ORDERS, VALIDATED, CAPTURES, PROFILES, SEGMENTS, KPIS, LEGACY, TRACKING),
                List.of(new SchemaVersion("sales.orders.placed-value", 1, 11, "AVRO", ORDERS_V1, null, "BACKWARD"),
                        new SchemaVersion("sales.orders.placed-value", 2, 12, "AVRO", ORDERS_V2, null, "BACKWARD"),
                        new SchemaVersion("payments.captures-value", 1, 21, "AVRO", CAPTURES_V1, null, null)));
    }

    private static MeshContent content(List<DataProduct> products, List<SchemaVersion> schemas) {
        List<Topic> topics = products.stream().filter(p -> !p.topic().equals("logistics.tracking.events"))
                .map(p -> new Topic(p.topic(), null, 3, 1, Map.of())).toList();
        return new MeshContent(Set.of(SourceKind.CATALOG, SourceKind.SCHEMAS, SourceKind.TOPICS), List.of(), topics,
                List.of(), products, List.of(), List.of(), schemas, List.of());
    }

    /** Consumers, producers and upstream tiers per topic, as the lineage would derive them. */
    public static Map<String, TopicFacts> facts(MeshContent content) {
        Map<String, TopicFacts> facts = new HashMap<>();
        facts.put(ORDERS.topic(), new TopicFacts(ORDERS.topic(),
                List.of(new ProducerRow("User:checkout-svc", "Checkout", "sales-team@shop.example", "ACL WRITE")),
                List.of(new ConsumerRow("User:order-validator", "Order validator", "sales-team@shop.example", 1,
                                "order-validator", Evidence.ACL_AND_GROUP, 0L, ConsumerState.UP_TO_DATE),
                        new ConsumerRow("User:fraud-svc", "Fraud scoring", "risk-team@shop.example", 2,
                                "fraud-svc", Evidence.ACL_AND_GROUP, 1520L, ConsumerState.LAGGING),
                        new ConsumerRow("User:dev-alice", null, null, null, "alice-debug", Evidence.GROUP, 72L,
                                ConsumerState.STOPPED),
                        new ConsumerRow("User:bi-tool", "BI tool", "analytics-team@shop.example", 4, null,
                                Evidence.ACL, null, ConsumerState.NEVER_CONSUMED)),
                null, Instant.parse("2024-04-15T08:48:00Z"), List.of(),
                List.of(VALIDATED.topic(), CAPTURES.topic())));
        facts.put(VALIDATED.topic(), new TopicFacts(VALIDATED.topic(),
                List.of(new ProducerRow("User:order-validator", "Order validator", "sales-team@shop.example",
                        "ACL WRITE")),
                List.of(new ConsumerRow("User:payment-svc", "Payment authorizer", "payments-team@shop.example", 1,
                        "payment-svc", Evidence.ACL_AND_GROUP, 0L, ConsumerState.UP_TO_DATE)),
                new UpstreamTier(1, List.of(ORDERS.topic(), VALIDATED.topic())), null, List.of(ORDERS.topic()),
                List.of(CAPTURES.topic())));
        facts.put(CAPTURES.topic(), new TopicFacts(CAPTURES.topic(), List.of(),
                List.of(new ConsumerRow("User:fraud-svc", "Fraud scoring", "risk-team@shop.example", 2,
                                "fraud-svc", Evidence.ACL_AND_GROUP, 0L, ConsumerState.UP_TO_DATE),
                        new ConsumerRow("User:ledger-svc", "Ledger", "finance-team@shop.example", 1,
                                "ledger-svc", Evidence.ACL_AND_GROUP, 0L, ConsumerState.UP_TO_DATE)),
                null, null, List.of(VALIDATED.topic(), ORDERS.topic()), List.of()));
        facts.put(KPIS.topic(), new TopicFacts(KPIS.topic(), List.of(), List.of(),
                new UpstreamTier(3, List.of(SEGMENTS.topic(), "analytics.customer.ltv", KPIS.topic())), null,
                List.of("analytics.customer.ltv", SEGMENTS.topic()), List.of()));
        return facts;
    }

    /**
     * An in-memory catalog with the two snapshots; imports read lines {@code product <topic> <name>}, and any
     * other line is an error naming the file and line.
     */
    public static InMemoryCatalogService service() {
        InMemoryCatalogService service = new InMemoryCatalogService(TestMesh::readLines, TestMesh::facts,
                Clock.fixed(IMPORT_TIME, ZoneOffset.UTC));
        service.add(CLUSTER, FIRST, "catalog.csv, schemas/", first());
        service.add(CLUSTER, SECOND, "catalog.csv, schemas/, topics.txt", second());
        return service;
    }

    /** The tiny import format: {@code product <topic> <name words>}; anything else fails with file and line. */
    public static void readLines(Path file, dev.meshlens.engine.model.MeshSink sink) throws java.io.IOException {
        List<String> lines = Files.readAllLines(file);
        sink.cover(SourceKind.CATALOG);
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).trim().split("\\s+", 3);
            if (parts.length < 3 || !parts[0].equals("product")) {
                throw new InputException(file.getFileName().toString(), i + 1,
                        "expected 'product <topic> <name>'");
            }
            sink.product(product(parts[2], parts[1], "imported", null, null, null, List.of(), null, null,
                    Lifecycle.ACTIVE));
        }
    }
}
