package dev.meshlens.app.ui.canvas.tiers;

import dev.meshlens.app.ui.canvas.CanvasGraph;
import dev.meshlens.app.ui.canvas.CanvasNode;
import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.modes.DemoCatalogs;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.engine.tiers.TierChains;
import dev.meshlens.engine.tiers.TierViolation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TierPathBuilderTest {
    private static LoadedCatalog demo;
    private static List<TierViolation> violations;

    @BeforeAll
    static void findTheDemoViolations() {
        demo = DemoCatalogs.current();
        violations = new TierChains(demo.lineage(), demo.state()).violations();
    }

    private static TierViolation violationOf(String name) {
        return violations.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theKpiFeedsPathRunsFromItLeftwardsToDailySales() {
        CanvasGraph path = new TierPathBuilder().build(violationOf("analytics.kpi.dashboard"), demo.state(),
                demo.lineage());

        assertThat(path.nodes()).extracting(CanvasNode::id).containsExactly("product:analytics.kpi.dashboard",
                "service:User:kpi-svc", "product:analytics.sales.daily");
        assertThat(path.nodes()).extracting(CanvasNode::layer).containsExactly(0, -1, -2);
        assertThat(path.focus()).isEqualTo("product:analytics.kpi.dashboard");
    }

    @Test
    void everyNodeAndEdgeOfThePathIsLimiting() {
        CanvasGraph path = new TierPathBuilder().build(violationOf("payments.ledger.entries"), demo.state(),
                demo.lineage());

        assertThat(path.marked(Mark.LIMITING)).hasSize(violationOf("payments.ledger.entries").path().size());
        assertThat(path.edges()).hasSize(path.nodes().size() - 1)
                .allSatisfy(e -> assertThat(e.marks()).containsExactly(Mark.LIMITING));
        assertThat(path.edges().get(0).from()).isEqualTo("service:User:ledger-svc");
        assertThat(path.edges().get(0).to()).isEqualTo("product:payments.ledger.entries");
    }

    @Test
    void everyViolationOfTheDemoDrawsAlongRealEdges() {
        for (TierViolation v : violations) {
            CanvasGraph path = new TierPathBuilder().build(v, demo.state(), demo.lineage());
            assertThat(path.nodes()).hasSize(v.path().size());
        }
    }

    @Test
    void theExplanationNamesThePromiseTheCapAndTheWayThrough() {
        assertThat(TierPathBuilder.explanation(violationOf("analytics.kpi.dashboard"))).isEqualTo(
                "analytics.kpi.dashboard promises Tier 1, but it depends on analytics.sales.daily (through "
                        + "User:kpi-svc), which guarantees only Tier 3: it can honestly promise Tier 3 at best.");
    }

    @Test
    void aDirectDependencyNeedsNoThrough() {
        assertThat(TierPathBuilder.explanation(violationOf("User:kpi-svc"))).isEqualTo("User:kpi-svc promises "
                + "Tier 1, but it depends on analytics.sales.daily, which guarantees only Tier 3: it can honestly "
                + "promise Tier 3 at best.");
    }
}
