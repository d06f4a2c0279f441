package dev.meshlens.app.ui.canvas.diff;

import dev.meshlens.app.ui.canvas.CanvasEdge;
import dev.meshlens.app.ui.canvas.CanvasGraph;
import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.modes.DemoCatalogs;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.engine.diff.SnapshotDiff;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiffBuilderTest {
    private static DiffAnalysis diff;
    private static CanvasGraph graph;

    @BeforeAll
    static void diffTheDemosTwoDays() {
        LoadedCatalog day1 = DemoCatalogs.previous();
        LoadedCatalog day2 = DemoCatalogs.current();
        diff = new DiffBuilder().build(new SnapshotDiff(day1.state(), day1.lineage(), day2.state(), day2.lineage()),
                day1.lineage(), day2.lineage(), "product:sales.orders.enriched");
        graph = diff.graph();
    }

    private static CanvasEdge edge(String from, String to) {
        return graph.edges().stream().filter(e -> e.from().equals(from) && e.to().equals(to)).findFirst()
                .orElseThrow();
    }

    @Test
    void theRevokedGrantIsARemovedEdge() {
        assertThat(edge("product:customer.consents", "service:User:campaign-svc").marks())
                .containsExactly(Mark.REMOVED);
    }

    @Test
    void theNewGrantsAreAddedEdges() {
        assertThat(edge("product:sales.orders.enriched", "service:User:data-science").marks())
                .containsExactly(Mark.ADDED);
        assertThat(edge("service:User:payment-svc", "product:payments.chargebacks").marks())
                .containsExactly(Mark.ADDED);
    }

    @Test
    void theStoppedFraudScoringIsAChangedEdgeSayingSo() {
        CanvasEdge fraud = edge("product:payments.authorizations", "service:User:fraud-svc");

        assertThat(fraud.marks()).containsExactly(Mark.CHANGED);
        assertThat(fraud.details()).anySatisfy(d -> assertThat(d.value()).isEqualTo("state up-to-date → stopped"));
    }

    @Test
    void theDowngradedRecommendationsAreAChangedNode() {
        assertThat(graph.node("product:marketing.recommendations").orElseThrow().marks())
                .containsExactly(Mark.CHANGED);
        assertThat(diff.rows()).contains(new DiffRow("changed", "tier", "product marketing.recommendations",
                "tier 2 → 3"));
    }

    @Test
    void unchangedEndsOfChangedEdgesAreDimmedContext() {
        assertThat(graph.node("product:customer.consents").orElseThrow().marks()).containsExactly(Mark.DIMMED);
    }

    @Test
    void theFocusIsMarkedWhenItIsPartOfTheChanges() {
        assertThat(graph.focus()).isEqualTo("product:sales.orders.enriched");
        assertThat(graph.node("product:sales.orders.enriched").orElseThrow().marks()).contains(Mark.FOCUS);
    }

    @Test
    void changesWithoutANodeAreStillListed() {
        assertThat(diff.rows()).anySatisfy(r -> {
            assertThat(r.section()).isEqualTo("acl");
            assertThat(r.change()).isEqualTo("removed");
            assertThat(r.subject()).contains("User:campaign-svc").contains("customer.consents");
        });
    }

    @Test
    void dataFlowsLeftToRightAlongEveryUncutEdge() {
        assertThat(graph.node("service:User:payment-svc").orElseThrow().layer())
                .isLessThan(graph.node("product:payments.chargebacks").orElseThrow().layer());
    }
}
