package dev.meshlens.engine.export;

import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageOptions;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.GroupMapping;
import dev.meshlens.engine.model.GroupMember;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.Lifecycle;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.engine.model.ResourceType;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.Topic;
import dev.meshlens.engine.model.TopicPartition;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.engine.store.ImportSession;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small mesh with every kind of fact, imported into a real H2 catalog file, for the export tests.
 *
 * <p>orders-svc writes {@code orders}; billing-svc reads it (group billing-app, lagging) and writes
 * {@code invoices}; shipping-svc may read {@code orders} but never did; {@link #AUDITOR} (a principal with a
 * backslash, a comma and quotes) reads {@code invoices} through the stopped group audit-app; rogue-group reads
 * {@code invoices} without any ACL. {@code orders} has a registered Avro value schema in two versions.
 */
final class ExportMesh implements AutoCloseable {
    static final String CLUSTER = "prod";
    static final String AUDITOR = "User:CN=Smith\\, \"J\",O=Acme";
    static final Instant T1 = Instant.parse("2026-03-01T08:00:00Z");

    private final CatalogStore store;

    ExportMesh(Path dir) {
        this.store = CatalogStore.open("jdbc:h2:file:" + dir.resolve("catalog"));
    }

    CatalogStore store() {
        return store;
    }

    /** Imports {@code content} as one snapshot of {@link #CLUSTER}. */
    Snapshot importContent(MeshContent content, Instant takenAt) {
        try (ImportSession session = store.beginImport(CLUSTER, "export-test", takenAt)) {
            content.writeTo(session);
            return session.commit();
        }
    }

    /** The catalog of {@link #CLUSTER} as of {@code snapshot}. */
    CatalogState state(Snapshot snapshot) {
        return store.state(CLUSTER, snapshot.id());
    }

    /** The full mesh imported at {@link #T1}, as the catalog then holds it. */
    CatalogState imported() {
        return state(importContent(full(), T1));
    }

    static LineageGraph lineage(CatalogState state) {
        return LineageGraph.build(state, LineageOptions.defaults());
    }

    /** Every source, every kind of fact. */
    static MeshContent full() {
        List<AclBinding> acls = new ArrayList<>(List.of(
                allow(ResourceType.TOPIC, "orders", "User:orders-svc", AclOperation.WRITE),
                allow(ResourceType.TOPIC, "orders", "User:billing-svc", AclOperation.READ),
                allow(ResourceType.TOPIC, "invoices", "User:billing-svc", AclOperation.WRITE),
                allow(ResourceType.TOPIC, "orders", "User:shipping-svc", AclOperation.READ),
                allow(ResourceType.TOPIC, "invoices", AUDITOR, AclOperation.READ),
                allow(ResourceType.GROUP, "billing-app", "User:billing-svc", AclOperation.READ)));
        List<Topic> topics = List.of(new Topic("orders", "id-orders", 2, 3, Map.of("retention.ms", "604800000")),
                new Topic("invoices", null, 1, 3, Map.of()), new Topic("audit.log", null, 1, 1, Map.of()));
        List<ConsumerGroup> groups = List.of(
                new ConsumerGroup("billing-app", GroupState.STABLE, "broker-1:9093 (1)", "range",
                        List.of(new GroupMember("m-1", "billing-1", "/10.0.0.7",
                                List.of(new TopicPartition("orders", 0), new TopicPartition("orders", 1)))),
                        List.of(new PartitionOffset("orders", 0, 90L, 100L, "m-1"),
                                new PartitionOffset("orders", 1, 50L, 50L, "m-1"))),
                new ConsumerGroup("audit-app", GroupState.EMPTY, null, null, List.of(),
                        List.of(new PartitionOffset("invoices", 0, 7L, 9L, null))),
                new ConsumerGroup("rogue-group", GroupState.STABLE, null, null, List.of(),
                        List.of(new PartitionOffset("invoices", 0, 9L, 9L, null))));
        List<DataProduct> products = List.of(
                new DataProduct("Orders", "orders", CLUSTER, "SASL_SSL://broker-1:9093,broker-2:9093",
                        "sales", "team-orders@acme.example", "All orders, as placed", 1, "gold",
                        List.of("pii", "financial"),
                        "https://registry.acme.example/subjects/orders-value/versions/latest", Lifecycle.ACTIVE),
                new DataProduct("Invoices", "invoices", CLUSTER, "kafka://broker-1:9093", "billing", "team-billing",
                        null, 2, "silver", List.of(), null, Lifecycle.DEPRECATED));
        List<ServiceInfo> services = List.of(
                new ServiceInfo("User:billing-svc", "Billing", "team-billing", 2, true),
                new ServiceInfo("User:orders-svc", "Orders service", "team-orders@acme.example", 1, true));
        List<GroupMapping> mappings = List.of(new GroupMapping("audit-app", AUDITOR));
        List<SchemaVersion> schemas = List.of(
                new SchemaVersion("orders-value", 1, 11, "AVRO", ORDER_V1, List.of(), "BACKWARD"),
                new SchemaVersion("orders-value", 2, 12, "AVRO", ORDER_V2, List.of(), "BACKWARD"));
        List<RecordHop> hops = List.of(
                new RecordHop("orders-0@90", "orders-svc", Instant.parse("2026-03-01T07:59:00.123Z"), List.of()),
                new RecordHop("invoices-0@7", "billing-svc", Instant.parse("2026-03-01T07:59:01Z"),
                        List.of("orders-0@90")));
        Set<SourceKind> all = EnumSet.allOf(SourceKind.class);
        return new MeshContent(all, acls, topics, groups, products, services, mappings, schemas, hops).canonical();
    }

    static final String ORDER_V1 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"string\"}]}";
    static final String ORDER_V2 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"string\"},"
            + "{\"name\":\"amount\",\"type\":\"long\",\"doc\":\"in cents\"},"
            + "{\"name\":\"customer\",\"type\":{\"type\":\"record\",\"name\":\"Customer\",\"fields\":["
            + "{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null}]}}]}";

    static AclBinding allow(ResourceType type, String name, String principal, AclOperation operation) {
        return new AclBinding(type, PatternType.LITERAL, name, principal, "*", operation, AclPermission.ALLOW);
    }

    @Override
    public void close() {
        store.close();
    }
}
