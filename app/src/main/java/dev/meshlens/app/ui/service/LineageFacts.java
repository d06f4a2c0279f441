package dev.meshlens.app.ui.service;

import dev.meshlens.engine.acl.HostScope;
import dev.meshlens.engine.lineage.ConsumerDetail;
import dev.meshlens.engine.lineage.EdgeFacts;
import dev.meshlens.engine.lineage.LineageEdge;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.ProducerDetail;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.ServiceNode;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.tiers.TierChains;
import dev.meshlens.engine.tiers.TierViolation;
import org.jgrapht.Graph;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The window's view of a snapshot's lineage graph. Summaries for every topic come from the lineage and the
 * engine's {@link TierChains} (the same tiers {@code meshlens tiers} reports); a product page's full facts are
 * computed on first request by a breadth-first walk and then kept. Thread-safe.
 */
public final class LineageFacts implements CatalogFacts {
    private final CatalogState state;
    private final LineageGraph lineage;
    private final Graph<LineageNode, LineageEdge> graph;
    private final Map<String, ServiceInfo> services = new HashMap<>();
    private final Map<String, Instant> newestRecords = new HashMap<>();
    private final TierChains tiers;
    private final Map<LineageNode, TierViolation> violations = new HashMap<>();
    private final Map<String, TopicFacts> facts = new ConcurrentHashMap<>();

