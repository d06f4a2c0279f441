package dev.meshlens.engine.trace;

import dev.meshlens.engine.lineage.EdgeFacts;
import dev.meshlens.engine.lineage.EdgeKind;
import dev.meshlens.engine.lineage.LineageEdge;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.ServiceNode;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.engine.model.ServiceInfo;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Record-level lineage from {@link RecordHop}s, in the JGraphT algorithm style: the hops (and optionally the
 * topology) are given once, traces follow.
 *
 * <p>The records form a directed acyclic graph, parent to child. Hops of the same record are merged: a join
 * writes one {@code lineage} header per parent, so the record's parents are the union of its hops' parents,
 * and its service and time are those of its earliest hop. Bad data cannot make the graph cyclic: a depth-first
 * walk of the parent-to-child links, records and children in record id order, ignores each link back to a
 * record still on its path (a record its own ancestor, or its own parent); such links are logged, listed by
 * {@link #ignoredLinks()} and reported as {@link TraceGap.Kind#CYCLE} gaps. Building takes time linear in the
 * hops (after sorting the record ids once).
 * Consumed hops ({@link RecordHop#isConsumption()}) add no link; they are evidence for silent consumers.
 *
 * <p>A trace reports gaps honestly: records without a hop of their own ({@code no-header}), records derived
 * from several parents ({@code join}), and, for the traced record and each descendant, the services that read
 * its topic (by the topology's READ edges) or reported consuming it, yet emitted no record derived from it
 * ({@code silent-consumer}). Hop service names are matched with principals as {@link ServiceIdentities}
 * describes. Consumer groups standing for an unknown principal are not reported: no hop can name them.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class RecordLineage {
    private static final Logger LOG = LoggerFactory.getLogger(RecordLineage.class);
    private static final Comparator<RecordHop> EARLIEST_FIRST = Comparator
            .comparing(RecordHop::at, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(RecordHop::service, Comparator.nullsLast(Comparator.naturalOrder()));

    private final DirectedAcyclicGraph<String, DefaultEdge> dag = new DirectedAcyclicGraph<>(DefaultEdge.class);
    /** Every record's position in record id order; sorting by rank avoids re-parsing ids in comparisons. */
    private final Map<String, Integer> rank = new HashMap<>();
    /** Each record's parents as its emitted hops name them (union, self and cycles included), in rank order. */
    private final Map<String, List<String>> parents = new HashMap<>();
    private final Comparator<String> byRank = Comparator.comparingInt(r -> rank.get(r));
    /** Emitted hops per record, earliest first. */
    private final Map<String, List<RecordHop>> emitted = new HashMap<>();
    /** Consumed hops per record, earliest first. */
    private final Map<String, List<RecordHop>> consumed = new HashMap<>();
    private final List<RecordLink> ignoredLinks = new ArrayList<>();
    private final Set<RecordLink> ignoredSet = new HashSet<>();
    private final LineageGraph topology;
    private final ServiceIdentities identities;

    /**
     * Record lineage without topology: traces report no-header, join and cycle gaps, and silent consumers only
     * where consumed hops give evidence.
     *
     * @throws NullPointerException when {@code hops} or a hop is null
     */
    public RecordLineage(Collection<RecordHop> hops) {
        this(hops, null, List.of());
    }

    /**
     * Record lineage that also reports the topology's readers of a record's topic that emitted nothing from it.
     *
     * @param topology the lineage graph of the same cluster, or null for none
     * @param services services.csv, whose names help match hop services with principals
     * @throws NullPointerException when {@code hops}, a hop or {@code services} is null
     */
    public RecordLineage(Collection<RecordHop> hops, LineageGraph topology, Collection<ServiceInfo> services) {
        Objects.requireNonNull(hops, "hops");
        Objects.requireNonNull(services, "services");
        this.topology = topology;
        this.identities = new ServiceIdentities(topology == null ? List.of()
                : topology.services().stream().map(ServiceNode::principal).toList(), services);
        for (RecordHop hop : hops) {
            Objects.requireNonNull(hop, "hop");
            (hop.isConsumption() ? consumed : emitted).computeIfAbsent(hop.recordId(), r -> new ArrayList<>()).add(hop);
        }
        emitted.values().forEach(list -> list.sort(EARLIEST_FIRST));
        consumed.values().forEach(list -> list.sort(EARLIEST_FIRST));
        build();
    }

    /** The record lineage of a catalog state's hops, with its topology and services. */
    public static RecordLineage of(CatalogState state, LineageGraph topology) {
        return new RecordLineage(state.content().hops(), topology, state.content().services());
    }

    private void build() {
        Set<String> records = new HashSet<>(emitted.keySet());
        records.addAll(consumed.keySet());
        emitted.values().forEach(hops -> hops.forEach(h -> records.addAll(h.parents())));
        rankInRecordIdOrder(records);
        Map<String, List<String>> children = new HashMap<>();
        emitted.forEach((record, hops) -> {
            TreeSet<String> union = new TreeSet<>(byRank);
            hops.forEach(h -> union.addAll(h.parents()));
            parents.put(record, List.copyOf(union));
            union.forEach(parent -> children.computeIfAbsent(parent, p -> new ArrayList<>()).add(record));
        });
        children.values().forEach(list -> list.sort(byRank));
        List<String> topological = breakCycles(children);
        topological.forEach(dag::addVertex);
        // vertices went in in topological order, so no edge makes the DAG reorder anything
        for (String parent : topological) {
            for (String child : children.getOrDefault(parent, List.of())) {
                if (!ignored(parent, child)) {
                    dag.addEdge(parent, child);
                }
            }
        }
        LOG.debug("record lineage: {} records, {} links, {} ignored", dag.vertexSet().size(), dag.edgeSet().size(),
                ignoredLinks.size());
    }

    private void rankInRecordIdOrder(Set<String> records) {
        record Key(String topic, int partition, long offset, String text) {
        }
        List<Key> keys = new ArrayList<>(records.size());
        for (String text : records) {
            Optional<RecordId> id = RecordId.tryParse(text);
            keys.add(id.map(r -> new Key(r.topic(), r.partition(), r.offset(), text)).orElse(new Key(text, -1, -1, text)));
        }
        keys.sort(Comparator.comparing(Key::topic).thenComparingInt(Key::partition).thenComparingLong(Key::offset)
                .thenComparing(Key::text));
        for (int i = 0; i < keys.size(); i++) {
            rank.put(keys.get(i).text(), i);
        }
    }

    /**
     * Walks the parent-to-child links depth first, records and children in record id order, and ignores every
     * link back to a record still on the walk's path (a record its own ancestor or its own parent).
     *
     * @return every record in a topological order of the links kept
     */
    private List<String> breakCycles(Map<String, List<String>> children) {
        List<String> order = rank.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .toList();
        Map<String, Boolean> onPath = new HashMap<>(); // true while on the path, false once finished
        List<String> postOrder = new ArrayList<>(order.size());
        for (String start : order) {
            if (onPath.containsKey(start)) {
                continue;
            }
            ArrayDeque<Iterator<String>> stack = new ArrayDeque<>();
            ArrayDeque<String> path = new ArrayDeque<>();
            onPath.put(start, true);
            path.push(start);
            stack.push(children.getOrDefault(start, List.of()).iterator());
            while (!stack.isEmpty()) {
                Iterator<String> next = stack.peek();
                if (!next.hasNext()) {
                    stack.pop();
                    String done = path.pop();
                    onPath.put(done, false);
                    postOrder.add(done);
                    continue;
                }
                String child = next.next();
                Boolean state = onPath.get(child);
                if (state == null) {
                    onPath.put(child, true);
                    path.push(child);
                    stack.push(children.getOrDefault(child, List.of()).iterator());
                } else if (state) {
                    ignore(path.peek(), child);
                }
            }
        }
        java.util.Collections.reverse(postOrder);
        return postOrder;
    }

    private boolean ignored(String parent, String child) {
        return !ignoredSet.isEmpty() && ignoredSet.contains(new RecordLink(parent, child));
    }

    private void ignore(String parent, String child) {
        LOG.warn("record {} names {} as a parent, which would close a cycle; the link is ignored", child, parent);
        RecordLink link = new RecordLink(parent, child);
        ignoredLinks.add(link);
        ignoredSet.add(link);
    }

    /** The parents every emitted hop of {@code record} names, in record id order. */
    private List<String> parentsOf(String record) {
        return parents.getOrDefault(record, List.of());
    }

    /** The record graph, parent to child, as an unmodifiable view; acyclic. */
    public Graph<String, DefaultEdge> graph() {
        return new AsUnmodifiableGraph<>(dag);
    }

    /** The parent links that were ignored because they would have closed a cycle, in the order found. */
    public List<RecordLink> ignoredLinks() {
        return List.copyOf(ignoredLinks);
    }

    /** Whether any hop names {@code recordId}: as the record emitted or consumed, or as a parent. */
    public boolean contains(String recordId) {
        return recordId != null && dag.containsVertex(recordId);
    }

    /**
     * Up to {@code limit} known record ids close to {@code recordId}, to suggest when it is unknown: those of
     * the same topic partition, nearest offset first; failing those, those of the same topic, by partition and
     * offset distance. Empty when {@code recordId} is not a record id or its topic is unknown.
     *
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    public List<String> nearest(String recordId, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, got " + limit);
        }
        Optional<RecordId> wanted = RecordId.tryParse(recordId);
        if (wanted.isEmpty()) {
            return List.of();
        }
        RecordId w = wanted.get();
        List<RecordId> sameTopic = dag.vertexSet().stream().map(RecordId::tryParse).flatMap(Optional::stream)
                .filter(r -> r.topic().equals(w.topic())).toList();
        List<RecordId> samePartition = sameTopic.stream().filter(r -> r.partition() == w.partition()).toList();
        List<RecordId> pool = samePartition.isEmpty() ? sameTopic : samePartition;
        return pool.stream()
                .sorted(Comparator.comparingInt((RecordId r) -> Math.abs(r.partition() - w.partition()))
                        .thenComparingLong(r -> Math.abs(r.offset() - w.offset()))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(limit).map(RecordId::toString).toList();
    }

    /**
     * The lineage of one record: its ancestors and descendants, each at its shortest depth, and the gaps.
     *
     * @throws IllegalArgumentException when no hop names {@code recordId} (see {@link #contains(String)})
     */
    public RecordTrace trace(String recordId) {
        Objects.requireNonNull(recordId, "recordId");
        if (!dag.containsVertex(recordId)) {
            throw new IllegalArgumentException("no hop names record " + recordId);
        }
        Map<String, Integer> ancestors = reach(recordId, r -> dag.incomingEdgesOf(r).stream().map(dag::getEdgeSource));
        Map<String, Integer> descendants = reach(recordId,
                r -> dag.outgoingEdgesOf(r).stream().map(dag::getEdgeTarget));
        List<TraceGap> gaps = new ArrayList<>();
        Set<String> onTrace = new HashSet<>(ancestors.keySet());
        onTrace.addAll(descendants.keySet());
        onTrace.add(recordId);
        for (String record : onTrace) {
            headerGap(record).ifPresent(gaps::add);
            joinGap(record).ifPresent(gaps::add);
        }
        for (RecordLink link : ignoredLinks) {
            if (onTrace.contains(link.child()) || onTrace.contains(link.parent())) {
                gaps.add(new TraceGap(TraceGap.Kind.CYCLE, link.child(), link.child() + " names " + link.parent()
                        + " as a parent, but " + link.parent() + (link.parent().equals(link.child()) ? " is itself"
                        : " already descends from it") + "; the link is ignored", List.of(link.parent())));
            }
        }
        gaps.addAll(silentConsumers(recordId, descendants.keySet()));
        gaps.sort(Comparator.comparing(TraceGap::kind).thenComparing(TraceGap::record, byRank)
                .thenComparing(g -> String.join(",", g.involved())));
        return new RecordTrace(recordId, hop(recordId, 0), hops(ancestors), hops(descendants), gaps);
    }

    /** Breadth-first reach from {@code root} (excluded), each record at its shortest depth. */
    private static Map<String, Integer> reach(String root, Function<String, Stream<String>> next) {
        Map<String, Integer> depth = new LinkedHashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(root);
        Map<String, Integer> seen = new HashMap<>();
        seen.put(root, 0);
        while (!queue.isEmpty()) {
            String record = queue.poll();
            int d = seen.get(record);
            next.apply(record).forEach(n -> {
                if (seen.putIfAbsent(n, d + 1) == null) {
                    depth.put(n, d + 1);
                    queue.add(n);
                }
            });
        }
        return depth;
    }

    private List<TracedHop> hops(Map<String, Integer> depths) {
        List<TracedHop> hops = new ArrayList<>(depths.size());
        depths.forEach((record, depth) -> hops.add(hop(record, depth)));
        hops.sort(Comparator.comparingInt(TracedHop::depth).thenComparing(TracedHop::record, byRank));
        return hops;
    }

    private TracedHop hop(String record, int depth) {
        List<RecordHop> hops = emitted.get(record);
        if (hops == null) {
            return new TracedHop(record, null, null, List.of(), depth, false);
        }
        RecordHop first = hops.get(0);
        if (hops.stream().map(RecordHop::service).distinct().count() > 1) {
            LOG.warn("record {} has hops of several services {}; showing the earliest, {}", record,
                    hops.stream().map(RecordHop::service).distinct().toList(), first.service());
        }
        return new TracedHop(record, first.service(), first.at(), parentsOf(record), depth, true);
    }

    private Optional<TraceGap> headerGap(String record) {
        if (emitted.containsKey(record)) {
            return Optional.empty();
        }
        List<String> children = dag.outgoingEdgesOf(record).stream().map(dag::getEdgeTarget).sorted(byRank)
                .toList();
        String detail = children.isEmpty()
                ? record + " is known only from consumption reports (" + String.join(", ", consumers(record))
                + "); no hop emitted it, so whoever wrote it added no lineage header"
                : record + " is named as a parent by " + String.join(", ", children)
                + " but has no hop of its own: whoever wrote it added no lineage header, so its own origin is unknown";
        return Optional.of(new TraceGap(TraceGap.Kind.NO_HEADER, record, detail, children));
    }

    private Optional<TraceGap> joinGap(String record) {
        List<String> parents = parentsOf(record);
        if (parents.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(new TraceGap(TraceGap.Kind.JOIN, record, record + " was derived from " + parents.size()
                + " records (a join or an aggregation): " + String.join(", ", parents), parents));
    }

    private List<String> consumers(String record) {
        return consumed.getOrDefault(record, List.of()).stream().map(RecordHop::service).filter(Objects::nonNull)
                .distinct().sorted().toList();
    }

    /**
     * For the traced record and each descendant: readers of its topic and reported consumers that emitted no
     * record derived from it.
     */
    private List<TraceGap> silentConsumers(String root, Collection<String> descendants) {
        Set<String> scope = new HashSet<>(descendants);
        scope.add(root);
        Map<String, Set<String>> emittersBelow = emittersBelow(scope);
        List<TraceGap> gaps = new ArrayList<>();
        for (String record : scope) {
            SortedMap<String, String> why = new TreeMap<>();
            RecordId.tryParse(record).ifPresent(id -> topologyReaders(id.topic()).forEach(why::put));
            for (RecordHop hop : consumed.getOrDefault(record, List.of())) {
                String identity = identities.identity(hop.service());
                if (identity == null) {
                    continue;
                }
                String reported = (hop.service().equals(identity) ? "" : " (as " + hop.service() + ")")
                        + " reported consuming " + record + (hop.at() == null ? "" : " at " + hop.at());
                why.merge(identity, reported, (reads, report) -> reads + " and" + report);
            }
            Set<String> emitters = emittersBelow.getOrDefault(record, Set.of());
            why.forEach((service, reason) -> {
                if (!emitters.contains(service)) {
                    gaps.add(new TraceGap(TraceGap.Kind.SILENT_CONSUMER, record, service + reason
                            + ", but emitted no record derived from " + record, List.of(service)));
                }
            });
        }
        return gaps;
    }

    /** For each principal reading {@code topic} in the topology, why it counts: {@code " reads t (acl; up-to-date)"}. */
    private Map<String, String> topologyReaders(String topic) {
        Map<String, String> readers = new TreeMap<>();
        if (topology == null) {
            return readers;
        }
        Optional<ProductNode> product = topology.product(topic);
        if (product.isEmpty()) {
            return readers;
        }
        for (LineageEdge edge : topology.graph().outgoingEdgesOf(product.get())) {
            if (edge.kind() == EdgeKind.READ && edge.to() instanceof ServiceNode service) {
                EdgeFacts facts = topology.facts(edge);
                readers.put(service.principal(), " reads " + topic + " (" + String.join(",", facts.evidence())
                        + (facts.state() == null ? "" : "; " + facts.state().label()) + ")");
            }
        }
        return readers;
    }

    /**
     * For every record of {@code scope} (a record and its descendants, closed under children), the identities
     * of the services that emitted some record below it. Children are handled before parents (reverse
     * topological order of the scope), so each record's set is the union of its children's.
     */
    private Map<String, Set<String>> emittersBelow(Set<String> scope) {
        Map<String, Integer> pendingChildren = new HashMap<>();
        ArrayDeque<String> ready = new ArrayDeque<>();
        for (String record : scope) {
            int children = dag.outDegreeOf(record);
            pendingChildren.put(record, children);
            if (children == 0) {
                ready.add(record);
            }
        }
        Map<String, Set<String>> below = new HashMap<>();
        while (!ready.isEmpty()) {
            String record = ready.poll();
            Set<String> set = new HashSet<>();
            for (DefaultEdge edge : dag.outgoingEdgesOf(record)) {
                String child = dag.getEdgeTarget(edge);
                set.addAll(below.getOrDefault(child, Set.of()));
                emitted.getOrDefault(child, List.of()).forEach(h -> {
                    String identity = identities.identity(h.service());
                    if (identity != null) {
                        set.add(identity);
                    }
                });
            }
            below.put(record, set);
            for (DefaultEdge edge : dag.incomingEdgesOf(record)) {
                String parent = dag.getEdgeSource(edge);
                if (scope.contains(parent) && pendingChildren.merge(parent, -1, Integer::sum) == 0) {
                    ready.add(parent);
                }
            }
        }
        return below;
    }
}
