package dev.meshlens.engine.tiers;

import dev.meshlens.engine.lineage.GroupNode;
import dev.meshlens.engine.lineage.LineageEdge;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.ServiceNode;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.SlaTier;
import dev.meshlens.engine.model.Topic;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * SLA tier chains: a product or service cannot promise a better (smaller) tier than the worst (largest) tier
 * declared anywhere upstream of it. Products take their tier from the catalog entry of their topic, services from
 * services.csv by principal. Every edge kind counts as "upstream" (a product is fed by its writers, a service by
 * what it reads, whatever the evidence or consumer state); group nodes have no tier and feed nothing.
 *
 * <p>In the JGraphT algorithm style: the constructor takes the lineage graph and the catalog state it was built
 * from, validates them and propagates the worst upstream tier once; queries follow. Cycles are handled by
 * condensing strongly connected components (every member of a cycle is upstream of every other) and propagating
 * in topological order of the condensation, so the cost is linear in the graph. A violation's limiting path is a
 * shortest path upstream to a node declaring the capping tier; among equally short paths, the one whose node
 * names compare smallest from the violating node outward wins, so answers are deterministic.
 *
 * <p>Nodes without a declared tier are reported by {@link #unknown()}; they cap nothing, but tiers above them
 * still flow through them. Kafka's internal topics ({@link Topic#isInternal}) are never products anyone declares,
 * so they are not reported as unknown. Quality classes do not chain and are ignored here.
 *
 * <p>Immutable and thread-safe.
 */
public final class TierChains {
    /** Node order of every path tie-break: by name, then kind (a group id may look like a topic). */
    private static final Comparator<LineageNode> BY_NAME = Comparator.comparing(LineageNode::name)
            .thenComparing(LineageNode::kind);

    private final Graph<LineageNode, LineageEdge> graph;
    private final Map<LineageNode, Integer> declared;
    private final Map<LineageNode, Integer> worstUpstream;
    private final List<ServiceNode> production;

    /**
     * Propagates the worst declared tier through {@code lineage}.
     *
     * @param lineage the lineage graph built from {@code state}
     * @param state   the catalog state: catalog entries give product tiers, services.csv service tiers and the
     *                production flag
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the graph was not built from {@code state}
     */
    public TierChains(LineageGraph lineage, CatalogState state) {
        Objects.requireNonNull(lineage, "lineage");
        Objects.requireNonNull(state, "state");
        lineage.requireBuiltFrom(state);
        this.graph = lineage.graph();
        Map<LineageNode, Integer> tiers = new HashMap<>();
        for (DataProduct product : state.content().products()) {
            ProductNode node = new ProductNode(product.topic());
            if (product.slaTier() != null && graph.containsVertex(node)) {
                // Two catalog entries on one topic: the weaker promise is the one the topic can keep.
                tiers.merge(node, product.slaTier(), Math::max);
            }
        }
        List<ServiceNode> productionServices = new ArrayList<>();
        for (ServiceInfo service : state.content().services()) {
            ServiceNode node = new ServiceNode(service.principal());
            if (service.tier() != null) {
                tiers.merge(node, service.tier(), Math::max);
            }
            if (service.production() && !productionServices.contains(node)) {
                productionServices.add(node);
            }
        }
        productionServices.sort(BY_NAME);
        this.declared = Map.copyOf(tiers);
        this.production = List.copyOf(productionServices);
        this.worstUpstream = propagate();
    }

    /**
     * The worst declared tier strictly upstream of every node that has one. Components are propagated in
     * topological order of the condensation. JGraphT's own {@code getCondensation()} is not used: it builds an
     * induced subgraph per component by scanning every edge of the graph, quadratic on a large mesh.
     */
    private Map<LineageNode, Integer> propagate() {
        // Kosaraju rather than Gabow: its depth-first search keeps an explicit stack, so long chains cannot
        // overflow the thread's stack.
        List<Set<LineageNode>> components = new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets();
        int count = components.size();
        Map<LineageNode, Integer> componentOf = new HashMap<>(graph.vertexSet().size() * 2);
        int[] worstWithin = new int[count];
        Graph<Integer, DefaultEdge> condensation = new SimpleDirectedGraph<>(DefaultEdge.class);
        for (int c = 0; c < count; c++) {
            condensation.addVertex(c);
            for (LineageNode node : components.get(c)) {
                componentOf.put(node, c);
                worstWithin[c] = Math.max(worstWithin[c], declared.getOrDefault(node, 0));
            }
        }
        for (LineageEdge edge : graph.edgeSet()) {
            int from = componentOf.get(graph.getEdgeSource(edge));
            int to = componentOf.get(graph.getEdgeTarget(edge));
            if (from != to) {
                condensation.addEdge(from, to);
            }
        }
        int[] above = new int[count];
        TopologicalOrderIterator<Integer, DefaultEdge> order = new TopologicalOrderIterator<>(condensation);
        while (order.hasNext()) {
            int c = order.next();
            int passedOn = Math.max(worstWithin[c], above[c]);
            for (DefaultEdge edge : condensation.outgoingEdgesOf(c)) {
                int next = condensation.getEdgeTarget(edge);
                above[next] = Math.max(above[next], passedOn);
            }
        }
        Map<LineageNode, Integer> worst = new HashMap<>();
        for (int c = 0; c < count; c++) {
            // In a cycle every member is upstream of every other, itself included.
            int w = components.get(c).size() > 1 ? Math.max(above[c], worstWithin[c]) : above[c];
            if (w > 0) {
                for (LineageNode node : components.get(c)) {
                    worst.put(node, w);
                }
            }
        }
        return Collections.unmodifiableMap(worst);
    }

    /**
     * The tier {@code node} declares: the catalog entry's for a product (the weakest when several entries name the
     * topic), services.csv's for a service.
     *
     * @return empty for a node without a declared tier, a group, or a node not in the graph
     */
    public OptionalInt declaredTier(LineageNode node) {
        Integer tier = declared.get(node);
        return tier == null ? OptionalInt.empty() : OptionalInt.of(tier);
    }

    /**
     * The worst tier declared anywhere upstream of {@code node} (its own tier counts only when it sits on a cycle):
     * the best tier it can honestly promise.
     *
     * @return empty when nothing upstream declares a tier, or the node is not in the graph
     */
    public OptionalInt worstUpstreamTier(LineageNode node) {
        Integer tier = worstUpstream.get(node);
        return tier == null ? OptionalInt.empty() : OptionalInt.of(tier);
    }

    /**
     * Every product and service whose declared tier is better than the worst tier upstream of it, each with its
     * limiting path.
     *
     * @return sorted by kind ({@code product} before {@code service}), then name
     */
    public List<TierViolation> violations() {
        List<LineageNode> violating = new ArrayList<>();
        declared.forEach((node, tier) -> {
            Integer cap = worstUpstream.get(node);
            if (cap != null && cap > tier) {
                violating.add(node);
            }
        });
        violating.sort(LineageNode.ORDER);
        List<TierViolation> result = new ArrayList<>(violating.size());
        for (LineageNode node : violating) {
            int cap = worstUpstream.get(node);
            result.add(new TierViolation(node.kind(), node.name(), declared.get(node), cap, limitingPath(node, cap)));
        }
        return List.copyOf(result);
    }

    /**
     * The production policy: every production service (services.csv {@code Production=true}) must have no tier
     * worse than {@code minProductionTier} upstream. A service breaking it is reported with the worst tier upstream
     * as {@code cappedAt} and the path to it, whether or not it declares a tier itself.
     *
     * @param minProductionTier the worst upstream tier allowed, 1 to 4
     * @return sorted by name
     * @throws IllegalArgumentException when {@code minProductionTier} is not a tier from 1 to 4
     */
    public List<TierViolation> policyViolations(int minProductionTier) {
        if (minProductionTier < SlaTier.STRONGEST || minProductionTier > SlaTier.WEAKEST) {
            throw new IllegalArgumentException("the minimum production tier must be a tier from " + SlaTier.STRONGEST
                    + " to " + SlaTier.WEAKEST + ", got " + minProductionTier);
        }
        List<TierViolation> result = new ArrayList<>();
        for (ServiceNode service : production) {
            Integer cap = worstUpstream.get(service);
            if (cap != null && cap > minProductionTier) {
                result.add(new TierViolation(service.kind(), service.name(), declared.get(service), cap,
                        limitingPath(service, cap)));
            }
        }
        return List.copyOf(result);
    }

    /**
     * Products and services without a declared tier: topics without a catalog entry (or whose entries declare no
     * tier) other than Kafka's internal ones, and principals missing from services.csv or declaring no tier there.
     *
     * @return sorted by kind, then name
     */
    public List<UnknownTier> unknown() {
        List<LineageNode> nodes = new ArrayList<>();
        for (LineageNode node : graph.vertexSet()) {
            if (node instanceof GroupNode || declared.containsKey(node)) {
                continue;
            }
            if (node instanceof ProductNode product && Topic.isInternal(product.topic())) {
                continue;
            }
            nodes.add(node);
        }
        nodes.sort(LineageNode.ORDER);
        return nodes.stream().map(n -> new UnknownTier(n.kind(), n.name())).toList();
    }

    /** Violations and unknown tiers, without a production policy. */
    public TierReport report() {
        return new TierReport(violations(), unknown(), List.of());
    }

    /**
     * Violations, unknown tiers and the production policy's violations.
     *
     * @throws IllegalArgumentException when {@code minProductionTier} is not a tier from 1 to 4
     */
    public TierReport report(int minProductionTier) {
        return new TierReport(violations(), unknown(), policyViolations(minProductionTier));
    }

    /**
     * A shortest path upstream from {@code from} to a node declaring {@code cap}. Breadth-first over the reversed
     * edges, expanding predecessors in name order and recording each node's parent when first seen: nodes are then
     * discovered level by level in the order of their paths, so the first capping node found ends the smallest path.
     * Only nodes that can still lead to a capping node are visited.
     */
    private List<String> limitingPath(LineageNode from, int cap) {
        Map<LineageNode, LineageNode> parent = new HashMap<>();
        parent.put(from, null);
        ArrayDeque<LineageNode> queue = new ArrayDeque<>();
        queue.add(from);
        while (!queue.isEmpty()) {
            LineageNode node = queue.poll();
            List<LineageNode> predecessors = new ArrayList<>();
            for (LineageEdge edge : graph.incomingEdgesOf(node)) {
                LineageNode source = graph.getEdgeSource(edge);
                if (!parent.containsKey(source) && leadsTo(source, cap)) {
                    predecessors.add(source);
                }
            }
            predecessors.sort(BY_NAME);
            for (LineageNode next : predecessors) {
                parent.put(next, node);
                if (declared.getOrDefault(next, 0) == cap) {
                    return pathTo(next, parent);
                }
                queue.add(next);
            }
        }
        throw new IllegalStateException("no node with tier " + cap + " upstream of " + from.kind() + " "
                + from.name());
    }

    /** Whether {@code node} declares {@code cap} or has it somewhere upstream. */
    private boolean leadsTo(LineageNode node, int cap) {
        return declared.getOrDefault(node, 0) == cap || worstUpstream.getOrDefault(node, 0) >= cap;
    }

    private static List<String> pathTo(LineageNode end, Map<LineageNode, LineageNode> parent) {
        List<String> names = new ArrayList<>();
        for (LineageNode node = end; node != null; node = parent.get(node)) {
            names.add(node.name());
        }
        Collections.reverse(names);
        return List.copyOf(names);
    }
}
