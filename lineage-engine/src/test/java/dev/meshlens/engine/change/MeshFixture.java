package dev.meshlens.engine.change;

import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageOptions;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.GroupState;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small hand-built mesh for the analyses' tests; every source counts as covered. */
public final class MeshFixture {
    private final List<AclBinding> acls = new ArrayList<>();
    private final List<Topic> topics = new ArrayList<>();
    private final List<ConsumerGroup> groups = new ArrayList<>();
    private final List<DataProduct> products = new ArrayList<>();
    private final List<ServiceInfo> services = new ArrayList<>();
    private final List<SchemaVersion> schemas = new ArrayList<>();
    private final List<RecordHop> hops = new ArrayList<>();

    public MeshFixture topics(String... names) {
        for (String name : names) {
            topic(new Topic(name, null, 1, 1, Map.of()));
        }
        return this;
    }

    public MeshFixture topic(Topic topic) {
        topics.add(topic);
        return this;
    }

    public MeshFixture acl(AclBinding binding) {
        acls.add(binding);
        return this;
    }

    public MeshFixture writes(String principal, String topic) {
        return acl(new AclBinding(ResourceType.TOPIC, PatternType.LITERAL, topic, principal, "*", AclOperation.WRITE,
                AclPermission.ALLOW));
    }

    public MeshFixture reads(String principal, String topic) {
        return acl(new AclBinding(ResourceType.TOPIC, PatternType.LITERAL, topic, principal, "*", AclOperation.READ,
                AclPermission.ALLOW));
    }

    /** A READ ACL on a consumer group, which names the principal behind it. */
    public MeshFixture groupAcl(String principal, String group) {
        return acl(new AclBinding(ResourceType.GROUP, PatternType.LITERAL, group, principal, "*", AclOperation.READ,
                AclPermission.ALLOW));
    }

    /** A group with partition 0 of {@code topic} at the given committed and end offsets. */
    public MeshFixture group(String groupId, GroupState state, String topic, long committed, long end) {
        groups.add(new ConsumerGroup(groupId, state, null, null, List.of(),
                List.of(new PartitionOffset(topic, 0, committed, end, null))));
        return this;
    }

    public MeshFixture product(String topic, String owner, Integer tier) {
        return product(new DataProduct(null, topic, null, null, null, owner, null, tier, null, List.of(), null, null));
    }

    public MeshFixture product(DataProduct product) {
        products.add(product);
        return this;
    }

    public MeshFixture service(String principal, String owner, Integer tier) {
        return service(new ServiceInfo(principal, null, owner, tier, true));
    }

    public MeshFixture service(ServiceInfo service) {
        services.add(service);
        return this;
    }

    public MeshFixture schema(SchemaVersion schema) {
        schemas.add(schema);
        return this;
    }

    public MeshFixture hop(RecordHop hop) {
        hops.add(hop);
        return this;
    }

    /** The state as of snapshot 1. */
    public CatalogState state() {
        return state(1);
    }

    /** The state as of snapshot {@code id}, taken {@code id} days after 2026-01-01. */
    public CatalogState state(long id) {
        Set<SourceKind> sources = EnumSet.allOf(SourceKind.class);
        Snapshot snapshot = new Snapshot(id, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400 * id), "test",
                sources, "test");
        MeshContent content = new MeshContent(sources, acls, topics, groups, products, services, List.of(), schemas,
                hops).canonical();
        return new CatalogState("test", snapshot, Map.of(SourceKind.ACLS, snapshot), content);
    }

    public LineageGraph graph() {
        return LineageGraph.build(state(), LineageOptions.defaults());
    }
}
