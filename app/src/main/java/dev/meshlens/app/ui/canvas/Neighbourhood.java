package dev.meshlens.app.ui.canvas;

import dev.meshlens.app.ui.common.Formats;
import dev.meshlens.engine.lineage.EdgeFacts;
import dev.meshlens.engine.lineage.EdgeKind;
import dev.meshlens.engine.lineage.LineageEdge;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.LineageTraversal;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.ServiceNode;
import dev.meshlens.engine.lineage.TraversalResult;
import dev.meshlens.engine.lineage.TraversedEdge;
import dev.meshlens.engine.lineage.VisitedNode;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.SlaTier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds what the canvas draws around a focus: the lineage within the requested depths upstream and downstream,
 * as the engine's {@link LineageTraversal} reaches it, with labels, tiers, owners and details from the catalog, and
 * big fan-outs folded into clusters. Pure and thread-safe: built on a worker thread, one instance per catalog.
 *
 * <p>Layers are signed depths: a node reached both ways keeps the nearer side (downstream on a tie, which only a
 * cycle through the focus makes). A layer's nodes that hang off one common neighbour nearer the focus are
 * clustered when there are more than the request's threshold of them: grouped by domain, owner or link state into
 * {@link NodeKind#CLUSTER} nodes (at most threshold clusters, the smallest groups pooled as "other"), their edges
 * merged. An expanded cluster shows its members, or, when still too many, alphabetical sub-clusters of at most
 * threshold members each. Nodes further out that hang off a cluster are clustered in turn.
 */
public final class Neighbourhood {
    private static final String OTHER = "other";
    /** At most this many clusters stand for one fan-out: the biggest groups, the rest pooled as "other". */
    static final int MAX_CLUSTERS = 12;

    private final LineageGraph lineage;
    private final LineageTraversal traversal;
    private final Map<String, DataProduct> productsByTopic = new HashMap<>();
    private final Map<String, ServiceInfo> servicesByPrincipal = new HashMap<>();
    private final String snapshotLabel;

    /**
     * @param lineage the lineage graph of {@code state}
     * @param state   the catalog the graph was built from: names, owners, tiers
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the graph was not built from {@code state}
     */
    public Neighbourhood(LineageGraph lineage, CatalogState state) {
        this.lineage = Objects.requireNonNull(lineage, "lineage");
        Objects.requireNonNull(state, "state");
        lineage.requireBuiltFrom(state);
        this.traversal = new LineageTraversal(lineage);
        state.content().products().forEach(p -> productsByTopic.putIfAbsent(p.topic(), p));
        state.content().services().forEach(s -> servicesByPrincipal.putIfAbsent(s.principal(), s));
        this.snapshotLabel = "snapshot #" + state.asOf().id();
    }

    /** The lineage graph this builder reads. */
    public LineageGraph lineage() {
        return lineage;
    }

    /**
     * Resolves what a user typed into a focus id: a product (topic or catalog name), a service principal, or a
     * consumer group standing as its own node; a canvas id ({@code product:...}) is accepted as it is.
     *
     * @return empty when the text names nothing in the lineage
     */
    public Optional<String> resolve(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        Optional<LineageNode> byId = CanvasIds.node(trimmed, lineage);
        if (byId.isPresent()) {
            return byId.map(CanvasIds::of);
        }
        Optional<String> byName = lineage.findNode(trimmed).map(CanvasIds::of);
        if (byName.isPresent()) {
            return byName;
        }
        // a service's declared name, as services.csv gives it
        return servicesByPrincipal.values().stream().filter(s -> trimmed.equals(s.name()))
                .map(s -> CanvasIds.service(s.principal())).filter(id -> CanvasIds.node(id, lineage).isPresent())
                .findFirst();
    }

    /** The text a user would type for {@code id}: a product's catalog name, a service's principal. */
    public String label(String id) {
        return CanvasIds.node(id, lineage).map(this::label).orElse(id);
    }

    /**
     * The neighbourhood {@code request} asks for.
     *
     * @throws IllegalArgumentException when the request's focus is not a node of the lineage graph
     */
    public CanvasGraph build(NeighbourhoodRequest request) {
        Objects.requireNonNull(request, "request");
        LineageNode root = CanvasIds.node(request.focus(), lineage).orElseThrow(() ->
                new IllegalArgumentException("not in the lineage of this snapshot: " + request.focus()));
        TraversalResult down = traversal.downstream(root, request.downstream());
        TraversalResult up = traversal.upstream(root, request.upstream());

        Map<LineageNode, Integer> layers = new LinkedHashMap<>();
        for (VisitedNode v : down.nodes()) {
            layers.put(v.node(), v.depth());
        }
        for (VisitedNode v : up.nodes()) {
            Integer known = layers.get(v.node());
            if (known == null || v.depth() < Math.abs(known)) {
                layers.put(v.node(), -v.depth());
            }
        }
        Map<LineageEdge, EdgeFacts> edges = new LinkedHashMap<>();
        for (TraversedEdge t : down.edges()) {
            edges.put(t.edge(), t.facts());
        }
        for (TraversedEdge t : up.edges()) {
            edges.putIfAbsent(t.edge(), t.facts());
        }
        return new Assembly(request, root, layers, edges).graph();
    }

    // ---- labels and details of single nodes

    private String label(LineageNode node) {
        if (node instanceof ProductNode p) {
            DataProduct product = productsByTopic.get(p.topic());
            return product == null ? p.topic() : product.name();
        }
        if (node instanceof ServiceNode s) {
            ServiceInfo info = servicesByPrincipal.get(s.principal());
            return info != null && info.name() != null && !info.name().isBlank() ? info.name() : s.principal();
        }
        return node.name();
    }

    private SlaTier tier(LineageNode node) {
        if (node instanceof ProductNode p) {
            DataProduct product = productsByTopic.get(p.topic());
            return product == null ? null : SlaTier.ofNullable(product.slaTier());
        }
        if (node instanceof ServiceNode s) {
            ServiceInfo info = servicesByPrincipal.get(s.principal());
            return info == null ? null : SlaTier.ofNullable(info.tier());
        }
        return null;
    }

    private String domain(LineageNode node) {
        if (node instanceof ProductNode p) {
            DataProduct product = productsByTopic.get(p.topic());
            return product == null ? null : product.domain();
        }
        // a service belongs to the domain of what it writes (services.csv declares no domain)
        return node instanceof ServiceNode ? mostCommon(written(node), DataProduct::domain) : null;
    }

    private String owner(LineageNode node) {
        if (node instanceof ProductNode p) {
            DataProduct product = productsByTopic.get(p.topic());
            return product == null ? null : product.owner();
        }
        if (node instanceof ServiceNode s) {
            ServiceInfo info = servicesByPrincipal.get(s.principal());
            if (info != null && info.owner() != null && !info.owner().isBlank()) {
                return info.owner();
            }
            return mostCommon(written(node), DataProduct::owner);
        }
        return null;
    }

    private List<DataProduct> written(LineageNode service) {
        List<DataProduct> products = new ArrayList<>();
        for (LineageEdge e : lineage.graph().outgoingEdgesOf(service)) {
            DataProduct p = productsByTopic.get(e.to().name());
            if (p != null) {
                products.add(p);
            }
        }
        return products;
    }

    private static String mostCommon(List<DataProduct> products, Function<DataProduct, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        for (DataProduct p : products) {
            String value = key.apply(p);
            if (value != null && !value.isBlank()) {
                counts.merge(value, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    private List<Detail> details(LineageNode node, int layer) {
        List<Detail> details = new ArrayList<>();
        if (node instanceof ProductNode p) {
            DataProduct product = productsByTopic.get(p.topic());
            details.add(new Detail("Kind", product == null ? "Topic (not in the catalog)" : "Data product"));
            details.add(new Detail("Name", label(node)));
            details.add(new Detail("Topic", p.topic()));
            details.add(new Detail("Domain", Formats.orNone(domain(node))));
            details.add(new Detail("Owner", Formats.orNone(owner(node))));
            details.add(new Detail("Tier", Formats.tier(product == null ? null : product.slaTier())));
            details.add(new Detail("Quality", Formats.orNone(product == null ? null : product.quality())));
            if (product != null) {
                details.add(new Detail("Lifecycle", product.lifecycle().name().toLowerCase(java.util.Locale.ROOT)));
                if (!product.tags().isEmpty()) {
                    details.add(new Detail("Tags", String.join(", ", product.tags())));
                }
            }
            details.add(new Detail("Producers", Integer.toString(lineage.producers(p.topic()).size())));
            details.add(new Detail("Consumers", Integer.toString(lineage.consumers(p.topic()).size())));
        } else if (node instanceof ServiceNode s) {
            ServiceInfo info = servicesByPrincipal.get(s.principal());
            details.add(new Detail("Kind", "Service"));
            details.add(new Detail("Principal", s.principal()));
            details.add(new Detail("Name", Formats.orNone(info == null ? null : info.name())));
            details.add(new Detail("Domain", Formats.orNone(domain(node))));
            details.add(new Detail("Owner", Formats.orNone(owner(node))));
            details.add(new Detail("Tier", Formats.tier(info == null ? null : info.tier())));
            if (info != null) {
                details.add(new Detail("Production", info.production() ? "yes" : "no"));
            }
            details.add(new Detail("Reads", Integer.toString(lineage.graph().inDegreeOf(node))));
            details.add(new Detail("Writes", Integer.toString(lineage.graph().outDegreeOf(node))));
        } else {
            details.add(new Detail("Kind", "Consumer group (no principal known)"));
            details.add(new Detail("Group", node.name()));
            details.add(new Detail("Reads", Integer.toString(lineage.graph().inDegreeOf(node))));
        }
        details.add(new Detail("Position", layer == 0 ? "focus" : layer < 0 ? Math.abs(layer) + " upstream"
                : layer + " downstream"));
        return details;
    }

    private static EdgeStyle style(LineageEdge edge, EdgeFacts facts) {
        return edge.kind() == EdgeKind.WRITE ? EdgeStyle.WRITE : EdgeStyle.of(facts.state());
    }

    private static String stateLabel(EdgeStyle style) {
        return style == EdgeStyle.WRITE ? "writes" : style.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static List<Detail> edgeDetails(LineageEdge edge, EdgeFacts facts) {
        List<Detail> details = new ArrayList<>();
        details.add(new Detail("Link", edge.kind() == EdgeKind.WRITE ? "writes" : "reads"));
        if (edge.kind() == EdgeKind.READ) {
            details.add(new Detail("State", facts.state() == null ? Formats.NONE : facts.state().label()));
            details.add(new Detail("Lag", facts.lag() == null ? Formats.NONE : String.format(java.util.Locale.ROOT,
                    "%,d", facts.lag())));
            details.add(new Detail("Groups", facts.groups().isEmpty() ? Formats.NONE
                    : String.join(", ", facts.groups())));
        }
        details.add(new Detail("Evidence", facts.evidence().isEmpty() ? Formats.NONE
                : String.join(", ", facts.evidence())));
        details.add(new Detail("From", edge.from().kind() + " " + edge.from().name()));
        details.add(new Detail("To", edge.to().kind() + " " + edge.to().name()));
        return details;
    }

    private static String noValue(GroupBy groupBy) {
        return "no " + groupBy.label();
    }

    // ---- one build: layers, clusters, merged edges

    /** The state of one {@link #build} call. */
    private final class Assembly {
        private final NeighbourhoodRequest request;
        private final LineageNode root;
        private final Map<LineageNode, Integer> layers;
        private final Map<LineageEdge, EdgeFacts> edges;
        private final Map<LineageNode, List<LineageEdge>> touching = new HashMap<>();
        /** For each lineage node folded into a cluster, the cluster's id. */
        private final Map<LineageNode, String> folded = new HashMap<>();
        private final Map<String, Cluster> clusters = new LinkedHashMap<>();

        Assembly(NeighbourhoodRequest request, LineageNode root, Map<LineageNode, Integer> layers,
                 Map<LineageEdge, EdgeFacts> edges) {
            this.request = request;
            this.root = root;
            this.layers = layers;
            this.edges = edges;
            for (LineageEdge e : edges.keySet()) {
                touching.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
                touching.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
            }
        }

        CanvasGraph graph() {
            TreeMap<Integer, List<LineageNode>> byLayer = new TreeMap<>();
            layers.forEach((node, layer) -> byLayer.computeIfAbsent(layer, k -> new ArrayList<>()).add(node));
            // from the focus outwards on each side, so a layer sees the clusters of the layer before it
            for (int layer = 1; byLayer.containsKey(layer); layer++) {
                clusterLayer(layer, byLayer.get(layer));
            }
            for (int layer = -1; byLayer.containsKey(layer); layer--) {
                clusterLayer(layer, byLayer.get(layer));
            }
            List<CanvasNode> nodes = new ArrayList<>();
            layers.forEach((node, layer) -> {
                if (!folded.containsKey(node)) {
                    nodes.add(canvasNode(node, layer));
                }
            });
            clusters.values().forEach(c -> nodes.add(c.node(request.groupBy())));
            nodes.sort(Comparator.comparingInt(CanvasNode::layer).thenComparing(CanvasNode::label)
                    .thenComparing(CanvasNode::id));
            return new CanvasGraph("Lineage of " + label(root) + " · " + snapshotLabel, CanvasIds.of(root), nodes,
                    mergedEdges());
        }

        private CanvasNode canvasNode(LineageNode node, int layer) {
            NodeKind kind = node instanceof ProductNode ? NodeKind.PRODUCT
                    : node instanceof ServiceNode ? NodeKind.SERVICE : NodeKind.GROUP;
            Set<Mark> marks = node.equals(root) ? EnumSet.of(Mark.FOCUS) : EnumSet.noneOf(Mark.class);
            return new CanvasNode(CanvasIds.of(node), kind, label(node), tier(node), layer, domain(node), owner(node),
                    marks, details(node, layer));
        }

        /** The canvas id a lineage node is drawn as: its own, or its cluster's. */
        private String drawnAs(LineageNode node) {
            String cluster = folded.get(node);
            return cluster != null ? cluster : CanvasIds.of(node);
        }

        /** The edge that links {@code node} to its nearest neighbour towards the focus, by neighbour id. */
        private LineageEdge parentEdge(LineageNode node, int layer) {
            LineageEdge best = null;
            int bestLayer = 0;
            String bestId = null;
            for (LineageEdge e : touching.getOrDefault(node, List.of())) {
                LineageNode other = e.from().equals(node) ? e.to() : e.from();
                Integer otherLayer = layers.get(other);
                boolean towardsFocus = layer > 0 ? otherLayer >= 0 && otherLayer < layer
                        : otherLayer <= 0 && otherLayer > layer;
                if (!towardsFocus) {
                    continue;
                }
                String otherId = CanvasIds.of(other);
                if (best == null || Math.abs(otherLayer) > Math.abs(bestLayer)
                        || Math.abs(otherLayer) == Math.abs(bestLayer) && otherId.compareTo(bestId) < 0) {
                    best = e;
                    bestLayer = otherLayer;
                    bestId = otherId;
                }
            }
            return best;
        }

        private void clusterLayer(int layer, List<LineageNode> members) {
            if (members.size() <= request.clusterThreshold()) {
                return;
            }
            Map<String, List<LineageNode>> byParent = new TreeMap<>();
            Map<LineageNode, LineageEdge> parentEdges = new HashMap<>();
            for (LineageNode node : members) {
                LineageEdge edge = parentEdge(node, layer);
                parentEdges.put(node, edge);
                String parent = edge == null ? "" : drawnAs(edge.from().equals(node) ? edge.to() : edge.from());
                byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(node);
            }
            byParent.forEach((parent, siblings) -> {
                if (siblings.size() > request.clusterThreshold()) {
                    fold(layer, parent, siblings, parentEdges);
                } else if (siblings.size() > 1 && clusters.containsKey(parent)) {
                    // the layer is crowded and these hang off a cluster: one cluster, named after its parent's
                    String id = CanvasIds.CLUSTER + (layer > 0 ? "+" + layer : Integer.toString(layer)) + ":"
                            + parent + ":all";
                    if (!request.expanded().contains(id)) {
                        addCluster(id, clusters.get(parent).key, layer, siblings);
                    }
                }
            });
        }

        private void fold(int layer, String parent, List<LineageNode> siblings,
                          Map<LineageNode, LineageEdge> parentEdges) {
            Map<String, List<LineageNode>> byKey = new TreeMap<>();
            for (LineageNode node : siblings) {
                byKey.computeIfAbsent(key(node, parentEdges.get(node)), k -> new ArrayList<>()).add(node);
            }
            int limit = request.clusterThreshold();
            int maxClusters = Math.min(limit, MAX_CLUSTERS);
            if (byKey.size() > maxClusters) {
                // keep the biggest groups, pool the rest: never more clusters than the threshold allows nodes
                List<Map.Entry<String, List<LineageNode>>> bySize = new ArrayList<>(byKey.entrySet());
                bySize.sort(Comparator.<Map.Entry<String, List<LineageNode>>>comparingInt(e -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey));
                Map<String, List<LineageNode>> pooled = new TreeMap<>();
                List<LineageNode> other = new ArrayList<>();
                for (int i = 0; i < bySize.size(); i++) {
                    if (i < maxClusters - 1) {
                        pooled.put(bySize.get(i).getKey(), bySize.get(i).getValue());
                    } else {
                        other.addAll(bySize.get(i).getValue());
                    }
                }
                pooled.put(OTHER, other);
                byKey = pooled;
            }
            String side = layer > 0 ? "+" + layer : Integer.toString(layer);
            byKey.forEach((key, group) -> {
                if (group.size() == 1) {
                    return; // a cluster of one hides a node and saves nothing
                }
                String id = CanvasIds.CLUSTER + side + ":" + parent + ":" + request.groupBy().label() + "=" + key;
                if (!request.expanded().contains(id)) {
                    addCluster(id, key, layer, group);
                } else if (group.size() > limit) {
                    List<LineageNode> sorted = new ArrayList<>(group);
                    sorted.sort(Comparator.comparing((LineageNode m) -> label(m)).thenComparing(CanvasIds::of));
                    for (int from = 0; from < sorted.size(); from += limit) {
                        List<LineageNode> chunk = sorted.subList(from, Math.min(sorted.size(), from + limit));
                        String chunkId = id + "#" + (from / limit + 1);
                        if (!request.expanded().contains(chunkId)) {
                            String range = label(chunk.get(0)) + " … " + label(chunk.get(chunk.size() - 1));
                            addCluster(chunkId, key + " · " + range, layer, chunk);
                        }
                    }
                }
            });
        }

        private void addCluster(String id, String key, int layer, List<LineageNode> members) {
            Cluster cluster = new Cluster(id, key, layer, List.copyOf(members));
            clusters.put(id, cluster);
            members.forEach(m -> folded.put(m, id));
        }

        private String key(LineageNode node, LineageEdge parentEdge) {
            String value = switch (request.groupBy()) {
                case DOMAIN -> domain(node);
                case OWNER -> owner(node);
                case STATE -> parentEdge == null ? null : stateLabel(style(parentEdge, edges.get(parentEdge)));
            };
            return value == null || value.isBlank() ? noValue(request.groupBy()) : value;
        }

        /** Edges between what is drawn: lineage edges with folded ends redirected to their clusters, merged. */
        private List<CanvasEdge> mergedEdges() {
            Map<String, List<LineageEdge>> byPair = new LinkedHashMap<>();
            for (LineageEdge e : edges.keySet()) {
                String from = drawnAs(e.from());
                String to = drawnAs(e.to());
                if (!from.equals(to)) {
                    byPair.computeIfAbsent(from + "\n" + to, k -> new ArrayList<>()).add(e);
                }
            }
            List<CanvasEdge> result = new ArrayList<>(byPair.size());
            byPair.forEach((pair, merged) -> {
                int cut = pair.indexOf('\n');
                String from = pair.substring(0, cut);
                String to = pair.substring(cut + 1);
                if (merged.size() == 1) {
                    LineageEdge e = merged.get(0);
                    EdgeFacts facts = edges.get(e);
                    result.add(new CanvasEdge(from, to, style(e, facts), e.kind() == EdgeKind.READ ? facts.lag() : null,
                            Set.of(), edgeDetails(e, facts)));
                } else {
                    result.add(mergedEdge(from, to, merged));
                }
            });
            return result;
        }

        private CanvasEdge mergedEdge(String from, String to, List<LineageEdge> merged) {
            Map<EdgeStyle, Integer> counts = new EnumMap<>(EdgeStyle.class);
            Long maxLag = null;
            for (LineageEdge e : merged) {
                EdgeFacts facts = edges.get(e);
                counts.merge(style(e, facts), 1, Integer::sum);
                if (e.kind() == EdgeKind.READ && facts.lag() != null) {
                    maxLag = maxLag == null ? facts.lag() : Math.max(maxLag, facts.lag());
                }
            }
            // the commonest state draws the line; the side panel lists them all
            EdgeStyle style = counts.entrySet().stream().max(Map.Entry.<EdgeStyle, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
            List<Detail> details = new ArrayList<>();
            details.add(new Detail("Links", Integer.toString(merged.size())));
            counts.forEach((s, n) -> details.add(new Detail(stateLabel(s), Integer.toString(n))));
            if (maxLag != null) {
                details.add(new Detail("Largest lag", String.format(java.util.Locale.ROOT, "%,d", maxLag)));
            }
            return new CanvasEdge(from, to, style, maxLag, Set.of(), details);
        }
    }

    /** Nodes of one layer behind one neighbour, drawn as one. */
    private final class Cluster {
        private final String id;
        private final String key;
        private final int layer;
        private final List<LineageNode> members;

        Cluster(String id, String key, int layer, List<LineageNode> members) {
            this.id = id;
            this.key = key;
            this.layer = layer;
            this.members = members;
        }

        CanvasNode node(GroupBy groupBy) {
            boolean allProducts = members.stream().allMatch(m -> m instanceof ProductNode);
            String noun = allProducts ? "products" : layer > 0 ? "consumers" : "producers";
            String label = key + " · " + members.size() + " " + noun;
            List<Detail> details = new ArrayList<>();
            details.add(new Detail("Kind", "Cluster of " + members.size() + " " + noun));
            details.add(new Detail("Grouped by", groupBy.label() + " = " + key));
            details.add(new Detail("Expand", "double-click to show the members"));
            counts("Domain", m -> Formats.orNone(domain(m)), details);
            counts("Tier", m -> Formats.tier(tier(m) == null ? null : tier(m).level()), details);
            counts("Kind", LineageNode::kind, details);
            int shown = 0;
            for (LineageNode m : members) {
                if (shown++ == 12) {
                    details.add(new Detail("Member", "… " + (members.size() - 12) + " more"));
                    break;
                }
                details.add(new Detail("Member", label(m)));
            }
            return new CanvasNode(id, NodeKind.CLUSTER, label, null, layer,
                    groupBy == GroupBy.DOMAIN && !noValue(groupBy).equals(key) && !OTHER.equals(key) ? key : null,
                    groupBy == GroupBy.OWNER && !noValue(groupBy).equals(key) && !OTHER.equals(key) ? key : null,
                    Set.of(), details);
        }

        private void counts(String what, Function<LineageNode, String> key, List<Detail> details) {
            Map<String, Integer> counts = new TreeMap<>();
            members.forEach(m -> counts.merge(key.apply(m), 1, Integer::sum));
            if (counts.size() > 1 || !what.equals("Kind")) {
                counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(6)
                        .forEach(e -> details.add(new Detail(what + " " + e.getKey(), e.getValue().toString())));
            }
        }
    }
}
