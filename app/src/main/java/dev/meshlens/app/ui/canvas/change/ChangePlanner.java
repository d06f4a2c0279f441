package dev.meshlens.app.ui.canvas.change;

import dev.meshlens.app.ui.canvas.CanvasGraph;
import dev.meshlens.app.ui.canvas.CanvasNode;
import dev.meshlens.app.ui.canvas.Detail;
import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.modes.GraphAssembly;
import dev.meshlens.app.ui.canvas.modes.LineageIds;
import dev.meshlens.app.ui.canvas.modes.NodeFacts;
import dev.meshlens.engine.change.AffectedNode;
import dev.meshlens.engine.change.BreakingChangeImpact;
import dev.meshlens.engine.change.ChangeImpact;
import dev.meshlens.engine.change.ProposedSchema;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.LineageTraversal;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.TraversedEdge;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.schema.CompatibilityMode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the engine's {@link BreakingChangeImpact} (what {@code meshlens change} runs) on a proposal for the focus
 * product and draws its answer: when the proposal is incompatible, exactly the engine's downstream nodes (the
 * direct consumers and everything derived from the product) are marked BREAKS, with the edges between them; when it
 * cannot be judged they are marked IMPACTED (reached, but not known to break); when it is compatible nothing
 * breaks and they are dimmed. Upstream context from the neighbourhood is dimmed. Pure and thread-safe.
 */
public final class ChangePlanner {

    /**
     * Judges {@code proposed} for the product {@code topic}.
     *
     * @param lineage       the lineage graph built from {@code state}
     * @param mode          the compatibility mode, or null for the subject's own level
     * @param neighbourhood what the canvas drew before, for upstream context; null for none
     * @throws InputException           naming the proposal's file and line when it does not parse
     * @throws IllegalArgumentException when {@code topic} is not a product of the graph
     */
    public ChangePlan plan(CatalogState state, LineageGraph lineage, String topic, ProposedSchema proposed,
                           CompatibilityMode mode, CanvasGraph neighbourhood) {
        Objects.requireNonNull(proposed, "proposed");
        ProductNode root = lineage.product(topic).orElseThrow(() ->
                new IllegalArgumentException("'" + topic + "' is not a product of this snapshot"));
        ChangeImpact impact = new BreakingChangeImpact(state, lineage).assess(topic, proposed, mode);
        Mark reached = switch (impact.verdict()) {
            case INCOMPATIBLE -> Mark.BREAKS;
            case NOT_JUDGED -> Mark.IMPACTED;
            case COMPATIBLE, NOTHING_REGISTERED -> Mark.DIMMED;
        };
        NodeFacts facts = new NodeFacts(state);
        GraphAssembly graph = new GraphAssembly();
        String focusId = LineageIds.id(root);
        graph.add(facts.node(root, 0, GraphAssembly.marks(Mark.FOCUS), List.of(
                new Detail("Subject", impact.subject()),
                new Detail("Verdict", impact.compatibility().summary()))));
        Map<String, AffectedNode> affected = new HashMap<>();
        for (AffectedNode a : impact.downstream()) {
            affected.put(LineageIds.id(a.kind(), a.name()), a);
        }
        for (AffectedNode a : impact.downstream()) {
            LineageNode node = LineageIds.require(lineage, LineageIds.id(a.kind(), a.name()));
            graph.add(facts.node(node, a.depth(), GraphAssembly.marks(reached), List.of(
                    new Detail("Depth from " + topic, Integer.toString(a.depth())),
                    new Detail("Under the proposal", reached == Mark.BREAKS ? "breaks"
                            : reached == Mark.IMPACTED ? "reached; the change cannot be judged" : "keeps working"))));
        }
        for (TraversedEdge t : new LineageTraversal(lineage).downstream(root).edges()) {
            graph.add(NodeFacts.edge(t.edge(), t.facts(), GraphAssembly.marks(reached)));
        }
        graph.addContext(neighbourhood, (CanvasNode n) -> n.layer() < 0);
        String title = "Schema change to " + topic + " · " + proposed.source() + " · "
                + impact.compatibility().summary();
        return new ChangePlan(proposed.source(), impact, graph.build(title, focusId), impact.notifications());
    }
}
