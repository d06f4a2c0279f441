package dev.meshlens.engine.lineage;

import dev.meshlens.engine.acl.HostScope;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultUndirectedGraph;
import org.jgrapht.graph.EdgeReversedGraph;
import org.jgrapht.traverse.BreadthFirstIterator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineageIndexTest {

    /** A random graph and the facts of its edges. */
    private record RandomMesh(Graph<LineageNode, LineageEdge> graph, Map<LineageEdge, EdgeFacts> facts,
                              List<LineageNode> nodes) {
    }

    /**
     * Products, services and groups wired at random: services write and read products, groups read them. With
     * a few edges per node, cycles (product -> service -> product -> ...) are all but certain.
     */
    private static RandomMesh randomMesh(long seed, int products, int services, int groups, int edges) {
        Random random = new Random(seed);
        Graph<LineageNode, LineageEdge> graph = new DefaultDirectedGraph<>(LineageEdge.class);
        Map<LineageEdge, EdgeFacts> facts = new HashMap<>();
        List<ProductNode> ps = new ArrayList<>();
        List<LineageNode> consumers = new ArrayList<>();
        List<ServiceNode> ss = new ArrayList<>();
        for (int i = 0; i < products; i++) {
            ps.add(new ProductNode("topic-" + random.nextInt(products * 10)));
        }
        for (int i = 0; i < services; i++) {
            ServiceNode s = new ServiceNode("User:svc-" + random.nextInt(services * 10));
            ss.add(s);
            consumers.add(s);
        }
        for (int i = 0; i < groups; i++) {
            consumers.add(new GroupNode("group-" + i));
        }
        ps.forEach(graph::addVertex);
        consumers.forEach(graph::addVertex);
        for (int i = 0; i < edges; i++) {
            ProductNode p = ps.get(random.nextInt(ps.size()));
            LineageEdge edge = random.nextBoolean()
                    ? new LineageEdge(ss.get(random.nextInt(ss.size())), p, EdgeKind.WRITE)
                    : new LineageEdge(p, consumers.get(random.nextInt(consumers.size())), EdgeKind.READ);
            graph.addEdge(edge.from(), edge.to(), edge);
            facts.put(edge, new EdgeFacts(List.of(EdgeFacts.ACL), null, (long) i, List.of(), HostScope.any()));
        }
        return new RandomMesh(graph, facts, new ArrayList<>(graph.vertexSet()));
    }

    /** Node to depth, as JGraphT's own breadth-first iterator finds them. */
    private static Map<LineageNode, Integer> jgraphtDepths(Graph<LineageNode, LineageEdge> graph, LineageNode root) {
        BreadthFirstIterator<LineageNode, LineageEdge> it = new BreadthFirstIterator<>(graph, root);
        Map<LineageNode, Integer> depths = new HashMap<>();
        while (it.hasNext()) {
            LineageNode node = it.next();
            depths.put(node, it.getDepth(node));
        }
        return depths;
    }

    private static Map<LineageNode, Integer> depths(TraversalResult result) {
        Map<LineageNode, Integer> depths = new HashMap<>();
        result.nodes().forEach(v -> depths.put(v.node(), v.depth()));
        return depths;
    }

    @Test
    void downstreamReachesWhatBreadthFirstIteratorReachesAtTheSameDepths() {
        for (long seed = 1; seed <= 20; seed++) {
            RandomMesh mesh = randomMesh(seed, 60, 40, 5, 180);
            LineageIndex index = LineageIndex.of(mesh.graph(), mesh.facts());
            for (LineageNode root : mesh.nodes()) {
                TraversalResult result = index.traverse(root, TraversalDirection.DOWNSTREAM,
                        LineageTraversal.UNLIMITED);

                assertThat(depths(result)).as("seed %d root %s", seed, root)
                        .isEqualTo(jgraphtDepths(mesh.graph(), root));
            }
        }
    }

    @Test
    void upstreamReachesWhatBreadthFirstIteratorReachesOnTheReversedGraph() {
        for (long seed = 1; seed <= 20; seed++) {
            RandomMesh mesh = randomMesh(seed, 60, 40, 5, 180);
            LineageIndex index = LineageIndex.of(mesh.graph(), mesh.facts());
            Graph<LineageNode, LineageEdge> reversed = new EdgeReversedGraph<>(mesh.graph());
            for (LineageNode root : mesh.nodes()) {
                TraversalResult result = index.traverse(root, TraversalDirection.UPSTREAM, LineageTraversal.UNLIMITED);

                assertThat(depths(result)).as("seed %d root %s", seed, root)
                        .isEqualTo(jgraphtDepths(reversed, root));
            }
        }
    }

    @Test
    void randomMeshesHaveCyclesAndDeepReaches() {
        // guards the comparisons above against comparing trivial searches
        RandomMesh mesh = randomMesh(7, 60, 40, 5, 180);
        LineageIndex index = LineageIndex.of(mesh.graph(), mesh.facts());

        int deepest = mesh.nodes().stream().mapToInt(root -> {
            List<VisitedNode> nodes = index.traverse(root, TraversalDirection.DOWNSTREAM,
                    LineageTraversal.UNLIMITED).nodes();
            return nodes.get(nodes.size() - 1).depth();
        }).max().orElseThrow();
        assertThat(new CycleDetector<>(mesh.graph()).detectCycles()).isTrue();
        assertThat(deepest).isGreaterThan(5);
    }

    @Test
    void answersEqualTheLiveGraphTraversalAtEveryDepthInBothDirections() {
        for (long seed = 1; seed <= 10; seed++) {
            RandomMesh mesh = randomMesh(seed, 50, 30, 4, 150);
            LineageIndex index = LineageIndex.of(mesh.graph(), mesh.facts());
            LineageTraversal live = new LineageTraversal(mesh.graph(), mesh.facts());
            for (LineageNode root : mesh.nodes()) {
                for (int depth : new int[] {0, 1, 2, 3, 5, LineageTraversal.UNLIMITED}) {
                    assertThat(index.traverse(root, TraversalDirection.DOWNSTREAM, depth))
                            .as("seed %d root %s depth %d", seed, root, depth)
                            .isEqualTo(live.downstream(root, depth));
                    assertThat(index.traverse(root, TraversalDirection.UPSTREAM, depth))
                            .as("seed %d root %s depth %d", seed, root, depth)
                            .isEqualTo(live.upstream(root, depth));
                }
            }
        }
    }

    @Test
    void answersEqualTheLiveGraphTraversalForSmallAndLargeReachesOfABigGraph() {
        // A small mesh beside a dense one and many lone products: roots in the small mesh reach a tiny part of the
        // graph (the index sorts ids), roots in the dense one a large part (the index scans bitsets).
        RandomMesh small = randomMesh(11, 40, 30, 3, 100);
        RandomMesh big = renamed(randomMesh(12, 1500, 1000, 20, 12_000));
        Graph<LineageNode, LineageEdge> graph = new DefaultDirectedGraph<>(LineageEdge.class);
        Map<LineageEdge, EdgeFacts> facts = new HashMap<>();
        for (RandomMesh part : List.of(small, big)) {
            part.graph().vertexSet().forEach(graph::addVertex);
            part.graph().edgeSet().forEach(e -> graph.addEdge(e.from(), e.to(), e));
            facts.putAll(part.facts());
        }
        for (int i = 0; i < 20_000; i++) {
            graph.addVertex(new ProductNode("lone-" + i));
        }
        LineageIndex index = LineageIndex.of(graph, facts);
        LineageTraversal live = new LineageTraversal(graph, facts);
        List<LineageNode> roots = new ArrayList<>(small.nodes());
        roots.addAll(big.nodes().subList(0, 10));
        for (LineageNode root : roots) {
            for (int depth : new int[] {1, 3, LineageTraversal.UNLIMITED}) {
                assertThat(index.traverse(root, TraversalDirection.DOWNSTREAM, depth))
                        .as("root %s depth %d", root, depth).isEqualTo(live.downstream(root, depth));
                assertThat(index.traverse(root, TraversalDirection.UPSTREAM, depth))
                        .as("root %s depth %d", root, depth).isEqualTo(live.upstream(root, depth));
            }
        }
    }

    /** The same mesh with every name prefixed by {@code big-}. */
    private static RandomMesh renamed(RandomMesh mesh) {
        Map<LineageNode, LineageNode> names = new HashMap<>();
        for (LineageNode n : mesh.graph().vertexSet()) {
            LineageNode renamed;
            if (n instanceof ProductNode p) {
                renamed = new ProductNode("big-" + p.topic());
            } else if (n instanceof ServiceNode s) {
                renamed = new ServiceNode("User:big-" + s.principal());
            } else {
                renamed = new GroupNode("big-" + n.name());
            }
            names.put(n, renamed);
        }
        Graph<LineageNode, LineageEdge> graph = new DefaultDirectedGraph<>(LineageEdge.class);
        Map<LineageEdge, EdgeFacts> facts = new HashMap<>();
        names.values().forEach(graph::addVertex);
        for (LineageEdge e : mesh.graph().edgeSet()) {
            LineageEdge r = new LineageEdge(names.get(e.from()), names.get(e.to()), e.kind());
            graph.addEdge(r.from(), r.to(), r);
            facts.put(r, mesh.facts().get(e));
        }
        List<LineageNode> nodes = mesh.nodes().stream().map(names::get).toList();
        return new RandomMesh(graph, facts, nodes);
    }

    @Test
    void countIsTheNumberOfNodesTheTraversalReaches() {
        RandomMesh mesh = randomMesh(3, 60, 40, 5, 180);
        LineageIndex index = LineageIndex.of(mesh.graph(), mesh.facts());
        for (LineageNode root : mesh.nodes()) {
            for (TraversalDirection direction : TraversalDirection.values()) {
                assertThat(index.count(root, direction, 2))
                        .isEqualTo(index.traverse(root, direction, 2).nodes().size());
                assertThat(index.count(root, direction, LineageTraversal.UNLIMITED))
                        .isEqualTo(index.traverse(root, direction, LineageTraversal.UNLIMITED).nodes().size());
            }
        }
    }

    @Test
    void nodeIdsFollowLineageNodeOrder() {
        RandomMesh mesh = randomMesh(5, 30, 20, 3, 60);
        LineageIndex index = LineageIndex.of(mesh.graph(), mesh.facts());
        List<LineageNode> sorted = new ArrayList<>(mesh.nodes());
        sorted.sort(LineageNode.ORDER);

        assertThat(index.nodeCount()).isEqualTo(sorted.size());
        for (int id = 0; id < sorted.size(); id++) {
            assertThat(index.node(id)).isEqualTo(sorted.get(id));
            assertThat(index.id(sorted.get(id))).isEqualTo(id);
        }
    }

    @Test
    void edgeIdsFollowSourceThenTargetOrderAndCarryTheirFacts() {
        RandomMesh mesh = randomMesh(5, 30, 20, 3, 60);
        LineageIndex index = LineageIndex.of(mesh.graph(), mesh.facts());

        assertThat(index.edgeCount()).isEqualTo(mesh.graph().edgeSet().size());
        for (int id = 1; id < index.edgeCount(); id++) {
            LineageEdge previous = index.edge(id - 1).edge();
            LineageEdge edge = index.edge(id).edge();
            int bySource = LineageNode.ORDER.compare(previous.from(), edge.from());
            assertThat(bySource < 0 || bySource == 0 && LineageNode.ORDER.compare(previous.to(), edge.to()) < 0)
                    .as("%s before %s", previous, edge).isTrue();
            assertThat(index.edge(id).facts()).isSameAs(mesh.facts().get(edge));
        }
    }

    @Test
    void unknownNodeHasNoId() {
        RandomMesh mesh = randomMesh(1, 5, 5, 0, 10);
        LineageIndex index = LineageIndex.of(mesh.graph(), mesh.facts());

        assertThat(index.id(new ProductNode("no-such-topic"))).isEqualTo(-1);
    }

    @Test
    void unknownRootIsRejectedNamingIt() {
        RandomMesh mesh = randomMesh(1, 5, 5, 0, 10);
        LineageIndex index = LineageIndex.of(mesh.graph(), mesh.facts());

        assertThatThrownBy(() -> index.traverse(new ProductNode("nope"), TraversalDirection.DOWNSTREAM, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not in the lineage graph: product nope");
    }

    @Test
    void negativeDepthIsRejected() {
        RandomMesh mesh = randomMesh(1, 5, 5, 0, 10);
        LineageIndex index = LineageIndex.of(mesh.graph(), mesh.facts());

        assertThatThrownBy(() -> index.count(mesh.nodes().get(0), TraversalDirection.UPSTREAM, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    @Test
    void edgeWithoutFactsIsRejected() {
        Graph<LineageNode, LineageEdge> graph = new DefaultDirectedGraph<>(LineageEdge.class);
        ServiceNode ingest = new ServiceNode("User:ingest");
        ProductNode raw = new ProductNode("raw");
        graph.addVertex(ingest);
        graph.addVertex(raw);
        graph.addEdge(ingest, raw, new LineageEdge(ingest, raw, EdgeKind.WRITE));

        assertThatThrownBy(() -> LineageIndex.of(graph, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without facts");
    }

    @Test
    void undirectedGraphIsRejected() {
        assertThatThrownBy(() -> LineageIndex.of(new DefaultUndirectedGraph<>(LineageEdge.class), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void laterChangesToTheGraphAreNotSeen() {
        Graph<LineageNode, LineageEdge> graph = new DefaultDirectedGraph<>(LineageEdge.class);
        ServiceNode ingest = new ServiceNode("User:ingest");
        ProductNode raw = new ProductNode("raw");
        graph.addVertex(ingest);
        graph.addVertex(raw);
        LineageIndex index = LineageIndex.of(graph, Map.of());
        graph.addEdge(ingest, raw, new LineageEdge(ingest, raw, EdgeKind.WRITE));

        assertThat(index.count(ingest, TraversalDirection.DOWNSTREAM, LineageTraversal.UNLIMITED)).isEqualTo(1);
    }

    @Test
    void emptyGraphGivesAnEmptyIndex() {
        LineageIndex index = LineageIndex.of(new DefaultDirectedGraph<>(LineageEdge.class), Map.of());

        assertThat(index.nodeCount()).isZero();
        assertThat(index.edgeCount()).isZero();
    }

    @Test
    void lineageGraphBuildsItsIndexOnceForAllThreads() throws Exception {
        LineageGraph lineage = new Mesh().writes("User:ingest", "raw").reads("User:enrich", "raw")
                .writes("User:enrich", "clean").build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<LineageIndex>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(lineage::index);
            }
            List<LineageIndex> indexes = new ArrayList<>();
            for (Future<LineageIndex> f : pool.invokeAll(calls)) {
                indexes.add(f.get());
            }

            assertThat(indexes).allSatisfy(i -> assertThat(i).isSameAs(lineage.index()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentQueriesEachGetTheirOwnAnswer() throws Exception {
        RandomMesh mesh = randomMesh(21, 200, 150, 10, 700);
        LineageIndex index = LineageIndex.of(mesh.graph(), mesh.facts());
        Map<LineageNode, TraversalResult> expected = new HashMap<>();
        for (LineageNode root : mesh.nodes()) {
            expected.put(root, index.traverse(root, TraversalDirection.DOWNSTREAM, LineageTraversal.UNLIMITED));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                calls.add(() -> {
                    int checked = 0;
                    for (int round = 0; round < 5; round++) {
                        for (int i = 0; i < mesh.nodes().size(); i++) {
                            LineageNode root = mesh.nodes().get((i * 7 + offset) % mesh.nodes().size());
                            TraversalResult result = index.traverse(root, TraversalDirection.DOWNSTREAM,
                                    LineageTraversal.UNLIMITED);
                            if (!result.equals(expected.get(root))) {
                                throw new AssertionError("wrong answer from " + root);
                            }
                            checked++;
                        }
                    }
                    return checked;
                });
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo(5 * mesh.nodes().size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void traversalOfALineageGraphAnswersLikeTheLiveGraph() {
        LineageGraph lineage = new Mesh().writes("User:ingest", "raw").reads("User:enrich", "raw")
                .writes("User:enrich", "clean").reads("User:report", "clean").reads("User:enrich", "clean")
                .writes("User:report", "raw").build();
        LineageTraversal indexed = new LineageTraversal(lineage);
        LineageTraversal live = new LineageTraversal(lineage.graph(), lineage.facts());

        for (LineageNode node : lineage.graph().vertexSet()) {
            assertThat(indexed.downstream(node)).isEqualTo(live.downstream(node));
            assertThat(indexed.upstream(node, 2)).isEqualTo(live.upstream(node, 2));
            assertThat(indexed.downstreamCount(node)).isEqualTo(live.downstreamCount(node));
            assertThat(indexed.upstreamCount(node)).isEqualTo(live.upstream(node).nodes().size());
        }
    }
}
