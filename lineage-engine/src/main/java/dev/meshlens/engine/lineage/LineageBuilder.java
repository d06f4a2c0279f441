package dev.meshlens.engine.lineage;

import dev.meshlens.engine.acl.AclAuthorizer;
import dev.meshlens.engine.acl.HostScope;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.GroupMapping;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.Topic;
import dev.meshlens.engine.model.TopicPartition;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds a {@link LineageGraph} from one cluster's content. Single use. */
final class LineageBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(LineageBuilder.class);
    private static final List<String> ACL_ONLY = List.of(EdgeFacts.ACL);
    private static final List<String> GROUP_ONLY = List.of(EdgeFacts.GROUP);
    private static final List<String> ACL_AND_GROUP = List.of(EdgeFacts.ACL, EdgeFacts.GROUP);
    private static final Comparator<String> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());
    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private final MeshContent content;
    private final LineageOptions options;
    private final AclAuthorizer authorizer;
    private final NavigableSet<String> topics;
    private final NavigableSet<String> principals;
    private final Graph<LineageNode, LineageEdge> graph = new DefaultDirectedGraph<>(LineageEdge.class);
    private final Map<LineageEdge, EdgeFacts> facts = new LinkedHashMap<>();
    private final Map<String, List<ConsumerDetail>> consumers = new HashMap<>();
    private final Map<String, List<ProducerDetail>> producers = new HashMap<>();

    LineageBuilder(MeshContent content, LineageOptions options) {
        this.content = content;
        this.options = options;
        this.authorizer = new AclAuthorizer(content.acls());
        this.topics = topicUniverse(content);
        this.principals = principalUniverse(content, authorizer);
    }

    LineageGraph build() {
        long start = System.nanoTime();
        topics.forEach(t -> graph.addVertex(new ProductNode(t)));
        principals.forEach(p -> graph.addVertex(new ServiceNode(p)));
        addWriters();
        Map<String, SortedMap<String, HostScope>> readable = new HashMap<>();
        for (String p : principals) {
            readable.put(p, authorizer.resourcesAllowed(p, AclOperation.READ, ResourceType.TOPIC, topics));
        }
        addConsumers(readable, observeGroups(readable));
        LineageGraph lineage = new LineageGraph(content, graph, facts, consumers, producers, productNames(), options);
        LOG.debug("lineage built in {} ms: {} products, {} services, {} edges from {} ACLs and {} groups",
                (System.nanoTime() - start) / 1_000_000, topics.size(), principals.size(), facts.size(),
                content.acls().size(), content.groups().size());
        return lineage;
    }

    /**
     * Topics source, literal topic names in ACLs, topics groups consume, catalog topics; never Kafka's own
     * internal topics ({@code __consumer_offsets}, {@code __transaction_state}), which carry no data product.
     */
    private static NavigableSet<String> topicUniverse(MeshContent content) {
        TreeSet<String> topics = new TreeSet<>();
        content.topics().stream().map(Topic::name).forEach(topics::add);
        for (AclBinding b : content.acls()) {
            if (b.resourceType() == ResourceType.TOPIC && b.patternType() == PatternType.LITERAL
                    && !b.isWildcardResource()) {
                topics.add(b.resourceName());
            }
        }
        for (ConsumerGroup group : content.groups()) {
            group.offsets().forEach(o -> topics.add(o.topic()));
            group.members().forEach(m -> m.assignment().stream().map(TopicPartition::topic).forEach(topics::add));
        }
        content.products().stream().map(DataProduct::topic).forEach(topics::add);
        topics.removeIf(Topic::isKafkaInternal);
        return topics;
    }

    /** Principals named in ACLs (not the wildcard), in services.csv, and in explicit group mappings. */
    private static NavigableSet<String> principalUniverse(MeshContent content, AclAuthorizer authorizer) {
        TreeSet<String> principals = new TreeSet<>(authorizer.principals());
        content.services().stream().map(ServiceInfo::principal).forEach(principals::add);
        content.groupMappings().stream().map(GroupMapping::principal).forEach(principals::add);
        principals.remove(AclAuthorizer.WILDCARD_PRINCIPAL);
        return principals;
    }

    private void addWriters() {
        Map<String, List<ProducerDetail>> byTopic = new TreeMap<>();
        for (String p : principals) {
            ServiceNode service = new ServiceNode(p);
            authorizer.resourcesAllowed(p, AclOperation.WRITE, ResourceType.TOPIC, topics).forEach((topic, hosts) -> {
                addEdge(new LineageEdge(service, new ProductNode(topic), EdgeKind.WRITE),
                        new EdgeFacts(ACL_ONLY, null, null, List.of(), hosts));
                byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(new ProducerDetail(p, ACL_ONLY, hosts));
            });
        }
        byTopic.forEach((topic, rows) -> producers.put(topic, List.copyOf(rows)));
    }

    /** Who is behind every group use: by topic, uses per principal, and uses no principal can be named for. */
    private record Observed(Map<String, SortedMap<String, List<GroupUse>>> byPrincipal,
                            Map<String, List<ResolvedUse>> unnamed) {
    }

    /** A group use whose principal is unknown; {@code authorized} when some candidate may read the topic. */
    private record ResolvedUse(GroupUse use, boolean authorized) {
    }

    private Observed observeGroups(Map<String, SortedMap<String, HostScope>> readable) {
        GroupResolver resolver = new GroupResolver(authorizer, principals, content.groupMappings(), readable);
        Map<String, SortedMap<String, List<GroupUse>>> byPrincipal = new HashMap<>();
        Map<String, List<ResolvedUse>> unnamed = new HashMap<>();
        Map<String, ConsumerGroup> previous = new HashMap<>();
        options.previousGroups().forEach(g -> previous.merge(g.groupId(), g, ConsumerGroup::merge));
        content.groups().stream().sorted(Comparator.comparing(ConsumerGroup::groupId)).forEach(group ->
                GroupUse.of(group, previous.get(group.groupId())).forEach((topic, use) -> {
                    GroupResolver.Resolution resolution = resolver.resolve(group.groupId(), topic);
                    if (resolution.principal() != null) {
                        byPrincipal.computeIfAbsent(topic, t -> new TreeMap<>())
                                .computeIfAbsent(resolution.principal(), p -> new ArrayList<>()).add(use);
                    } else {
                        unnamed.computeIfAbsent(topic, t -> new ArrayList<>())
                                .add(new ResolvedUse(use, resolution.authorized()));
                    }
                }));
        return new Observed(byPrincipal, unnamed);
    }

    private void addConsumers(Map<String, SortedMap<String, HostScope>> readable, Observed observed) {
        Map<String, SortedMap<String, HostScope>> readersByTopic = new HashMap<>();
        readable.forEach((p, allowed) -> allowed.forEach((topic, hosts) ->
                readersByTopic.computeIfAbsent(topic, t -> new TreeMap<>()).put(p, hosts)));
        Comparator<GroupUse> mostAlive = GroupUse.mostAliveFirst(options);
        for (String topic : topics) {
            ProductNode product = new ProductNode(topic);
            SortedMap<String, HostScope> readers = readersByTopic.getOrDefault(topic, new TreeMap<>());
            SortedMap<String, List<GroupUse>> seen = observed.byPrincipal().getOrDefault(topic, new TreeMap<>());
            TreeSet<String> consumerPrincipals = new TreeSet<>(readers.keySet());
            consumerPrincipals.addAll(seen.keySet());
            List<ConsumerDetail> rows = new ArrayList<>();
            for (String p : consumerPrincipals) {
                HostScope hosts = readers.get(p);
                List<GroupUse> uses = seen.getOrDefault(p, List.of()).stream().sorted(mostAlive).toList();
                addReadEdge(product, new ServiceNode(p), hosts, uses, rows, p);
            }
            for (ResolvedUse unnamed : observed.unnamed().getOrDefault(topic, List.of())) {
                GroupUse use = unnamed.use();
                ConsumerState state = unnamed.authorized() ? use.state(options)
                        : ConsumerState.UNAUTHORIZED;
                GroupNode group = new GroupNode(use.groupId());
                graph.addVertex(group);
                addEdge(new LineageEdge(product, group, EdgeKind.READ),
                        new EdgeFacts(GROUP_ONLY, state, use.lag(), List.of(use.groupId()), HostScope.none()));
                rows.add(new ConsumerDetail(null, use.groupId(), GROUP_ONLY, use.lag(), state));
            }
            if (!rows.isEmpty()) {
                rows.sort(Comparator.comparing(ConsumerDetail::principal, NULLS_LAST)
                        .thenComparing(ConsumerDetail::group, NULLS_FIRST));
                consumers.put(topic, List.copyOf(rows));
            }
        }
    }

    /**
     * One READ edge product -> service. With an ACL grant ({@code hosts} not null) the state comes from the
     * principal's most alive group, or is never-consumed without one; without a grant the principal's groups
     * consume unauthorized.
     *
     * @param uses the principal's groups on the topic, most alive first
     */
    private void addReadEdge(ProductNode product, ServiceNode service, HostScope hosts, List<GroupUse> uses,
                             List<ConsumerDetail> rows, String principal) {
        List<String> groupIds = uses.stream().map(GroupUse::groupId).toList();
        Long lag = uses.isEmpty() ? null : uses.get(0).lag();
        List<String> evidence;
        ConsumerState state;
        if (hosts == null) {
            evidence = GROUP_ONLY;
            state = ConsumerState.UNAUTHORIZED;
        } else if (uses.isEmpty()) {
            evidence = ACL_ONLY;
            state = ConsumerState.NEVER_CONSUMED;
        } else {
            evidence = ACL_AND_GROUP;
            state = uses.get(0).state(options);
        }
        addEdge(new LineageEdge(product, service, EdgeKind.READ),
                new EdgeFacts(evidence, state, lag, groupIds, hosts == null ? HostScope.none() : hosts));
        if (uses.isEmpty()) {
            rows.add(new ConsumerDetail(principal, null, evidence, null, state));
        }
        for (GroupUse use : uses) {
            rows.add(new ConsumerDetail(principal, use.groupId(), evidence, use.lag(),
                    hosts == null ? ConsumerState.UNAUTHORIZED : use.state(options)));
        }
    }

    private void addEdge(LineageEdge edge, EdgeFacts edgeFacts) {
        graph.addEdge(edge.from(), edge.to(), edge);
        facts.put(edge, edgeFacts);
    }

    /** Catalog product name to topic; the first topic (in order) wins when two products share a name. */
    private Map<String, String> productNames() {
        Map<String, String> names = new HashMap<>();
        content.products().stream().sorted(Comparator.comparing(DataProduct::topic)).forEach(product -> {
            String previous = names.putIfAbsent(product.name(), product.topic());
            if (previous != null && !previous.equals(product.topic())) {
                LOG.warn("catalog product name '{}' names topics {} and {}; looking it up gives {}", product.name(),
                        previous, product.topic(), previous);
            }
        });
        return names;
    }
}
