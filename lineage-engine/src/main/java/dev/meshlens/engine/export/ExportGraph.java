package dev.meshlens.engine.export;

import dev.meshlens.engine.lineage.EdgeFacts;
import dev.meshlens.engine.lineage.GroupNode;
import dev.meshlens.engine.lineage.LineageEdge;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.ServiceNode;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.ServiceInfo;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The lineage graph as every export format shows it: nodes and edges in one stable order, each with an id and
 * the attributes the catalog knows for it. Attribute values are strings, integers, longs, booleans or lists of
 * strings; unknown values are left out rather than written empty.
 *
 * <p>Node attributes: {@code kind}, {@code name}, {@code label}, and where known {@code owner}, {@code domain},
 * {@code tier}, {@code quality}, {@code lifecycle}, {@code tags}, {@code registered} (products),
 * {@code production} (services), {@code state} (groups). Edge attributes: {@code kind}, {@code evidence},
 * {@code state}, {@code lag}, {@code groups}, {@code hosts}.
 */
final class ExportGraph {
    /** Edges by source node, target node, then kind: the order every export lists them in. */
    static final Comparator<LineageEdge> EDGE_ORDER = Comparator.comparing(LineageEdge::from, LineageNode.ORDER)
            .thenComparing(LineageEdge::to, LineageNode.ORDER).thenComparing(LineageEdge::kind);

    private final CatalogState state;
    private final LineageGraph lineage;
    private final List<LineageNode> nodes;
    private final List<LineageEdge> edges;
    private final Map<String, DataProduct> productByTopic = new HashMap<>();
    private final Map<String, ServiceInfo> serviceByPrincipal = new HashMap<>();
    private final Map<String, ConsumerGroup> groupById = new HashMap<>();

    ExportGraph(CatalogState state, LineageGraph lineage) {
        this.state = Objects.requireNonNull(state, "state");
        this.lineage = Objects.requireNonNull(lineage, "lineage");
        List<LineageNode> sortedNodes = new ArrayList<>(lineage.graph().vertexSet());
        sortedNodes.sort(LineageNode.ORDER);
        this.nodes = List.copyOf(sortedNodes);
        List<LineageEdge> sortedEdges = new ArrayList<>(lineage.graph().edgeSet());
        sortedEdges.sort(EDGE_ORDER);
        this.edges = List.copyOf(sortedEdges);
        // content is canonical (sorted by topic, then name): the first catalog entry of a topic describes it
        state.content().products().forEach(p -> productByTopic.putIfAbsent(p.topic(), p));
        state.content().services().forEach(s -> serviceByPrincipal.putIfAbsent(s.principal(), s));
        state.content().groups().forEach(g -> groupById.putIfAbsent(g.groupId(), g));
    }

    CatalogState state() {
        return state;
    }

    LineageGraph lineage() {
        return lineage;
    }

    /** Every node, in {@link LineageNode#ORDER}. */
    List<LineageNode> nodes() {
        return nodes;
    }

    /** Every edge, in {@link #EDGE_ORDER}. */
    List<LineageEdge> edges() {
        return edges;
    }

    EdgeFacts facts(LineageEdge edge) {
        return lineage.facts(edge);
    }

    /** The catalog entry describing {@code topic}, or null when the topic is unregistered. */
    DataProduct product(String topic) {
        return productByTopic.get(topic);
    }

    /** {@code kind:name}, e.g. {@code product:orders} or {@code service:User:billing}: unique across kinds. */
    static String id(LineageNode node) {
        return node.kind() + ":" + node.name();
    }

    /** {@code kind:source->target}, e.g. {@code read:product:orders->service:User:billing}. */
    static String id(LineageEdge edge) {
        return edge.kind().label() + ":" + id(edge.from()) + "->" + id(edge.to());
    }

    /** The attributes of {@code node}, in a fixed order, unknown values left out. */
    Map<String, Object> attributes(LineageNode node) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("kind", node.kind());
        a.put("name", node.name());
        if (node instanceof ProductNode p) {
            DataProduct product = productByTopic.get(p.topic());
            a.put("label", product == null ? p.topic() : product.name());
            a.put("registered", product != null);
            if (product != null) {
                put(a, "owner", product.owner());
                put(a, "domain", product.domain());
                put(a, "tier", product.slaTier());
                put(a, "quality", product.quality());
                a.put("lifecycle", product.lifecycle().name().toLowerCase(Locale.ROOT));
                if (!product.tags().isEmpty()) {
                    a.put("tags", product.tags());
                }
            }
        } else if (node instanceof ServiceNode s) {
            ServiceInfo service = serviceByPrincipal.get(s.principal());
            a.put("label", service == null || service.name() == null ? s.principal() : service.name());
            if (service != null) {
                put(a, "owner", service.owner());
                put(a, "tier", service.tier());
                a.put("production", service.production());
            }
        } else {
            GroupNode g = (GroupNode) node;
            a.put("label", g.groupId());
            ConsumerGroup group = groupById.get(g.groupId());
            if (group != null && group.state() != null) {
                a.put("state", group.state().name().toLowerCase(Locale.ROOT));
            }
        }
        return a;
    }

    /** The attributes of {@code edge}: its kind and facts, unknown values left out. */
    Map<String, Object> attributes(LineageEdge edge) {
        EdgeFacts facts = lineage.facts(edge);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("kind", edge.kind().label());
        a.put("evidence", facts.evidence());
        if (facts.state() != null) {
            a.put("state", facts.state().label());
        }
        put(a, "lag", facts.lag());
        if (!facts.groups().isEmpty()) {
            a.put("groups", facts.groups());
        }
        if (!facts.hosts().labels().isEmpty()) {
            a.put("hosts", facts.hosts().labels());
        }
        return a;
    }

    /**
     * A copy of the graph whose vertex and edge sets iterate in export order, so that JGraphT's exporters write
     * the same bytes for the same snapshot (the lineage graph's own order follows how it was built).
     */
    Graph<LineageNode, LineageEdge> sortedCopy() {
        Graph<LineageNode, LineageEdge> copy = new DefaultDirectedGraph<>(null, null, false);
        nodes.forEach(copy::addVertex);
        edges.forEach(e -> copy.addEdge(e.from(), e.to(), e));
        return copy;
    }

    /**
     * An attribute value as one string: lists joined with {@code ;} (tags and group ids may contain commas),
     * everything else as {@link String#valueOf}.
     */
    static String text(Object value) {
        if (value instanceof List<?> list) {
            return String.join(";", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private static void put(Map<String, Object> attributes, String name, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            attributes.put(name, value);
        }
    }
}
