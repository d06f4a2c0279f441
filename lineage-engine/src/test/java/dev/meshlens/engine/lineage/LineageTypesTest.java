package dev.meshlens.engine.lineage;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineageTypesTest {

    @Test
    void consumerStateLabelsAreTheDocumentedStrings() {
        assertThat(Arrays.stream(ConsumerState.values()).map(ConsumerState::label)).containsExactly("up-to-date",
                "lagging", "replaying", "stopped", "never-consumed", "unauthorized");
    }

    @Test
    void consumerStateParsesItsLabel() {
        assertThat(ConsumerState.fromLabel("never-consumed")).isEqualTo(ConsumerState.NEVER_CONSUMED);
    }

    @Test
    void unknownConsumerStateLabelIsRejectedNamingTheChoices() {
        assertThatThrownBy(() -> ConsumerState.fromLabel("sleeping")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("up-to-date");
    }

    @Test
    void writeEdgeMustGoFromServiceToProduct() {
        assertThatThrownBy(() -> new LineageEdge(new ProductNode("t"), new ServiceNode("User:s"), EdgeKind.WRITE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readEdgeMayEndAtAGroup() {
        LineageEdge edge = new LineageEdge(new ProductNode("t"), new GroupNode("g"), EdgeKind.READ);

        assertThat(edge.to().kind()).isEqualTo("group");
    }

    @Test
    void nodesNameTheirKind() {
        assertThat(new ProductNode("t").kind()).isEqualTo("product");
        assertThat(new ServiceNode("User:s").kind()).isEqualTo("service");
        assertThat(new GroupNode("g").name()).isEqualTo("g");
    }

    @Test
    void negativeLagThresholdIsRejected() {
        assertThatThrownBy(() -> new LineageOptions(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
