package dev.meshlens.app.ui.canvas.trace;

import dev.meshlens.app.ui.canvas.CanvasEdge;
import dev.meshlens.app.ui.canvas.CanvasGraph;
import dev.meshlens.app.ui.canvas.EdgeStyle;
import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.NodeKind;
import dev.meshlens.app.ui.canvas.modes.DemoCatalogs;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.engine.trace.RecordLineage;
import dev.meshlens.engine.trace.RecordTrace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TraceGraphBuilderTest {
    private static final String ENRICHED = "sales.orders.enriched-0@0";
    private static RecordTrace trace;
    private static CanvasGraph chain;

    @BeforeAll
    static void traceTheDemoJoin() {
        LoadedCatalog demo = DemoCatalogs.current();
        trace = RecordLineage.of(demo.state(), demo.lineage()).trace(ENRICHED);
        chain = new TraceGraphBuilder(ZoneOffset.UTC).build(trace);
    }

    @Test
    void everyRecordOfTheTraceIsARecordNodeAtItsSignedDepth() {
        assertThat(chain.nodes()).filteredOn(n -> n.kind() == NodeKind.RECORD)
                .hasSize(1 + trace.ancestors().size() + trace.descendants().size());
        assertThat(chain.node("record:" + ENRICHED).orElseThrow().layer()).isZero();
        assertThat(chain.node("record:sales.orders.validated-0@0").orElseThrow().layer()).isEqualTo(-1);
        assertThat(chain.node("record:sales.orders.placed-1@0").orElseThrow().layer()).isEqualTo(-2);
        assertThat(chain.node("record:analytics.kpi.dashboard-0@0").orElseThrow().layer()).isEqualTo(2);
    }

    @Test
    void aRecordIsLabelledWithItsServiceAndTimeFirst() {
        // the demo's hops are dated when it is loaded: the time comes from the trace, its place from the label
        String time = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC)
                .format(trace.hop().at());
        assertThat(chain.node("record:" + ENRICHED).orElseThrow().label())
                .isEqualTo("order-enricher · " + time + " · " + ENRICHED);
    }

    @Test
    void parentsLinkToChildrenWithDerivedEdgesOnlyWithinTheTrace() {
        assertThat(chain.edges()).filteredOn(e -> e.style() == EdgeStyle.DERIVED).extracting(CanvasEdge::id)
                .contains("record:sales.orders.placed-1@0->record:sales.orders.validated-0@0",
                        "record:customer.profiles-0@0->record:" + ENRICHED,
                        "record:" + ENRICHED + "->record:analytics.sales.daily-0@0")
                .noneMatch(id -> id.startsWith("record:sales.orders.enriched-0@1"));
    }

    @Test
    void theJoinIsMarkedAsAGap() {
        assertThat(chain.node("record:" + ENRICHED).orElseThrow().marks()).containsExactlyInAnyOrder(Mark.FOCUS,
                Mark.GAP);
        assertThat(chain.node("record:" + ENRICHED).orElseThrow().details())
                .anySatisfy(d -> assertThat(d.label()).isEqualTo("Gap (join)"));
    }

    @Test
    void aSilentConsumerIsAGapServiceRightOfItsRecord() {
        var bi = chain.node("service:User:bi-tool").orElseThrow();

        assertThat(bi.marks()).containsExactly(Mark.GAP);
        assertThat(chain.edges()).filteredOn(e -> e.to().equals(bi.id()))
                .isNotEmpty().allSatisfy(e -> {
                    assertThat(e.style()).isEqualTo(EdgeStyle.GAP);
                    assertThat(e.marks()).containsExactly(Mark.GAP);
                    assertThat(chain.node(e.from()).orElseThrow().layer()).isLessThan(bi.layer());
                });
    }

    @Test
    void aRecordWithoutAHeaderIsAGapNodeSaidSo() {
        RecordTrace orphan = new RecordLineage(List.of(new RecordHop("b-0@1", "svc",
                Instant.parse("2024-01-01T00:00:00Z"), List.of("a-0@7")))).trace("b-0@1");

        CanvasGraph graph = new TraceGraphBuilder(ZoneOffset.UTC).build(orphan);

        assertThat(graph.node("record:a-0@7").orElseThrow().marks()).containsExactly(Mark.GAP);
        assertThat(graph.node("record:a-0@7").orElseThrow().label()).isEqualTo("no lineage header · a-0@7");
        assertThat(graph.node("record:a-0@7").orElseThrow().layer()).isEqualTo(-1);
    }
}
