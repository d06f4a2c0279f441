package dev.meshlens.engine.lineage;

import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.MeshContent;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Topology lineage of one cluster, built from permissions and consumer groups: services WRITE products, products
 * are READ by services (or by groups standing for an unknown principal). Product-to-product lineage falls out
 * of the graph as product -> service -> product.
 *
 * <p>The graph holds identifier vertices and edges only; what is known about each edge lives in
 * {@link #facts(LineageEdge)}. Instances are immutable and thread-safe.
 */
public final class LineageGraph {
    private final MeshContent builtFrom;
    private final Graph<LineageNode, LineageEdge> graph;
    private final Map<LineageEdge, EdgeFacts> facts;
    private final Map<String, List<ConsumerDetail>> consumers;
    private final Map<String, List<ProducerDetail>> producers;
    private final Map<String, String> topicByProductName;
    private final LineageOptions options;
    private final List<ProductNode> products = new ArrayList<>();
    private final List<ServiceNode> services = new ArrayList<>();
    private final List<GroupNode> groups = new ArrayList<>();
    /** Computed on first use: product pairs can number millions on a dense mesh, and many callers never ask. */
    private volatile List<ProductEdge> productEdges;
    /** Built on first use, once: building it costs a pass over every edge, which a second thread must not repeat. */
    private volatile LineageIndex index;
    private final Object indexLock = new Object();

    LineageGraph(MeshContent builtFrom, Graph<LineageNode, LineageEdge> graph, Map<LineageEdge, EdgeFacts> facts,
                 Map<String, List<ConsumerDetail>> consumers, Map<String, List<ProducerDetail>> producers,
                 Map<String, String> topicByProductName, LineageOptions options) {
        this.builtFrom = builtFrom;
        this.graph = new AsUnmodifiableGraph<>(graph);
        // the builder hands its map over and keeps no reference: wrapping it spares copying a million entries
        this.facts = Collections.unmodifiableMap(facts);
        this.consumers = Map.copyOf(consumers);
        this.producers = Map.copyOf(producers);
        this.topicByProductName = Map.copyOf(topicByProductName);
        this.options = options;
        for (LineageNode node : graph.vertexSet()) {
            if (node instanceof ProductNode p) {
                products.add(p);
            } else if (node instanceof ServiceNode s) {
                services.add(s);
            } else {
                groups.add((GroupNode) node);
            }
        }
        products.sort(LineageNode.ORDER);
        services.sort(LineageNode.ORDER);
        groups.sort(LineageNode.ORDER);
    }

    /**
     * Builds the lineage of {@code state}'s content.
     *
     * <p>Products are the topics source, the literal topic names in ACLs, the topics consumer groups use and the
     * catalog's topics. Services are the principals named in ACLs (the wildcard {@code User:*} applies to each of
     * them instead of being one), in services.csv and in group mappings. A service writes a product when the ACLs
     * allow it WRITE from some host, reads it when they allow READ; consumer groups add observed reads and each
     * read's {@link ConsumerState}. Candidates come from the ACL index, each confirmed by the full authorizer,
     * so the cost follows the number of grants, not principals times topics.
     *
     * @throws NullPointerException when an argument is null
     */
    public static LineageGraph build(CatalogState state, LineageOptions options) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(options, "options");
        return new LineageBuilder(state.content(), options).build();
    }

    /**
     * Checks that this graph was built from {@code state}'s content, so that an analysis given both reads
     * facts and graph of the same catalog.
     *
     * @throws IllegalArgumentException when it was built from other content
     */
    public void requireBuiltFrom(CatalogState state) {
        if (builtFrom != state.content() && !builtFrom.equals(state.content())) {
            throw new IllegalArgumentException("the lineage graph was not built from this catalog state (cluster "
                    + state.cluster() + ", snapshot " + state.asOf().id() + ")");
        }
    }

    /** The graph, as an unmodifiable view. */
    public Graph<LineageNode, LineageEdge> graph() {
        return graph;
    }

    /**
     * What is known about {@code edge}.
     *
     * @throws IllegalArgumentException when {@code edge} is not in the graph
     */
    public EdgeFacts facts(LineageEdge edge) {
        EdgeFacts edgeFacts = facts.get(edge);
        if (edgeFacts == null) {
            throw new IllegalArgumentException("no such edge in the lineage graph: " + edge);
        }
        return edgeFacts;
    }

    /** The facts of every edge, unmodifiable. */
    public Map<LineageEdge, EdgeFacts> facts() {
        return facts;
    }

    /**
     * The consumers of {@code topic}, one row per (principal, group) pair: principals allowed to READ with each of
     * their groups on the topic (or one row without a group when none is seen), principals consuming without
     * READ, and groups no principal can be named for. Sorted by principal (unknown last), then group (none first).
     *
     * @return empty when the topic has no consumer or is not in the graph (see {@link #product(String)})
     */
    public List<ConsumerDetail> consumers(String topic) {
        return consumers.getOrDefault(topic, List.of());
    }

    /**
     * The producers of {@code topic}: principals allowed to WRITE it, sorted by principal.
     *
     * @return empty when the topic has no producer or is not in the graph
     */
    public List<ProducerDetail> producers(String topic) {
        return producers.getOrDefault(topic, List.of());
    }

    /** The product node of {@code topic}, if the topic is known. */
    public Optional<ProductNode> product(String topic) {
        ProductNode node = new ProductNode(topic);
        return graph.containsVertex(node) ? Optional.of(node) : Optional.empty();
    }

    /** The product node of the catalog product named {@code name} (its declared name, not its topic). */
    public Optional<ProductNode> productNamed(String name) {
        String topic = topicByProductName.get(name);
        return topic == null ? Optional.empty() : product(topic);
    }

    /**
     * Resolves what a user typed: a topic first (the exact identity), then a catalog product name.
     *
     * @return empty when {@code nameOrTopic} is neither
     */
    public Optional<ProductNode> findProduct(String nameOrTopic) {
        return product(nameOrTopic).or(() -> productNamed(nameOrTopic));
    }

    /**
     * Resolves a focus typed by a user or a script: a product (topic or catalog name), then a service
     * (principal, e.g. {@code User:billing-svc}), then a consumer group that stands as its own node.
     *
     * @return empty when {@code text} names none of them
     */
    public Optional<LineageNode> findNode(String text) {
        return findProduct(text).<LineageNode>map(n -> n)
                .or(() -> service(text))
                .or(() -> group(text));
    }

    /** The service node of {@code principal}, if known. */
    public Optional<ServiceNode> service(String principal) {
        ServiceNode node = new ServiceNode(principal);
        return graph.containsVertex(node) ? Optional.of(node) : Optional.empty();
    }

    /** The group node of {@code groupId}, if the group stands as its own consumer. */
    public Optional<GroupNode> group(String groupId) {
        GroupNode node = new GroupNode(groupId);
        return graph.containsVertex(node) ? Optional.of(node) : Optional.empty();
    }

    /** Every product node, sorted by topic. */
    public List<ProductNode> products() {
        return Collections.unmodifiableList(products);
    }

    /** Every service node, sorted by principal. */
    public List<ServiceNode> services() {
        return Collections.unmodifiableList(services);
    }

    /** Every group node (groups standing as their own consumers), sorted by group id. */
    public List<GroupNode> groups() {
        return Collections.unmodifiableList(groups);
    }

    /**
     * Product-to-product lineage: A -> B for every service that reads A and writes B, with those services.
     * A service reading and writing the same topic adds no pair. Sorted by A, then B.
     */
    public List<ProductEdge> productEdges() {
        List<ProductEdge> edges = productEdges;
        if (edges == null) {
            // A benign race: two threads may both compute the same immutable list.
            edges = computeProductEdges();
            productEdges = edges;
        }
        return edges;
    }

    /**
     * The frozen primitive index of this graph that {@link LineageTraversal} searches. Built on the first call (a
     * pass over every edge; about a second for a million edges) and cached: later calls, from any thread, return
     * the same instance.
     */
    public LineageIndex index() {
        LineageIndex built = index;
        if (built == null) {
            synchronized (indexLock) {
                built = index;
                if (built == null) {
                    built = LineageIndex.of(graph, facts);
                    index = built;
                }
            }
        }
        return built;
    }

    /** The options the graph was built with. */
    public LineageOptions options() {
        return options;
    }

    private List<ProductEdge> computeProductEdges() {
        // Hash maps, not sorted ones: a dense mesh has millions of pairs; only the final list is sorted.
        // Services are visited in principal order, so each pair's services are appended already sorted.
        Map<ProductNode, Map<ProductNode, List<ServiceNode>>> pairs = new HashMap<>();
        for (ServiceNode service : services) {
            Set<LineageEdge> in = graph.incomingEdgesOf(service);
            Set<LineageEdge> out = graph.outgoingEdgesOf(service);
            if (in.isEmpty() || out.isEmpty()) {
                continue;
            }
            for (LineageEdge read : in) {
                ProductNode from = (ProductNode) read.from();
                Map<ProductNode, List<ServiceNode>> targets = pairs.computeIfAbsent(from, k -> new HashMap<>());
                for (LineageEdge write : out) {
                    ProductNode to = (ProductNode) write.to();
                    if (!from.equals(to)) {
                        targets.computeIfAbsent(to, k -> new ArrayList<>(1)).add(service);
                    }
                }
            }
        }
        List<ProductEdge> edges = new ArrayList<>();
        pairs.forEach((from, targets) -> targets.forEach((to, via) -> edges.add(new ProductEdge(from, to, via))));
        edges.sort(Comparator.comparing(ProductEdge::from, LineageNode.ORDER)
                .thenComparing(ProductEdge::to, LineageNode.ORDER));
        return List.copyOf(edges);
    }

    @Override
    public String toString() {
        return "LineageGraph[" + products.size() + " products, " + services.size() + " services, " + groups.size()
                + " groups, " + facts.size() + " edges]";
    }
}
