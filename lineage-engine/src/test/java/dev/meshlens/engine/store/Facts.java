package dev.meshlens.engine.store;

import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.GroupMapping;
import dev.meshlens.engine.model.GroupMember;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.Lifecycle;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.engine.model.ResourceType;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.Topic;
import dev.meshlens.engine.model.TopicPartition;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Sample facts for the store tests. */
final class Facts {
    static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");

    private Facts() {
    }

    static AclBinding read(String topic, String principal) {
        return new AclBinding(ResourceType.TOPIC, PatternType.LITERAL, topic, principal, "*", AclOperation.READ,
                AclPermission.ALLOW);
    }

    static AclBinding write(String topic, String principal) {
        return new AclBinding(ResourceType.TOPIC, PatternType.PREFIXED, topic, principal, "10.0.0.1",
                AclOperation.WRITE, AclPermission.ALLOW);
    }

    /** The i-th of a family of distinct ACLs. */
    static AclBinding acl(int i) {
        return read("orders.v" + (i % 100), "User:svc-" + i);
    }

    static Topic topic(String name) {
        return new Topic(name, "id-" + name, 6, 3, Map.of("retention.ms", "604800000", "cleanup.policy", "delete"));
    }

    static ConsumerGroup group(String groupId) {
        return new ConsumerGroup(groupId, GroupState.STABLE, "broker-1:9092 (1)", "range",
                List.of(new GroupMember("m-1", "client-1", "/10.0.0.7", List.of(new TopicPartition("orders", 0)))),
                List.of(new PartitionOffset("orders", 0, 42L, 50L, "m-1"),
                        new PartitionOffset("orders", 1, null, 7L, null)));
    }

    static DataProduct product(String topic, Integer tier) {
        return new DataProduct("Orders " + topic, topic, "prod", "kafka://broker:9092", "sales", "team-orders",
                "every order placed", tier, "gold", List.of("pii", "finance"), "registry://orders-value",
                Lifecycle.ACTIVE);
    }

    static ServiceInfo service(String principal) {
        return new ServiceInfo(principal, "billing", "team-billing", 2, true);
    }

    static GroupMapping mapping(String groupId, String principal) {
        return new GroupMapping(groupId, principal);
    }

    static SchemaVersion schema(String subject, int version) {
        return new SchemaVersion(subject, version, 100 + version, "AVRO",
                "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}",
                List.of("common-value:1"), "BACKWARD");
    }

    static RecordHop hop(String recordId, String parent) {
        return new RecordHop(recordId, "enricher", Instant.parse("2024-03-01T08:00:00.123456789Z"),
                parent == null ? List.of() : List.of(parent));
    }
}
