package dev.meshlens.app.ui.canvas.modes;

import dev.meshlens.app.ui.canvas.CanvasEdge;
import dev.meshlens.app.ui.canvas.CanvasNode;
import dev.meshlens.app.ui.canvas.EdgeStyle;
import dev.meshlens.app.ui.canvas.NodeKind;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.engine.lineage.LineageEdge;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.ServiceNode;
import dev.meshlens.engine.model.SlaTier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NodeFactsTest {
    private final LoadedCatalog demo = DemoCatalogs.current();
    private final NodeFacts facts = new NodeFacts(demo.state());

    @Test
    void aCatalogProductIsLabelledWithItsNameAndColouredByItsTier() {
        CanvasNode orders = facts.node(new ProductNode("sales.orders.placed"), 0, GraphAssembly.marks(List.of()),
                List.of());

        assertThat(orders.label()).isEqualTo("Orders placed");
        assertThat(orders.kind()).isEqualTo(NodeKind.PRODUCT);
        assertThat(orders.tier()).isEqualTo(SlaTier.of(1));
        assertThat(orders.owner()).isEqualTo("sales-team@shop.example");
        assertThat(orders.domain()).isEqualTo("sales");
    }

    @Test
    void anUnregisteredTopicIsLabelledWithTheTopicAndHasNoTier() {
        CanvasNode copy = facts.node(new ProductNode("tmp.debug.orders-copy"), 2, GraphAssembly.marks(List.of()),
                List.of());

        assertThat(copy.label()).isEqualTo("tmp.debug.orders-copy");
        assertThat(copy.tier()).isNull();
        assertThat(copy.details()).anySatisfy(d -> assertThat(d.value()).contains("unregistered stream"));
    }

    @Test
    void aServiceWithoutAServicesEntryIsLabelledWithItsPrincipal() {
        assertThat(facts.label(new ServiceNode("User:dev-alice"))).isEqualTo("User:dev-alice");
    }

    @Test
    void aReadEdgeIsDrawnInItsConsumerStateWithItsLag() {
        LineageEdge read = demo.lineage().graph().getEdge(new ProductNode("sales.orders.placed"),
                new ServiceNode("User:dev-alice"));

        CanvasEdge edge = NodeFacts.edge(read, demo.lineage().facts(read), GraphAssembly.marks(List.of()));

        assertThat(edge.style()).isEqualTo(EdgeStyle.UNAUTHORIZED);
        assertThat(edge.lag()).isEqualTo(170L);
        assertThat(edge.id()).isEqualTo("product:sales.orders.placed->service:User:dev-alice");
    }
}
