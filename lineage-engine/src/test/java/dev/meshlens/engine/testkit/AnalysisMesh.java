package dev.meshlens.engine.testkit;

import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageOptions;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.GroupMapping;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.Lifecycle;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.Topic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small hand-built catalog state for the analysis tests (tiers, reconciliation, sensitive reach): topics,
 * catalog entries with tiers, tags and lifecycle, services with tiers, literal ACLs and consumer groups. Every
 * source counts as imported unless {@link #without} says otherwise, so "not judged" answers can be tested.
 */
public final class AnalysisMesh {
    private final Set<SourceKind> sources = EnumSet.allOf(SourceKind.class);
    private final List<AclBinding> acls = new ArrayList<>();
    private final List<Topic> topics = new ArrayList<>();
    private final Map<String, ConsumerGroup> groups = new LinkedHashMap<>();
    private final List<DataProduct> products = new ArrayList<>();
    private final List<ServiceInfo> services = new ArrayList<>();
    private final List<GroupMapping> mappings = new ArrayList<>();

    /** Topics that exist on the cluster (the topics source). */
    public AnalysisMesh topics(String... names) {
        Arrays.stream(names).forEach(n -> topics.add(new Topic(n, null, 1, 1, Map.of())));
        return this;
    }

    /** A catalog entry named like its topic; {@code tier} may be null (undeclared). */
    public AnalysisMesh product(String topic, Integer tier, String... tags) {
        return product(topic, topic, tier, Lifecycle.ACTIVE, tags);
    }

    /** A deprecated catalog entry without a tier. */
    public AnalysisMesh deprecated(String name, String topic) {
        return product(name, topic, null, Lifecycle.DEPRECATED);
    }

    /** A catalog entry with every field the analyses read. */
    public AnalysisMesh product(String name, String topic, Integer tier, Lifecycle lifecycle, String... tags) {
        products.add(new DataProduct(name, topic, null, null, null, null, null, tier, null, List.of(tags), null,
                lifecycle));
        return this;
    }

    /** A services.csv row; {@code tier} may be null. */
    public AnalysisMesh service(String principal, Integer tier, boolean production) {
        services.add(new ServiceInfo(principal, principal, null, tier, production));
        return this;
    }

    /** LITERAL topic WRITE for {@code principal}. */
    public AnalysisMesh writes(String principal, String topic) {
        return acl(ResourceType.TOPIC, topic, principal, AclOperation.WRITE);
    }

    /** LITERAL topic READ for {@code principal}. */
    public AnalysisMesh reads(String principal, String topic) {
        return acl(ResourceType.TOPIC, topic, principal, AclOperation.READ);
    }

    /** {@code principal} reads {@code from} and writes {@code to}: product-to-product lineage from to to. */
    public AnalysisMesh flow(String principal, String from, String to) {
        return reads(principal, from).writes(principal, to);
    }

    /** A LITERAL ALLOW binding from any host. */
    public AnalysisMesh acl(ResourceType type, String name, String principal, AclOperation op) {
        acls.add(new AclBinding(type, PatternType.LITERAL, name, principal, "*", op, AclPermission.ALLOW));
        return this;
    }

    /**
     * A group of {@code principal} (through a literal GROUP READ ACL) on partition 0 of {@code topic}; a null
     * principal leaves the group without ACL, so no principal can be named for it. Calling this again with the
     * same group id adds another topic to the group.
     */
    public AnalysisMesh group(String groupId, String principal, GroupState state, String topic, long committed,
                              long end) {
        if (principal != null) {
            acl(ResourceType.GROUP, groupId, principal, AclOperation.READ);
        }
        // Parts of one group merge by id, as every importer's sink does.
        groups.merge(groupId, new ConsumerGroup(groupId, state, null, null, List.of(),
                List.of(new PartitionOffset(topic, 0, committed, end, null))), ConsumerGroup::merge);
        return this;
    }

    /** An explicit group mapping. */
    public AnalysisMesh mapping(String groupId, String principal) {
        mappings.add(new GroupMapping(groupId, principal));
        return this;
    }

    /** Marks sources as never imported: the state neither covers them nor holds their facts. */
    public AnalysisMesh without(SourceKind... kinds) {
        Arrays.stream(kinds).forEach(sources::remove);
        return this;
    }

    /** The catalog state: snapshot 1 of cluster {@code test}, covering the sources not removed. */
    public CatalogState state() {
        Snapshot snapshot = new Snapshot(1, Instant.parse("2026-01-01T00:00:00Z"), "test", sources, "test");
        MeshContent content = new MeshContent(sources,
                keep(SourceKind.ACLS, acls), keep(SourceKind.TOPICS, topics),
                keep(SourceKind.GROUPS, List.copyOf(groups.values())),
                keep(SourceKind.CATALOG, products), keep(SourceKind.SERVICES, services),
                keep(SourceKind.GROUP_MAPPING, mappings), List.of(), List.of()).canonical();
        Map<SourceKind, Snapshot> bySource = new EnumMap<>(SourceKind.class);
        sources.forEach(s -> bySource.put(s, snapshot));
        return new CatalogState("test", snapshot, bySource, content);
    }

    /** The lineage graph of {@link #state()} with any lag counting as lagging. */
    public LineageGraph lineage() {
        return LineageGraph.build(state(), LineageOptions.defaults());
    }

    private <T> List<T> keep(SourceKind source, List<T> facts) {
        return sources.contains(source) ? facts : List.of();
    }
}
