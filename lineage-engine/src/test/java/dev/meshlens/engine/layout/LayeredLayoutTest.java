package dev.meshlens.engine.layout;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayeredLayoutTest {

    private static Graph<String, DefaultEdge> graph(String... edges) {
        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (String edge : edges) {
            String[] ends = edge.split(">");
            g.addVertex(ends[0]);
            g.addVertex(ends[1]);
            g.addEdge(ends[0], ends[1]);
        }
        return g;
    }

    /** up1, up2 -> focus -> d1..d3, d1 -> dd1: a small lineage neighbourhood. */
    private static Graph<String, DefaultEdge> neighbourhood() {
        return graph("up1>focus", "up2>focus", "focus>d1", "focus>d2", "focus>d3", "d1>dd1");
    }

    private static Map<String, Integer> neighbourhoodLayers() {
        return Map.of("up1", -1, "up2", -1, "focus", 0, "d1", 1, "d2", 1, "d3", 1, "dd1", 2);
    }

    @Test
    void columnsFollowLayersFromLeftToRight() {
        LayeredLayout<String, DefaultEdge> layout = new LayeredLayout<>(neighbourhood(), neighbourhoodLayers());

        double up = layout.position("up1").x();
        double focus = layout.position("focus").x();
        double down = layout.position("d2").x();
        double further = layout.position("dd1").x();
        assertThat(up).isLessThan(focus);
        assertThat(focus).isLessThan(down);
        assertThat(down).isLessThan(further);
        assertThat(layout.position("up2").x()).isEqualTo(up);
    }

    @Test
    void noTwoVerticesShareAPosition() {
        LayeredLayout<String, DefaultEdge> layout = new LayeredLayout<>(neighbourhood(), neighbourhoodLayers());

        Set<LayoutPoint> distinct = new HashSet<>(layout.positions().values());
        assertThat(distinct).hasSize(7);
    }

    @Test
    void verticesOfOneColumnAreSpreadEvenlyAroundTheMiddle() {
        LayeredLayout<String, DefaultEdge> layout = new LayeredLayout<>(neighbourhood(), neighbourhoodLayers());

        List<Double> ys = layout.order(1).stream().map(v -> layout.position(v).y()).toList();
        double gap = LayoutSpacing.DEFAULT.rowGap();
        assertThat(ys).containsExactly(-gap, 0.0, gap);
        assertThat(layout.position("focus").y()).isZero();
    }

    @Test
    void barycentreSweepsRemoveAKnownCrossing() {
        // vertex order a, b then y, x: edges a-x and b-y cross once until the second column is reordered
        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        List.of("a", "b", "y", "x").forEach(g::addVertex);
        g.addEdge("a", "x");
        g.addEdge("b", "y");
        Map<String, Integer> layers = Map.of("a", 0, "b", 0, "x", 1, "y", 1);

        LayeredLayout<String, DefaultEdge> layout = new LayeredLayout<>(g, layers);

        assertThat(layout.initialCrossings()).isEqualTo(1);
        assertThat(layout.crossings()).isZero();
        assertThat(layout.order(1)).containsExactly("x", "y");
    }

    @Test
    void withoutSweepsTheGraphsVertexOrderIsKept() {
        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        List.of("a", "b", "y", "x").forEach(g::addVertex);
        g.addEdge("a", "x");
        g.addEdge("b", "y");
        Map<String, Integer> layers = Map.of("a", 0, "b", 0, "x", 1, "y", 1);

        LayeredLayout<String, DefaultEdge> layout = new LayeredLayout<>(g, layers, LayoutSpacing.DEFAULT, 0);

        assertThat(layout.order(1)).containsExactly("y", "x");
        assertThat(layout.crossings()).isEqualTo(1);
    }

    @Test
    void sweepsReduceCrossingsOfAScrambledLadder() {
        // a ladder of 30 rungs whose right column is in reverse order: 435 crossings before, none after
        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        Map<String, Integer> layers = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            g.addVertex("l" + i);
            layers.put("l" + i, 0);
        }
        for (int i = 29; i >= 0; i--) {
            g.addVertex("r" + i);
            layers.put("r" + i, 1);
        }
        for (int i = 0; i < 30; i++) {
            g.addEdge("l" + i, "r" + i);
        }

        LayeredLayout<String, DefaultEdge> layout = new LayeredLayout<>(g, layers);

        assertThat(layout.initialCrossings()).isEqualTo(435);
        assertThat(layout.crossings()).isZero();
    }

    @Test
    void equalInputGivesEqualLayouts() {
        Graph<String, DefaultEdge> first = randomLayered(7);
        Graph<String, DefaultEdge> second = randomLayered(7);

        Map<String, LayoutPoint> a = new LayeredLayout<>(first, layersOf(first)).positions();
        Map<String, LayoutPoint> b = new LayeredLayout<>(second, layersOf(second)).positions();

        assertThat(a).isEqualTo(b);
        assertThat(List.copyOf(a.keySet())).isEqualTo(List.copyOf(b.keySet()));
    }

    @Test
    void sweepsNeverAddCrossings() {
        Graph<String, DefaultEdge> g = randomLayered(3);

        LayeredLayout<String, DefaultEdge> layout = new LayeredLayout<>(g, layersOf(g));

        assertThat(layout.crossings()).isLessThan(layout.initialCrossings());
    }

    @Test
    void aLongColumnIsWrappedIntoSubColumns() {
        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        Map<String, Integer> layers = new HashMap<>();
        g.addVertex("hub");
        layers.put("hub", 0);
        for (int i = 0; i < 25; i++) {
            g.addVertex("c" + i);
            g.addEdge("hub", "c" + i);
            layers.put("c" + i, 1);
        }
        LayoutSpacing spacing = new LayoutSpacing(100, 10, 10, 50);

        LayeredLayout<String, DefaultEdge> layout = new LayeredLayout<>(g, layers, spacing, 2);

        Set<Double> xs = new HashSet<>();
        layout.order(1).forEach(v -> xs.add(layout.position(v).x()));
        assertThat(xs).containsExactlyInAnyOrder(100.0, 150.0, 200.0);
        assertThat(new HashSet<>(layout.positions().values())).hasSize(26);
        assertThat(layout.order(1).stream().mapToDouble(v -> Math.abs(layout.position(v).y())).max().orElseThrow())
                .isEqualTo(45.0);
    }

    @Test
    void aVertexWithoutALayerIsRejected() {
        Map<String, Integer> layers = new HashMap<>(neighbourhoodLayers());
        layers.remove("d2");

        assertThatThrownBy(() -> new LayeredLayout<>(neighbourhood(), layers))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no layer for d2");
    }

    @Test
    void aLayerForAVertexOutsideTheGraphIsRejected() {
        Map<String, Integer> layers = new HashMap<>(neighbourhoodLayers());
        layers.put("ghost", 3);

        assertThatThrownBy(() -> new LayeredLayout<>(neighbourhood(), layers))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ghost");
    }

    @Test
    void negativeSweepsAreRejected() {
        assertThatThrownBy(() -> new LayeredLayout<>(neighbourhood(), neighbourhoodLayers(), LayoutSpacing.DEFAULT,
                -1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Five layers of 12 vertices, each with two edges to the next layer chosen by a fixed linear congruence. */
    private static Graph<String, DefaultEdge> randomLayered(long seed) {
        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        long state = seed;
        for (int layer = 0; layer < 5; layer++) {
            for (int i = 0; i < 12; i++) {
                g.addVertex(layer + ":" + i);
            }
        }
        for (int layer = 0; layer < 4; layer++) {
            for (int i = 0; i < 12; i++) {
                for (int k = 0; k < 2; k++) {
                    state = (state * 6364136223846793005L + 1442695040888963407L);
                    int target = (int) Math.floorMod(state >>> 33, 12);
                    g.addEdge(layer + ":" + i, (layer + 1) + ":" + target);
                }
            }
        }
        return g;
    }

    private static Map<String, Integer> layersOf(Graph<String, DefaultEdge> g) {
        Map<String, Integer> layers = new LinkedHashMap<>();
        g.vertexSet().forEach(v -> layers.put(v, Integer.parseInt(v.substring(0, v.indexOf(':')))));
        return layers;
    }
}
