package dev.meshlens.app.ui.canvas.modes;

import dev.meshlens.engine.lineage.GroupNode;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.ServiceNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineageIdsTest {

    @Test
    void aServiceIdKeepsTheColonOfItsPrincipal() {
        assertThat(LineageIds.id(new ServiceNode("User:alice"))).isEqualTo("service:User:alice");
        assertThat(LineageIds.node("service:User:alice")).contains(new ServiceNode("User:alice"));
    }

    @Test
    void productAndGroupIdsRoundTrip() {
        assertThat(LineageIds.node(LineageIds.id(new ProductNode("a.b")))).contains(new ProductNode("a.b"));
        assertThat(LineageIds.node(LineageIds.id(new GroupNode("g-1")))).contains(new GroupNode("g-1"));
    }

    @Test
    void clusterRecordAndMalformedIdsNameNoLineageNode() {
        assertThat(LineageIds.node("cluster:sales")).isEmpty();
        assertThat(LineageIds.node("record:t-0@1")).isEmpty();
        assertThat(LineageIds.node("product:")).isEmpty();
        assertThat(LineageIds.node("nocolon")).isEmpty();
    }
}
