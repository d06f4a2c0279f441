package dev.meshlens.app.ui.canvas.tiers;

import dev.meshlens.app.ui.canvas.CanvasGraph;
import dev.meshlens.app.ui.canvas.Detail;
import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.modes.GraphAssembly;
import dev.meshlens.app.ui.canvas.modes.LineageIds;
import dev.meshlens.app.ui.canvas.modes.NodeFacts;
import dev.meshlens.engine.lineage.LineageEdge;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.ServiceNode;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.tiers.TierViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Draws the limiting path of a tier violation ({@link dev.meshlens.engine.tiers.TierChains}): the violating node at
 * layer 0 on the right, each node upstream one column further left, ending at the node whose weak tier caps it;
 * every node and edge of the path marked LIMITING. The path's names alternate product and service (a product is
 * written by a service, a service reads a product), so each name's kind follows from the violation's own kind.
 * Pure and thread-safe.
 */
public final class TierPathBuilder {

    /**
     * The canvas graph of {@code violation}'s limiting path.
     *
     * @param lineage the lineage graph built from {@code state}, the one the violation was found in
     * @throws IllegalArgumentException when the path does not follow edges of {@code lineage}
     */
    public CanvasGraph build(TierViolation violation, CatalogState state, LineageGraph lineage) {
        Objects.requireNonNull(violation, "violation");
        NodeFacts facts = new NodeFacts(state);
        List<LineageNode> path = nodes(violation);
        GraphAssembly graph = new GraphAssembly();
        for (int i = 0; i < path.size(); i++) {
            LineageNode node = path.get(i);
            List<Detail> extra = new ArrayList<>();
            if (i == 0) {
                extra.add(new Detail("Promises", tierText(violation.declaredTier())));
                extra.add(new Detail("Capped at", "Tier " + violation.cappedAt()));
            } else if (i == path.size() - 1) {
                extra.add(new Detail("Caps the path at", "Tier " + violation.cappedAt()));
            }
            graph.add(facts.node(node, -i, GraphAssembly.marks(Mark.LIMITING), extra));
        }
        for (int i = 0; i + 1 < path.size(); i++) {
            LineageNode upstream = path.get(i + 1);
            LineageNode downstream = path.get(i);
            LineageEdge edge = lineage.graph().getEdge(upstream, downstream);
            if (edge == null) {
                throw new IllegalArgumentException("the limiting path of " + violation.name() + " has no edge from "
                        + upstream.name() + " to " + downstream.name());
            }
            graph.add(NodeFacts.edge(edge, lineage.facts(edge), GraphAssembly.marks(Mark.LIMITING)));
        }
        return graph.build("Tier path of " + violation.name() + ": promises " + tierText(violation.declaredTier())
                + ", capped at Tier " + violation.cappedAt(), LineageIds.id(path.get(0)));
    }

    /** The path's nodes, from the violating node upstream to the capping one. */
    static List<LineageNode> nodes(TierViolation violation) {
        List<LineageNode> nodes = new ArrayList<>();
        boolean product = violation.kind().equals(ProductNode.KIND);
        for (String name : violation.path()) {
            nodes.add(product ? new ProductNode(name) : new ServiceNode(name));
            product = !product;
        }
        return nodes;
    }

    /**
     * One sentence on why the node cannot keep its promise, e.g. {@code analytics.kpi.dashboard promises Tier 1, but
     * it depends on analytics.sales.daily (through User:kpi-svc), which guarantees only Tier 3: it can honestly
     * promise Tier 3 at best.}
     */
    public static String explanation(TierViolation violation) {
        List<String> path = violation.path();
        String capping = path.get(path.size() - 1);
        List<String> between = path.subList(1, Math.max(1, path.size() - 1));
        String through = between.isEmpty() ? "" : " (through " + String.join(", ", between) + ")";
        String promise = violation.declaredTier() == null ? "declares no tier" : "promises "
                + tierText(violation.declaredTier());
        return violation.name() + " " + promise + ", but it depends on " + capping + through
                + ", which guarantees only Tier " + violation.cappedAt() + ": it can honestly promise Tier "
                + violation.cappedAt() + " at best.";
    }

    private static String tierText(Integer tier) {
        return tier == null ? "no tier" : "Tier " + tier;
    }
}