    /**
     * Prepares the summaries of every topic of {@code lineage}.
     *
     * @throws IllegalArgumentException when {@code lineage} was not built from {@code state}
     */
    public LineageFacts(CatalogState state, LineageGraph lineage) {
        this.state = Objects.requireNonNull(state);
        this.lineage = Objects.requireNonNull(lineage);
        this.graph = lineage.graph();
        for (ServiceInfo s : state.content().services()) {
            services.putIfAbsent(s.principal(), s);
        }
        for (RecordHop hop : state.content().hops()) {
            String topic = topicOf(hop.recordId());
            if (topic != null && hop.at() != null) {
                newestRecords.merge(topic, hop.at(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        this.tiers = new TierChains(lineage, state);
        for (TierViolation v : tiers.violations()) {
            LineageNode node = v.kind().equals(ProductNode.KIND) ? new ProductNode(v.name()) : new ServiceNode(v.name());
            violations.put(node, v);
        }
    }

    /** The lineage graph of the snapshot. */
    @Override
    public java.util.Optional<LineageGraph> lineage() {
        return java.util.Optional.of(lineage);
    }

    /** The topic of a record id {@code topic-partition@offset}, or null when it is not of that form. */
    static String topicOf(String recordId) {
        int at = recordId.lastIndexOf('@');
        int dash = at < 0 ? -1 : recordId.lastIndexOf('-', at);
        return dash <= 0 ? null : recordId.substring(0, dash);
    }

    private Integer tierOf(LineageNode node) {
        OptionalInt tier = tiers.declaredTier(node);
        return tier.isPresent() ? tier.getAsInt() : null;
    }

    private Integer worstUpstreamOf(LineageNode node) {
        OptionalInt tier = tiers.worstUpstreamTier(node);
        return tier.isPresent() ? tier.getAsInt() : null;
    }

    /** Consumers, weakest upstream tier and newest record of {@code topic}. */
    @Override
    public TopicSummary summary(String topic) {
        ProductNode node = new ProductNode(topic);
        return new TopicSummary(topic, lineage.consumers(topic).size(), worstUpstreamOf(node),
                newestRecords.get(topic));
    }

    /** The full facts of {@code topic}, computed on first request. */
    @Override
    public TopicFacts facts(String topic) {
        return facts.computeIfAbsent(topic, this::compute);
    }

    private TopicFacts compute(String topic) {
        ProductNode root = new ProductNode(topic);
        if (!graph.containsVertex(root)) {
            return new TopicFacts(topic, List.of(), List.of(), null, newestRecords.get(topic), List.of(), List.of());
        }
        Map<LineageNode, LineageNode> upstreamParents = walk(root, n -> graph.incomingEdgesOf(n).stream()
                .map(graph::getEdgeSource).toList());
        Map<LineageNode, LineageNode> downstreamParents = walk(root, n -> graph.outgoingEdgesOf(n).stream()
                .map(graph::getEdgeTarget).toList());
        return new TopicFacts(topic, producers(topic), consumers(topic), limitingPath(root, upstreamParents),
                newestRecords.get(topic), topics(upstreamParents, root), topics(downstreamParents, root));
    }

    /** Breadth-first reach from {@code root}: every node reached, in visiting order, with the node it came from. */
    private static Map<LineageNode, LineageNode> walk(LineageNode root,
                                                      Function<LineageNode, List<LineageNode>> next) {
        Map<LineageNode, LineageNode> parent = new LinkedHashMap<>();
        parent.put(root, root);
        ArrayDeque<LineageNode> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            LineageNode node = queue.poll();
            for (LineageNode n : next.apply(node)) {
                if (!parent.containsKey(n)) {
                    parent.put(n, node);
                    queue.add(n);
                }
            }
        }
        return parent;
    }

    private static List<String> topics(Map<LineageNode, LineageNode> reached, LineageNode root) {
        return reached.keySet().stream().filter(n -> n instanceof ProductNode && !n.equals(root))
                .map(LineageNode::name).toList();
    }

    /**
     * The weakest tier upstream and the path from the node declaring it down to {@code root}: for a violation the
     * engine's limiting path (the one {@code meshlens tiers} prints), otherwise the nearest such node.
     */
    private UpstreamTier limitingPath(LineageNode root, Map<LineageNode, LineageNode> upstreamParents) {
        Integer worst = worstUpstreamOf(root);
        if (worst == null) {
            return null;
        }
        TierViolation violation = violations.get(root);
        if (violation != null) {
            List<String> path = new ArrayList<>(violation.path().stream().map(this::displayName).toList());
            Collections.reverse(path);
            return new UpstreamTier(worst, path);
        }
        for (LineageNode node : upstreamParents.keySet()) {
            Integer tier = tierOf(node);
            if (!node.equals(root) && tier != null && tier.equals(worst)) {
                List<String> path = new ArrayList<>();
                for (LineageNode n = node; !n.equals(root); n = upstreamParents.get(n)) {
                    path.add(displayName(n));
                }
                path.add(root.name());
                return new UpstreamTier(worst, path);
            }
        }
        // only the root itself, inside a cycle, carries the weakest tier
        return new UpstreamTier(worst, List.of(root.name()));
    }

    private String displayName(LineageNode node) {
        return displayName(node.name());
    }

    /** A service's declared name for its principal; topics and undeclared principals as they are. */
    private String displayName(String nodeName) {
        ServiceInfo info = services.get(nodeName);
        return info != null && info.name() != null && !info.name().isBlank() ? info.name() : nodeName;
    }

    private List<ProducerRow> producers(String topic) {
        List<ProducerRow> rows = new ArrayList<>();
        for (ProducerDetail p : lineage.producers(topic)) {
            ServiceInfo info = services.get(p.principal());
            rows.add(new ProducerRow(p.principal(), info == null ? null : info.name(),
                    info == null ? null : info.owner(), "ACL WRITE" + hosts(p.hosts())));
        }
        return rows;
    }

    private static String hosts(HostScope scope) {
        List<String> labels = scope.labels();
        return labels.equals(List.of(HostScope.ANY_HOST)) || labels.isEmpty() ? ""
                : " from " + String.join(", ", labels);
    }

    private List<ConsumerRow> consumers(String topic) {
        List<ConsumerRow> rows = new ArrayList<>();
        for (ConsumerDetail c : lineage.consumers(topic)) {
            ServiceInfo info = c.principal() == null ? null : services.get(c.principal());
            rows.add(new ConsumerRow(c.principal(), info == null ? null : info.name(),
                    info == null ? null : info.owner(), info == null ? null : info.tier(), c.group(),
                    evidence(c.evidence()), c.lag(), ConsumerState.valueOf(c.state().name())));
        }
        return rows;
    }

    private static Evidence evidence(List<String> evidence) {
        Set<String> kinds = Set.copyOf(evidence);
        if (kinds.contains(EdgeFacts.ACL) && kinds.contains(EdgeFacts.GROUP)) {
            return Evidence.ACL_AND_GROUP;
        }
        return kinds.contains(EdgeFacts.ACL) ? Evidence.ACL : Evidence.GROUP;
    }

    /** The snapshot these facts describe. */
    public CatalogState state() {
        return state;
    }
}
