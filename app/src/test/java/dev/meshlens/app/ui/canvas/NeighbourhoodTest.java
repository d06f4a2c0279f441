package dev.meshlens.app.ui.canvas;

import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.LineageTraversal;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;
import dev.meshlens.engine.model.SlaTier;
import dev.meshlens.engine.model.SourceKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NeighbourhoodTest {
    private static final String PLACED = "product:sales.orders.placed";
    private static final String CAPTURES = "product:payments.captures";

    private static Neighbourhood demo() {
        LoadedCatalog demo = CanvasMeshes.demo();
        return new Neighbourhood(demo.lineage(), demo.state());
    }

    private static Set<String> engineReach(String topic, int up, int down) {
        LoadedCatalog demo = CanvasMeshes.demo();
        LineageTraversal traversal = new LineageTraversal(demo.lineage());
        ProductNode root = new ProductNode(topic);
        Set<LineageNode> reached = new HashSet<>(traversal.downstream(root, down).nodeSet());
        reached.addAll(traversal.upstream(root, up).nodeSet());
        return reached.stream().map(CanvasIds::of).collect(Collectors.toSet());
    }

    private static Set<String> ids(CanvasGraph graph) {
        return graph.nodes().stream().map(CanvasNode::id).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void nodesAreWhatTheEngineReachesWithinTheDepths(int depth) {
        CanvasGraph graph = demo().build(NeighbourhoodRequest.of(CAPTURES).withDepths(depth, depth));

        assertThat(ids(graph)).isEqualTo(engineReach("payments.captures", depth, depth));
    }

    @Test
    void unlimitedDepthsReachWhatTheEngineReachesWithoutLimit() {
        CanvasGraph graph = demo().build(NeighbourhoodRequest.of(CAPTURES)
                .withDepths(LineageTraversal.UNLIMITED, LineageTraversal.UNLIMITED));

        assertThat(ids(graph)).isEqualTo(engineReach("payments.captures", LineageTraversal.UNLIMITED,
                LineageTraversal.UNLIMITED)).hasSizeGreaterThan(30);
    }

    @Test
    void upstreamAndDownstreamDepthsAreIndependent() {
        CanvasGraph graph = demo().build(NeighbourhoodRequest.of(CAPTURES).withDepths(1, 4));

        assertThat(ids(graph)).isEqualTo(engineReach("payments.captures", 1, 4));
        assertThat(graph.nodes()).extracting(CanvasNode::layer).allMatch(l -> l >= -1 && l <= 4);
    }

    @Test
    void layersAreSignedDepthsWithTheFocusAtZero() {
        CanvasGraph graph = demo().build(NeighbourhoodRequest.of(PLACED));

        assertThat(graph.node("service:User:checkout-svc").orElseThrow().layer()).isEqualTo(-1);
        assertThat(graph.node(PLACED).orElseThrow().layer()).isZero();
        assertThat(graph.node("service:User:order-validator").orElseThrow().layer()).isEqualTo(1);
        assertThat(graph.node("product:sales.orders.validated").orElseThrow().layer()).isEqualTo(2);
    }

    @Test
    void theFocusCarriesTheFocusMark() {
        CanvasGraph graph = demo().build(NeighbourhoodRequest.of(PLACED));

        assertThat(graph.focus()).isEqualTo(PLACED);
        assertThat(graph.marked(Mark.FOCUS)).containsExactly(PLACED);
    }

    @Test
    void productsAreLabelledByCatalogNameAndColouredByTier() {
        CanvasNode placed = demo().build(NeighbourhoodRequest.of(PLACED)).node(PLACED).orElseThrow();

        assertThat(placed.kind()).isEqualTo(NodeKind.PRODUCT);
        assertThat(placed.label()).isEqualTo("Orders placed");
        assertThat(placed.tier()).isEqualTo(SlaTier.of(1));
        assertThat(placed.domain()).isEqualTo("sales");
        assertThat(placed.details()).contains(new Detail("Topic", "sales.orders.placed"));
    }

    @Test
    void aTopicWithoutCatalogEntryIsLabelledByItsTopic() {
        CanvasNode copy = demo().build(NeighbourhoodRequest.of(PLACED)).node("product:tmp.debug.orders-copy")
                .orElseThrow();

        assertThat(copy.label()).isEqualTo("tmp.debug.orders-copy");
        assertThat(copy.tier()).isNull();
    }

    @Test
    void servicesTakeTheirTierFromTheServiceSheet() {
        CanvasNode validator = demo().build(NeighbourhoodRequest.of(PLACED)).node("service:User:order-validator")
                .orElseThrow();

        assertThat(validator.kind()).isEqualTo(NodeKind.SERVICE);
        assertThat(validator.label()).isEqualTo("Order validator");
        assertThat(validator.tier()).isEqualTo(SlaTier.of(1));
    }

    @Test
    void readEdgesAreStyledByConsumerStateAndCarryLag() {
        CanvasGraph graph = demo().build(NeighbourhoodRequest.of(PLACED));

        CanvasEdge alice = edge(graph, PLACED, "service:User:dev-alice");
        assertThat(alice.style()).isEqualTo(EdgeStyle.UNAUTHORIZED);
        assertThat(alice.lag()).isEqualTo(170L);
        assertThat(edge(graph, "service:User:checkout-svc", PLACED).style()).isEqualTo(EdgeStyle.WRITE);
        assertThat(edge(graph, PLACED, "service:User:order-validator").style()).isEqualTo(EdgeStyle.UP_TO_DATE);
    }

    @Test
    void aNodeReachedBothWaysKeepsTheNearerSide() {
        // a -> svc1 -> b -> svc2 -> c -> svc3 -> a: from a, svc3 is 1 upstream and 5 downstream
        LoadedCatalog ring = CanvasMeshes.loaded("ring", new MeshContent(EnumSet.of(SourceKind.ACLS),
                List.of(acl("a", "User:svc1", AclOperation.READ), acl("b", "User:svc1", AclOperation.WRITE),
                        acl("b", "User:svc2", AclOperation.READ), acl("c", "User:svc2", AclOperation.WRITE),
                        acl("c", "User:svc3", AclOperation.READ), acl("a", "User:svc3", AclOperation.WRITE)),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
        Neighbourhood neighbourhood = new Neighbourhood(ring.lineage(), ring.state());

        CanvasGraph graph = neighbourhood.build(NeighbourhoodRequest.of("product:a")
                .withDepths(LineageTraversal.UNLIMITED, LineageTraversal.UNLIMITED));

        assertThat(graph.node("service:User:svc3").orElseThrow().layer()).isEqualTo(-1);
        assertThat(graph.node("service:User:svc1").orElseThrow().layer()).isEqualTo(1);
        assertThat(graph.nodes()).hasSize(6);
    }

    @Test
    void aThousandConsumersAreClusteredByDomain() {
        LoadedCatalog fan = CanvasMeshes.fanOut(1000);

        CanvasGraph graph = new Neighbourhood(fan.lineage(), fan.state())
                .build(NeighbourhoodRequest.of(CanvasIds.product(CanvasMeshes.HUB)));

        List<CanvasNode> consumers = graph.nodes().stream().filter(n -> n.layer() == 1).toList();
        assertThat(consumers).hasSize(7).allMatch(n -> n.kind() == NodeKind.CLUSTER);
        assertThat(consumers).extracting(CanvasNode::domain)
                .containsExactlyInAnyOrderElementsOf(CanvasMeshes.FAN_OUT_DOMAINS);
        assertThat(consumers).extracting(CanvasNode::label).contains("sales · 143 consumers");
        assertThat(graph.nodes()).hasSizeLessThan(20);
    }

    @Test
    void whatHangsOffAClusterIsClusteredInTurn() {
        LoadedCatalog fan = CanvasMeshes.fanOut(1000);

        CanvasGraph graph = new Neighbourhood(fan.lineage(), fan.state())
                .build(NeighbourhoodRequest.of(CanvasIds.product(CanvasMeshes.HUB)));

        List<CanvasNode> products = graph.nodes().stream().filter(n -> n.layer() == 2).toList();
        assertThat(products).hasSize(7).allMatch(n -> n.kind() == NodeKind.CLUSTER);
        assertThat(graph.edges()).hasSize(1 + 7 + 7);
    }

    @Test
    void aFanOutOfManyDomainsShowsTheBiggestTwelveAndPoolsTheRestAsOther() {
        List<String> domains = java.util.stream.IntStream.range(0, 30).mapToObj(i -> String.format("d%02d", i))
                .toList();
        LoadedCatalog fan = CanvasMeshes.fanOut(400, domains);

        CanvasGraph graph = new Neighbourhood(fan.lineage(), fan.state())
                .build(NeighbourhoodRequest.of(CanvasIds.product(CanvasMeshes.HUB)).withDepths(1, 1));

        List<CanvasNode> consumers = graph.nodes().stream().filter(n -> n.layer() == 1).toList();
        assertThat(consumers).hasSize(12).allMatch(n -> n.kind() == NodeKind.CLUSTER);
        // 400 over 30 domains: d00..d09 have 14 each, the rest 13; the 11 biggest kept (d00..d10), 19 pooled
        assertThat(consumers).extracting(CanvasNode::label).contains("d00 · 14 consumers", "d10 · 13 consumers", "other · 247 consumers");
    }

    @Test
    void groupingByStateMakesOneClusterPerLinkState() {
        LoadedCatalog fan = CanvasMeshes.fanOut(100);

        CanvasGraph graph = new Neighbourhood(fan.lineage(), fan.state())
                .build(NeighbourhoodRequest.of(CanvasIds.product(CanvasMeshes.HUB)).withGroupBy(GroupBy.STATE));

        List<CanvasNode> consumers = graph.nodes().stream().filter(n -> n.layer() == 1).toList();
        assertThat(consumers).extracting(CanvasNode::label).containsExactly("never-consumed · 100 consumers");
    }

    @Test
    void expandingABigClusterShowsAlphabeticalSubClusters() {
        LoadedCatalog fan = CanvasMeshes.fanOut(1000);
        Neighbourhood neighbourhood = new Neighbourhood(fan.lineage(), fan.state());
        NeighbourhoodRequest request = NeighbourhoodRequest.of(CanvasIds.product(CanvasMeshes.HUB)).withDepths(2, 1);
        String sales = clusterLabelled(neighbourhood.build(request), "sales · 143 consumers");

        CanvasGraph expanded = neighbourhood.build(request.expanding(sales));

        List<CanvasNode> chunks = expanded.nodes().stream().filter(n -> n.id().startsWith(sales + "#")).toList();
        assertThat(chunks).hasSize(4);
        assertThat(chunks.get(0).label()).startsWith("sales · User:c0000 … ").endsWith(" · 40 consumers");
    }

    @Test
    void expandingASmallEnoughClusterShowsItsMembers() {
        LoadedCatalog fan = CanvasMeshes.fanOut(1000);
        Neighbourhood neighbourhood = new Neighbourhood(fan.lineage(), fan.state());
        NeighbourhoodRequest request = NeighbourhoodRequest.of(CanvasIds.product(CanvasMeshes.HUB)).withDepths(2, 1);
        String sales = clusterLabelled(neighbourhood.build(request), "sales · 143 consumers");
        String firstChunk = sales + "#1";

        CanvasGraph expanded = neighbourhood.build(request.expanding(sales).expanding(firstChunk));

        assertThat(expanded.node("service:User:c0000")).isPresent();
        assertThat(expanded.nodes().stream().filter(n -> n.kind() == NodeKind.SERVICE && n.layer() == 1))
                .hasSize(40);
    }

    @Test
    void aFocusOutsideTheLineageIsRejected() {
        assertThatThrownBy(() -> demo().build(NeighbourhoodRequest.of("product:no.such.topic")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no.such.topic");
    }

    @Test
    void resolveAcceptsProductNamesTopicsAndPrincipals() {
        Neighbourhood neighbourhood = demo();

        assertThat(neighbourhood.resolve("Orders placed")).contains(PLACED);
        assertThat(neighbourhood.resolve("sales.orders.placed")).contains(PLACED);
        assertThat(neighbourhood.resolve("User:order-validator")).contains("service:User:order-validator");
        assertThat(neighbourhood.resolve("Order validator")).contains("service:User:order-validator");
        assertThat(neighbourhood.resolve("nothing like it")).isEmpty();
    }

    private static String clusterLabelled(CanvasGraph graph, String label) {
        return graph.nodes().stream().filter(n -> n.label().equals(label)).findFirst().orElseThrow().id();
    }

    private static CanvasEdge edge(CanvasGraph graph, String from, String to) {
        return graph.edges().stream().filter(e -> e.from().equals(from) && e.to().equals(to)).findFirst()
                .orElseThrow(() -> new AssertionError("no edge " + from + " -> " + to));
    }

    private static AclBinding acl(String topic, String principal, AclOperation operation) {
        return new AclBinding(ResourceType.TOPIC, PatternType.LITERAL, topic, principal, "*", operation,
                AclPermission.ALLOW);
    }
}
