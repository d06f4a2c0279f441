package dev.meshlens.engine.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts of one cluster: what one import read, or what the catalog holds as of a point in time.
 * Lists are in a canonical order (see {@link #canonical()}), so equal content compares and prints equal.
 */
public record MeshContent(Set<SourceKind> sources, List<AclBinding> acls, List<Topic> topics,
                          List<ConsumerGroup> groups, List<DataProduct> products, List<ServiceInfo> services,
                          List<GroupMapping> groupMappings, List<SchemaVersion> schemas, List<RecordHop> hops) {

    public MeshContent {
        sources = sources == null || sources.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sources));
        acls = acls == null ? List.of() : List.copyOf(acls);
        topics = topics == null ? List.of() : List.copyOf(topics);
        groups = groups == null ? List.of() : List.copyOf(groups);
        products = products == null ? List.of() : List.copyOf(products);
        services = services == null ? List.of() : List.copyOf(services);
        groupMappings = groupMappings == null ? List.of() : List.copyOf(groupMappings);
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
        hops = hops == null ? List.of() : List.copyOf(hops);
    }

    public static MeshContent empty() {
        return new MeshContent(Set.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    /** Replays every fact into {@code sink}, sources first. */
    public void writeTo(MeshSink sink) {
        sources.forEach(sink::cover);
        acls.forEach(sink::acl);
        topics.forEach(sink::topic);
        groups.forEach(sink::group);
        products.forEach(sink::product);
        services.forEach(sink::service);
        groupMappings.forEach(sink::groupMapping);
        schemas.forEach(sink::schema);
        hops.forEach(sink::hop);
    }

    /** The same content with every list sorted by its natural key, duplicates removed. */
    public MeshContent canonical() {
        return new MeshContent(sources,
                sortedDistinct(acls, Comparator.comparing(AclBinding::resourceType).thenComparing(AclBinding::patternType)
                        .thenComparing(AclBinding::resourceName).thenComparing(AclBinding::principal)
                        .thenComparing(AclBinding::host).thenComparing(AclBinding::operation)
                        .thenComparing(AclBinding::permission)),
                sortedDistinct(topics, Comparator.comparing(Topic::name)),
                sortedDistinct(groups, Comparator.comparing(ConsumerGroup::groupId)),
                sortedDistinct(products, Comparator.comparing(DataProduct::topic).thenComparing(DataProduct::name)),
                sortedDistinct(services, Comparator.comparing(ServiceInfo::principal)),
                sortedDistinct(groupMappings, Comparator.comparing(GroupMapping::groupId)
                        .thenComparing(GroupMapping::principal)),
                sortedDistinct(schemas, Comparator.comparing(SchemaVersion::subject)
                        .thenComparingInt(SchemaVersion::version)),
                sortedDistinct(hops, Comparator.comparing(RecordHop::recordId).thenComparing(h -> String.valueOf(h.service()))
                        .thenComparing(h -> String.valueOf(h.at())).thenComparing(RecordHop::event)));
    }

    private static <T> List<T> sortedDistinct(List<T> items, Comparator<T> order) {
        return items.stream().distinct().sorted(order).toList();
    }

    /** A sink that keeps everything in memory and merges group parts by group id. */
    public static final class Collector implements MeshSink {
        private final Set<SourceKind> sources = EnumSet.noneOf(SourceKind.class);
        private final List<AclBinding> acls = new ArrayList<>();
        private final List<Topic> topics = new ArrayList<>();
        private final Map<String, ConsumerGroup> groups = new LinkedHashMap<>();
        private final List<DataProduct> products = new ArrayList<>();
        private final List<ServiceInfo> services = new ArrayList<>();
        private final List<GroupMapping> groupMappings = new ArrayList<>();
        private final List<SchemaVersion> schemas = new ArrayList<>();
        private final List<RecordHop> hops = new ArrayList<>();

        @Override
        public void cover(SourceKind source) {
            sources.add(source);
        }

        @Override
        public void acl(AclBinding acl) {
            acls.add(acl);
        }

        @Override
        public void topic(Topic topic) {
            topics.add(topic);
        }

        @Override
        public void group(ConsumerGroup group) {
            groups.merge(group.groupId(), group, ConsumerGroup::merge);
        }

        @Override
        public void product(DataProduct product) {
            products.add(product);
        }

        @Override
        public void service(ServiceInfo service) {
            services.add(service);
        }

        @Override
        public void groupMapping(GroupMapping mapping) {
            groupMappings.add(mapping);
        }

        @Override
        public void schema(SchemaVersion schema) {
            schemas.add(schema);
        }

        @Override
        public void hop(RecordHop hop) {
            hops.add(hop);
        }

        /** What was collected so far, in canonical order. */
        public MeshContent content() {
            return new MeshContent(sources, acls, topics, List.copyOf(groups.values()), products, services,
                    groupMappings, schemas, hops).canonical();
        }
    }
}
