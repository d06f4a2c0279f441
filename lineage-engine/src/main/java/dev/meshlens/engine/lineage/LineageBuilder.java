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
    private static final Comparator<ConsumerDetail> CONSUMER_ROWS = Comparator
            .comparing(ConsumerDetail::principal, NULLS_LAST).thenComparing(ConsumerDetail::group, NULLS_FIRST);
    private static final SortedMap<String, List<GroupUse>> NO_USES = java.util.Collections.emptySortedMap();

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
        long vertices = System.nanoTime();
        addWriters();
        long writers = System.nanoTime();
        // principals are independent and the authorizer is immutable: resolve them on every core
        Map<String, SortedMap<String, HostScope>> readable = new java.util.concurrent.ConcurrentHashMap<>();
        principals.parallelStream().forEach(p ->
                readable.put(p, authorizer.resourcesAllowed(p, AclOperation.READ, ResourceType.TOPIC, topics)));
        long reads = System.nanoTime();
        Observed observed = observeGroups(readable);
        long groups = System.nanoTime();
        addConsumers(readable, observed);
        long consumersAdded = System.nanoTime();
        LineageGraph lineage = new LineageGraph(content, graph, facts, consumers, producers, productNames(), options);
        long end = System.nanoTime();
        LOG.debug("lineage built in {} ms (vertices {}, writers {}, readers {}, groups {}, consumers {}, graph {}): "
                        + "{} products, {} services, {} edges from {} ACLs and {} groups",
                ms(end - start), ms(vertices - start), ms(writers - vertices), ms(reads - writers),
                ms(groups - reads), ms(consumersAdded - groups), ms(end - consumersAdded), topics.size(),
                principals.size(), facts.size(), content.acls().size(), content.groups().size());
        return lineage;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /**
     * Topics source, literal topic names in ACLs, topics groups consume, catalog topics; never Kafka's own
     * internal topics ({@code __consumer_offsets}, {@code __transaction_state}), which carry no data product.
     */
    private static NavigableSet<String> topicUniverse(MeshContent content) {
        // most names repeat (an ACL per principal and topic): deduplicate by hash before sorting once
        java.util.Set<String> topics = new java.util.HashSet<>();
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
        return new TreeSet<>(topics);
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
        Map<String, SortedMap<String, HostScope>> writable = new java.util.concurrent.ConcurrentHashMap<>();
        principals.parallelStream().forEach(p ->
                writable.put(p, authorizer.resourcesAllowed(p, AclOperation.WRITE, ResourceType.TOPIC, topics)));
        for (String p : principals) {
            ServiceNode service = new ServiceNode(p);
            writable.get(p).forEach((topic, hosts) -> {
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

    /** A principal the ACLs let read a topic, from these hosts. */
    private record Reader(String principal, HostScope hosts) {
    }

    /** The READ edges of one topic with their facts, and its consumer rows, worked out apart from the graph. */
    private record Reads(List<LineageEdge> edges, List<EdgeFacts> facts, List<ConsumerDetail> rows) {
        Reads() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        void add(LineageEdge edge, EdgeFacts edgeFacts) {
            edges.add(edge);
            facts.add(edgeFacts);
        }
    }

    private void addConsumers(Map<String, SortedMap<String, HostScope>> readable, Observed observed) {
        // principals in order, so every topic's readers come out sorted without a sorted map per topic
        Map<String, List<Reader>> readersByTopic = new HashMap<>();
        for (String p : principals) {
            readable.get(p).forEach((topic, hosts) ->
                    readersByTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(new Reader(p, hosts)));
        }
        Comparator<GroupUse> mostAlive = GroupUse.mostAliveFirst(options);
        List<String> ordered = new ArrayList<>(topics);
        // topics are independent: work out their reads on every core, then add them to the graph in topic order
        List<Reads> reads = ordered.parallelStream()
                .map(topic -> reads(topic, readersByTopic.getOrDefault(topic, List.of()), observed, mostAlive))
                .toList();
        for (int i = 0; i < ordered.size(); i++) {
            Reads topicReads = reads.get(i);
            for (int e = 0; e < topicReads.edges().size(); e++) {
                LineageEdge edge = topicReads.edges().get(e);
                if (edge.to() instanceof GroupNode group) {
                    graph.addVertex(group);
                }
                addEdge(edge, topicReads.facts().get(e));
            }
            if (!topicReads.rows().isEmpty()) {
                consumers.put(ordered.get(i), List.copyOf(topicReads.rows()));
            }
        }
    }

    private Reads reads(String topic, List<Reader> readers, Observed observed, Comparator<GroupUse> mostAlive) {
        ProductNode product = new ProductNode(topic);
        SortedMap<String, List<GroupUse>> seen = observed.byPrincipal().getOrDefault(topic, NO_USES);
        Reads reads = new Reads();
        // merge the sorted readers with the sorted principals seen consuming: each principal once, in order
        java.util.Iterator<String> seenPrincipals = seen.keySet().iterator();
        String nextSeen = seenPrincipals.hasNext() ? seenPrincipals.next() : null;
        int r = 0;
        while (r < readers.size() || nextSeen != null) {
            Reader reader = r < readers.size() ? readers.get(r) : null;
            int order = reader == null ? 1 : nextSeen == null ? -1 : reader.principal().compareTo(nextSeen);
            String p = order <= 0 ? reader.principal() : nextSeen;
            if (order <= 0) {
                r++;
            }
            if (order >= 0) {
                nextSeen = seenPrincipals.hasNext() ? seenPrincipals.next() : null;
            }
            addReadEdge(product, new ServiceNode(p), order <= 0 ? reader.hosts() : null,
                    mostAliveFirst(seen.get(p), mostAlive), reads, p);
        }
        for (ResolvedUse unnamed : observed.unnamed().getOrDefault(topic, List.of())) {
            GroupUse use = unnamed.use();
            ConsumerState state = unnamed.authorized() ? use.state(options) : ConsumerState.UNAUTHORIZED;
            reads.add(new LineageEdge(product, new GroupNode(use.groupId()), EdgeKind.READ),
                    new EdgeFacts(GROUP_ONLY, state, use.lag(), List.of(use.groupId()), HostScope.none()));
            reads.rows().add(new ConsumerDetail(null, use.groupId(), GROUP_ONLY, use.lag(), state));
        }
        reads.rows().sort(CONSUMER_ROWS);
        return reads;
    }

    /**
     * One READ edge product -> service. With an ACL grant ({@code hosts} not null) the state comes from the
     * principal's most alive group, or is never-consumed without one; without a grant the principal's groups
     * consume unauthorized.
     *
     * @param uses the principal's groups on the topic, most alive first
     */
    private void addReadEdge(ProductNode product, ServiceNode service, HostScope hosts, List<GroupUse> uses,
                             Reads reads, String principal) {
        List<String> groupIds = uses.isEmpty() ? List.of() : uses.stream().map(GroupUse::groupId).toList();
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
        reads.add(new LineageEdge(product, service, EdgeKind.READ),
                new EdgeFacts(evidence, state, lag, groupIds, hosts == null ? HostScope.none() : hosts));
        if (uses.isEmpty()) {
            reads.rows().add(new ConsumerDetail(principal, null, evidence, null, state));
        }
        for (GroupUse use : uses) {
            reads.rows().add(new ConsumerDetail(principal, use.groupId(), evidence, use.lag(),
                    hosts == null ? ConsumerState.UNAUTHORIZED : use.state(options)));
        }
    }

    private static List<GroupUse> mostAliveFirst(List<GroupUse> uses, Comparator<GroupUse> mostAlive) {
        if (uses == null) {
            return List.of();
        }
        return uses.size() == 1 ? List.of(uses.get(0)) : uses.stream().sorted(mostAlive).toList();
    }

    private void addEdge(LineageEdge edge, EdgeFacts edgeFacts) {
        graph.addEdge(edge.from(), edge.to(), edge);
        facts.put(edge, edgeFacts);
    }

    /**
     * Catalog product name to topic; the first topic (in order) wins when two products share a name. Shared
     * names are reported in one warning, not one per name: a generated or merged catalog can hold thousands.
     */
    private Map<String, String> productNames() {
        Map<String, String> names = new HashMap<>();
        List<String> shared = new ArrayList<>();
        content.products().stream().sorted(Comparator.comparing(DataProduct::topic)).forEach(product -> {
            String previous = names.putIfAbsent(product.name(), product.topic());
            if (previous != null && !previous.equals(product.topic())) {
                shared.add("'" + product.name() + "' names " + previous + " and " + product.topic());
                LOG.debug("catalog product name '{}' names topics {} and {}; looking it up gives {}",
                        product.name(), previous, product.topic(), previous);
            }
        });
        if (!shared.isEmpty()) {
            LOG.warn("{} catalog product names name more than one topic (e.g. {}); looking such a name up gives "
                    + "the first topic in order", shared.size(), shared.get(0));
        }
        return names;
    }
}
