package dev.meshlens.app.ui.canvas.impact;

import dev.meshlens.app.ui.canvas.CanvasGraph;
import dev.meshlens.app.ui.canvas.CanvasNode;
import dev.meshlens.app.ui.canvas.Detail;
import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.modes.GraphAssembly;
import dev.meshlens.app.ui.canvas.modes.LineageIds;
import dev.meshlens.app.ui.canvas.modes.NodeFacts;
import dev.meshlens.engine.lineage.EdgeKind;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.LineageTraversal;
import dev.meshlens.engine.lineage.TraversalResult;
import dev.meshlens.engine.lineage.TraversedEdge;
import dev.meshlens.engine.lineage.VisitedNode;
import dev.meshlens.engine.model.CatalogState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds impact mode's answer with the engine's {@link LineageTraversal}: everything downstream of the focus,
 * however deep, each node once at its shortest depth (its layer on the canvas). The upstream part of the
 * neighbourhood the canvas showed stays, dimmed, so the focus keeps its place; the rest of the neighbourhood is
 * dropped, since everything downstream is drawn anyway. Pure: no state, safe on any thread.
 */
public final class ImpactBuilder {
    private static final String WRITES = "writes";

    /**
     * The impact of {@code focusId}.
     *
     * @param lineage       the lineage graph built from {@code state}
     * @param focusId       the canvas id of a product, service or group of the graph
     * @param neighbourhood what the canvas drew before, for upstream context; null for none
     * @throws IllegalArgumentException when {@code focusId} names no node of the graph
     */
    public ImpactAnalysis build(CatalogState state, LineageGraph lineage, String focusId, CanvasGraph neighbourhood) {
        Objects.requireNonNull(state, "state");
        LineageNode focus = LineageIds.require(lineage, focusId);
        NodeFacts facts = new NodeFacts(state);
        TraversalResult reach = new LineageTraversal(lineage).downstream(focus);
        Map<LineageNode, Integer> depth = new HashMap<>();
        reach.nodes().forEach(v -> depth.put(v.node(), v.depth()));
        Map<LineageNode, TraversedEdge> reachedBy = new HashMap<>();
        for (TraversedEdge t : reach.edges()) {
            LineageNode to = t.edge().to();
            if (depth.get(to) == depth.get(t.edge().from()) + 1) {
                reachedBy.putIfAbsent(to, t);
            }
        }

        GraphAssembly graph = new GraphAssembly();
        List<ImpactRow> rows = new ArrayList<>();
        Map<Integer, Integer> perDepth = new TreeMap<>();
        Map<Integer, Integer> perTier = new HashMap<>();
        for (VisitedNode visited : reach.nodes()) {
            LineageNode node = visited.node();
            if (visited.depth() == 0) {
                graph.add(facts.node(node, 0, GraphAssembly.marks(Mark.FOCUS), List.of()));
                continue;
            }
            TraversedEdge via = reachedBy.get(node);
            String stateLabel = via.edge().kind() == EdgeKind.WRITE ? WRITES
                    : via.facts().state() == null ? "reads" : via.facts().state().label();
            Integer tier = facts.tier(node);
            graph.add(facts.node(node, visited.depth(), GraphAssembly.marks(Mark.IMPACTED), List.of(
                    new Detail("Impact depth", Integer.toString(visited.depth())),
                    new Detail("Reached via", via.edge().from().name() + " (" + stateLabel + ")"))));
            rows.add(new ImpactRow(LineageIds.id(node), node.kind(), node.name(), facts.owner(node), tier, stateLabel,
                    visited.depth(), via.edge().from().name()));
            perDepth.merge(visited.depth(), 1, Integer::sum);
            perTier.merge(tier == null ? 0 : tier, 1, Integer::sum);
        }
        for (TraversedEdge t : reach.edges()) {
            graph.add(NodeFacts.edge(t.edge(), t.facts(), GraphAssembly.marks(Mark.IMPACTED)));
        }
        graph.addContext(neighbourhood, (CanvasNode n) -> n.layer() < 0);

        List<DepthCount> byDepth = new ArrayList<>();
        perDepth.forEach((d, n) -> byDepth.add(new DepthCount(d, n)));
        List<TierCount> byTier = new ArrayList<>();
        for (int tier = 1; tier <= 4; tier++) {
            byTier.add(new TierCount(tier, perTier.getOrDefault(tier, 0)));
        }
        byTier.add(new TierCount(null, perTier.getOrDefault(0, 0)));
        String title = "Impact of " + focus.name() + " · " + rows.size() + " downstream · snapshot #"
                + state.asOf().id();
        return new ImpactAnalysis(focusId, graph.build(title, focusId), rows, byDepth, byTier);
    }
}
