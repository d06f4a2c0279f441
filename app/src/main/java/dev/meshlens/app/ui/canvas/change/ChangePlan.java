package dev.meshlens.app.ui.canvas.change;

import dev.meshlens.app.ui.canvas.CanvasGraph;
import dev.meshlens.engine.change.ChangeImpact;
import dev.meshlens.engine.change.Notification;

import java.util.List;
import java.util.Objects;

/**
 * What the breaking-change planner shows for one proposal.
 *
 * @param file   the proposal's file name
 * @param impact the engine's answer (verdict, problems, direct consumers, downstream)
 * @param graph  the canvas graph: the focus, what would break marked BREAKS, the rest dimmed
 * @param rows   the people to notify: one row per owner and affected node ({@link ChangeImpact#notifications()})
 */
public record ChangePlan(String file, ChangeImpact impact, CanvasGraph graph, List<Notification> rows) {

    /** @throws NullPointerException when a component is null */
    public ChangePlan {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(graph, "graph");
        rows = List.copyOf(rows);
    }

    /** Whether the proposal breaks something: the engine judged it incompatible. */
    public boolean breaking() {
        return impact.verdict() == ChangeImpact.Verdict.INCOMPATIBLE;
    }

    /** One line for the verdict: {@code Breaking}, {@code Compatible}, {@code Cannot judge}, ... */
    public String verdictText() {
        return switch (impact.verdict()) {
            case INCOMPATIBLE -> "Breaking: " + impact.compatibility().problems().size()
                    + (impact.compatibility().problems().size() == 1 ? " problem" : " problems");
            case COMPATIBLE -> "Compatible";
            case NOT_JUDGED -> "Cannot judge: nobody can promise this change is safe";
            case NOTHING_REGISTERED -> "Nothing registered: any schema is compatible with nothing";
        };
    }
}
