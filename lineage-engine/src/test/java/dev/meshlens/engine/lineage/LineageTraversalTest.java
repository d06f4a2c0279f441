package dev.meshlens.engine.lineage;

import dev.meshlens.engine.acl.HostScope;
import dev.meshlens.engine.model.GroupState;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultUndirectedGraph;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineageTraversalTest {

    private static final ProductNode RAW = new ProductNode("raw");
    private static final ProductNode CLEAN = new ProductNode("clean");
    private static final ServiceNode INGEST = new ServiceNode("User:ingest");
    private static final ServiceNode ENRICH = new ServiceNode("User:enrich");
    private static final ServiceNode REPORT = new ServiceNode("User:report");

    /** ingest -> raw -> enrich -> clean -> report. */
    private static LineageGraph chain() {
        return new Mesh().writes("User:ingest", "raw").reads("User:enrich", "raw").writes("User:enrich", "clean")
                .reads("User:report", "clean").build();
    }

    private static List<VisitedNode> visited(Object... nodeDepthPairs) {
        java.util.ArrayList<VisitedNode> list = new java.util.ArrayList<>();
        for (int i = 0; i < nodeDepthPairs.length; i += 2) {
            list.add(new VisitedNode((LineageNode) nodeDepthPairs[i], (Integer) nodeDepthPairs[i + 1]));
        }
        return list;
    }

    @Test
    void downstreamIncludesTransitiveConsumersThroughServices() {
        TraversalResult result = new LineageTraversal(chain()).downstream(RAW);

        assertThat(result.nodes()).containsExactlyElementsOf(visited(RAW, 0, ENRICH, 1, CLEAN, 2, REPORT, 3));
        assertThat(result.direction()).isEqualTo(TraversalDirection.DOWNSTREAM);
    }

    @Test
    void downstreamEdgesCarryTheirFacts() {
        LineageGraph lineage = chain();
        TraversalResult result = new LineageTraversal(lineage).downstream(CLEAN);

        LineageEdge read = new LineageEdge(CLEAN, REPORT, EdgeKind.READ);
        assertThat(result.edges()).containsExactly(new TraversedEdge(read, lineage.facts(read)));
    }

    @Test
    void maxDepthStopsAtThatManyHops() {
        TraversalResult result = new LineageTraversal(chain()).downstream(RAW, 2);

        assertThat(result.nodeSet()).containsExactly(RAW, ENRICH, CLEAN);
        assertThat(result.edges()).extracting(TraversedEdge::edge).containsExactly(
                new LineageEdge(RAW, ENRICH, EdgeKind.READ), new LineageEdge(ENRICH, CLEAN, EdgeKind.WRITE));
    }

    @Test
    void depthZeroIsTheRootAlone() {
        TraversalResult result = new LineageTraversal(chain()).downstream(RAW, 0);

        assertThat(result.nodes()).containsExactly(new VisitedNode(RAW, 0));
        assertThat(result.edges()).isEmpty();
    }

    @Test
    void upstreamFollowsEdgesBackwardsAndKeepsTheirOrientation() {
        TraversalResult result = new LineageTraversal(chain()).upstream(REPORT);

        assertThat(result.nodes()).containsExactlyElementsOf(
                visited(REPORT, 0, CLEAN, 1, ENRICH, 2, RAW, 3, INGEST, 4));
        assertThat(result.edges()).extracting(TraversedEdge::edge).contains(new LineageEdge(CLEAN, REPORT,
                EdgeKind.READ), new LineageEdge(INGEST, RAW, EdgeKind.WRITE));
        assertThat(result.direction()).isEqualTo(TraversalDirection.UPSTREAM);
    }

    @Test
    void upstreamRunsOnALiveViewOfTheGraph() {
        Graph<LineageNode, LineageEdge> graph = new DefaultDirectedGraph<>(LineageEdge.class);
        Map<LineageEdge, EdgeFacts> facts = new HashMap<>();
        graph.addVertex(RAW);
        graph.addVertex(INGEST);
        LineageTraversal traversal = new LineageTraversal(graph, facts);
        LineageEdge write = new LineageEdge(INGEST, RAW, EdgeKind.WRITE);
        graph.addEdge(INGEST, RAW, write);
        facts.put(write, new EdgeFacts(List.of("acl"), null, null, List.of(), HostScope.any()));

        assertThat(traversal.upstream(RAW).nodeSet()).containsExactly(RAW, INGEST);
    }

    @Test
    void cycleVisitsEachNodeOnceAtItsShortestDepth() {
        // a reads x, writes y; b reads y, writes x.
        LineageGraph lineage = new Mesh().reads("User:a", "x").writes("User:a", "y").reads("User:b", "y")
                .writes("User:b", "x").build();
        ProductNode x = new ProductNode("x");

        TraversalResult result = new LineageTraversal(lineage).downstream(x);

        assertThat(result.nodes()).containsExactlyElementsOf(visited(x, 0, new ServiceNode("User:a"), 1,
                new ProductNode("y"), 2, new ServiceNode("User:b"), 3));
        assertThat(result.edges()).hasSize(4);
    }

    @Test
    void diamondReachesTheSharedNodeOnce() {
        // raw is read by left and right, which both write out; out is read by sink.
        LineageGraph lineage = new Mesh().reads("User:left", "raw").reads("User:right", "raw")
                .writes("User:left", "out").writes("User:right", "out").reads("User:sink", "out").build();

        TraversalResult result = new LineageTraversal(lineage).downstream(RAW);

        assertThat(result.nodes()).containsExactlyElementsOf(visited(RAW, 0, new ServiceNode("User:left"), 1,
                new ServiceNode("User:right"), 1, new ProductNode("out"), 2, new ServiceNode("User:sink"), 3));
        assertThat(result.edges()).hasSize(5);
    }

    @Test
    void nodesAtOneDepthAreOrderedByKindThenName() {
        LineageGraph lineage = new Mesh().reads("User:b", "raw").reads("User:a", "raw")
                .group("z-group", GroupState.STABLE, "raw", 1, 1).build();

        TraversalResult result = new LineageTraversal(lineage).downstream(RAW);

        assertThat(result.nodes()).containsExactlyElementsOf(visited(RAW, 0, new GroupNode("z-group"), 1,
                new ServiceNode("User:a"), 1, new ServiceNode("User:b"), 1));
    }

    @Test
    void depthOfReportsTheShortestDepth() {
        TraversalResult result = new LineageTraversal(chain()).downstream(RAW);

        assertThat(result.depthOf(CLEAN)).hasValue(2);
        assertThat(result.depthOf(INGEST)).isEmpty();
    }

    @Test
    void unknownRootIsRejected() {
        LineageTraversal traversal = new LineageTraversal(chain());

        assertThatThrownBy(() -> traversal.downstream(new ProductNode("nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void negativeDepthIsRejected() {
        LineageTraversal traversal = new LineageTraversal(chain());

        assertThatThrownBy(() -> traversal.upstream(RAW, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void undirectedGraphIsRejected() {
        Graph<LineageNode, LineageEdge> graph = new DefaultUndirectedGraph<>(LineageEdge.class);

        assertThatThrownBy(() -> new LineageTraversal(graph, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void edgeWithoutFactsIsRejected() {
        Graph<LineageNode, LineageEdge> graph = new DefaultDirectedGraph<>(LineageEdge.class);
        graph.addVertex(INGEST);
        graph.addVertex(RAW);
        graph.addEdge(INGEST, RAW, new LineageEdge(INGEST, RAW, EdgeKind.WRITE));

        assertThatThrownBy(() -> new LineageTraversal(graph, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without facts");
    }
}
