package dev.meshlens.engine.lineage;

import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.GroupMapping;
import dev.meshlens.engine.model.GroupMember;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.Topic;
import dev.meshlens.engine.model.TopicPartition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A tiny hand-built mesh for lineage tests. */
final class Mesh {
    private final List<AclBinding> acls = new ArrayList<>();
    private final List<Topic> topics = new ArrayList<>();
    private final List<ConsumerGroup> groups = new ArrayList<>();
    private final List<DataProduct> products = new ArrayList<>();
    private final List<ServiceInfo> services = new ArrayList<>();
    private final List<GroupMapping> mappings = new ArrayList<>();

    Mesh topics(String... names) {
        for (String name : names) {
            topics.add(new Topic(name, null, 1, 1, Map.of()));
        }
        return this;
    }

    Mesh allow(String principal, AclOperation op, PatternType pattern, String topic) {
        return acl(ResourceType.TOPIC, pattern, topic, principal, "*", op, AclPermission.ALLOW);
    }

    Mesh allowFrom(String host, String principal, AclOperation op, String topic) {
        return acl(ResourceType.TOPIC, PatternType.LITERAL, topic, principal, host, op, AclPermission.ALLOW);
    }

    Mesh deny(String principal, AclOperation op, PatternType pattern, String topic) {
        return acl(ResourceType.TOPIC, pattern, topic, principal, "*", op, AclPermission.DENY);
    }

    /** Producer of literal {@code topic}. */
    Mesh writes(String principal, String topic) {
        return allow(principal, AclOperation.WRITE, PatternType.LITERAL, topic);
    }

    /** Reader of literal {@code topic}. */
    Mesh reads(String principal, String topic) {
        return allow(principal, AclOperation.READ, PatternType.LITERAL, topic);
    }

    Mesh groupAcl(String principal, PatternType pattern, String group) {
        return acl(ResourceType.GROUP, pattern, group, principal, "*", AclOperation.READ, AclPermission.ALLOW);
    }

    Mesh acl(ResourceType type, PatternType pattern, String name, String principal, String host, AclOperation op,
             AclPermission permission) {
        acls.add(new AclBinding(type, pattern, name, principal, host, op, permission));
        return this;
    }

    /** A group with one partition of {@code topic} at the given committed and end offsets. */
    Mesh group(String groupId, GroupState state, String topic, long committed, long end) {
        groups.add(new ConsumerGroup(groupId, state, null, null, List.of(),
                List.of(new PartitionOffset(topic, 0, committed, end, null))));
        return this;
    }

    Mesh group(ConsumerGroup group) {
        groups.add(group);
        return this;
    }

    /** An active group whose only member is assigned partition 0 of {@code topic}, with no commits yet. */
    Mesh assignedGroup(String groupId, String topic) {
        groups.add(new ConsumerGroup(groupId, GroupState.STABLE, null, null,
                List.of(new GroupMember("m-1", "client", "/10.0.0.5", List.of(new TopicPartition(topic, 0)))),
                List.of()));
        return this;
    }

    Mesh mapping(String groupId, String principal) {
        mappings.add(new GroupMapping(groupId, principal));
        return this;
    }

    Mesh service(String principal) {
        services.add(new ServiceInfo(principal, principal, null, null, true));
        return this;
    }

    Mesh product(String name, String topic) {
        products.add(new DataProduct(name, topic, null, null, null, null, null, null, null, List.of(), null, null));
        return this;
    }

    CatalogState state() {
        Set<SourceKind> sources = EnumSet.allOf(SourceKind.class);
        Snapshot snapshot = new Snapshot(1, Instant.parse("2026-01-01T00:00:00Z"), "test", sources, "test");
        MeshContent content = new MeshContent(sources, acls, topics, groups, products, services, mappings, List.of(),
                List.of());
        return new CatalogState("test", snapshot, Map.of(SourceKind.ACLS, snapshot), content);
    }

    LineageGraph build() {
        return LineageGraph.build(state(), LineageOptions.defaults());
    }

    LineageGraph build(long lagThreshold) {
        return LineageGraph.build(state(), new LineageOptions(lagThreshold));
    }

    LineageGraph build(LineageOptions options) {
        return LineageGraph.build(state(), options);
    }
}
