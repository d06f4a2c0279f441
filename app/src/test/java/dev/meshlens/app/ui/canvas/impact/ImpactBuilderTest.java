package dev.meshlens.app.ui.canvas.impact;

import dev.meshlens.app.ui.canvas.CanvasGraph;
import dev.meshlens.app.ui.canvas.CanvasNode;
import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.modes.DemoCatalogs;
import dev.meshlens.app.ui.canvas.modes.LineageIds;
import dev.meshlens.app.ui.canvas.modes.RecordingCanvasHost;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.engine.lineage.LineageTraversal;
import dev.meshlens.engine.lineage.ProductNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImpactBuilderTest {
    private static final String ORDERS = "product:sales.orders.placed";
    private static LoadedCatalog demo;
    private static ImpactAnalysis impact;

    @BeforeAll
    static void analyseTheDemo() {
        demo = DemoCatalogs.current();
        CanvasGraph neighbourhood = new RecordingCanvasHost(demo, ORDERS).neighbourhood();
        impact = new ImpactBuilder().build(demo.state(), demo.lineage(), ORDERS, neighbourhood);
    }

    @Test
    void impactedNodesAreExactlyTheEnginesDownstreamReachWithoutTheFocus() {
        var reach = new LineageTraversal(demo.lineage()).downstream(new ProductNode("sales.orders.placed"));

        assertThat(impact.graph().marked(Mark.IMPACTED)).hasSize(reach.nodes().size() - 1);
        assertThat(impact.graph().marked(Mark.IMPACTED)).containsExactlyInAnyOrderElementsOf(reach.nodes().stream()
                .filter(v -> v.depth() > 0).map(v -> LineageIds.id(v.node())).toList());
    }

    @Test
    void theFocusIsMarkedFocusAtLayerZero() {
        CanvasNode focus = impact.graph().node(ORDERS).orElseThrow();

        assertThat(impact.graph().focus()).isEqualTo(ORDERS);
        assertThat(focus.marks()).containsExactly(Mark.FOCUS);
        assertThat(focus.layer()).isZero();
    }

    @Test
    void eachImpactedNodeSitsInTheLayerOfItsDepth() {
        assertThat(impact.graph().node("service:User:order-validator").orElseThrow().layer()).isEqualTo(1);
        assertThat(impact.graph().node("product:sales.orders.validated").orElseThrow().layer()).isEqualTo(2);
        assertThat(impact.graph().node("product:payments.ledger.entries").orElseThrow().layer()).isEqualTo(6);
    }

    @Test
    void upstreamOfTheFocusStaysAsDimmedContextOnTheLeft() {
        var writers = demo.lineage().producers("sales.orders.placed");
        String writer = "service:" + writers.get(0).principal();

        CanvasNode context = impact.graph().node(writer).orElseThrow();
        assertThat(context.marks()).containsExactly(Mark.DIMMED);
        assertThat(context.layer()).isNegative();
    }

    @Test
    void aRowCarriesTheStateOfTheReadThatReachesIt() {
        ImpactRow alice = impact.rows().stream().filter(r -> r.name().equals("User:dev-alice")).findFirst()
                .orElseThrow();

        assertThat(alice.state()).isEqualTo("unauthorized");
        assertThat(alice.depth()).isEqualTo(1);
        assertThat(alice.via()).isEqualTo("sales.orders.placed");
    }

    @Test
    void aProductIsReachedThroughTheWriteOfItsProducer() {
        ImpactRow validated = impact.rows().stream().filter(r -> r.name().equals("sales.orders.validated"))
                .findFirst().orElseThrow();

        assertThat(validated.state()).isEqualTo("writes");
        assertThat(validated.via()).isEqualTo("User:order-validator");
        assertThat(validated.owner()).isEqualTo("sales-team@shop.example");
        assertThat(validated.tier()).isEqualTo(1);
    }

    @Test
    void countsPerDepthAndPerTierAddUpToTheRows() {
        assertThat(impact.byDepth().stream().mapToInt(DepthCount::count).sum()).isEqualTo(impact.rows().size());
        assertThat(impact.byTier().stream().mapToInt(TierCount::count).sum()).isEqualTo(impact.rows().size());
        assertThat(impact.byDepth().get(0)).isEqualTo(new DepthCount(1, 2));
    }

    @Test
    void nodesWithoutADeclaredTierAreCountedAsUnknownTier() {
        TierCount unknown = impact.byTier().get(impact.byTier().size() - 1);

        assertThat(unknown.tier()).isNull();
        assertThat(unknown.label()).isEqualTo("unknown tier");
        assertThat(unknown.count()).isEqualTo((int) impact.rows().stream().filter(r -> r.tier() == null).count())
                .isPositive();
    }

    @Test
    void theCsvHasAHeaderAndEveryRow() {
        String[] lines = impact.csv().split("\r\n");

        assertThat(lines[0]).isEqualTo("kind,name,owner,tier,state,depth,via");
        assertThat(lines).hasSize(impact.rows().size() + 1);
        assertThat(lines).contains("service,User:dev-alice,,,unauthorized,1,sales.orders.placed");
    }

    @Test
    void aFocusOutsideTheGraphIsRefusedByName() {
        assertThatThrownBy(() -> new ImpactBuilder().build(demo.state(), demo.lineage(), "product:nope", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("product:nope");
    }
}
