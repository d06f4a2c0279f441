package dev.meshlens.synthetic;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeshSpecTest {

    @Test
    void namedSizesHaveTheirTargets() {
        assertThat(MeshSize.S.spec()).isEqualTo(new MeshSpec(1_000, 20, 10_000));
        assertThat(MeshSize.M.spec()).isEqualTo(new MeshSpec(10_000, 60, 100_000));
        assertThat(MeshSize.L.spec()).isEqualTo(new MeshSpec(100_000, 200, 1_000_000));
    }

    @Test
    void customSizeGetsTenEdgesPerProductAndDomainsBetweenThreeAndTwoHundred() {
        assertThat(MeshSpec.ofProducts(1_000)).isEqualTo(MeshSize.S.spec());
        assertThat(MeshSpec.ofProducts(100)).isEqualTo(new MeshSpec(100, 6, 1_000));
        assertThat(MeshSpec.ofProducts(1_000_000).domains()).isEqualTo(200);
    }

    @Test
    void fewerThanAHundredProductsIsRejected() {
        assertThatThrownBy(() -> MeshSpec.ofProducts(99)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 100 products");
    }

    @Test
    void tooManyDomainsForTheProductsIsRejected() {
        assertThatThrownBy(() -> new MeshSpec(100, 21, 1_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 3 and products / 5");
    }

    @Test
    void sizeNamesParseInAnyCase() {
        assertThat(MeshSize.parse(" m ")).isEqualTo(MeshSize.M);
        assertThatThrownBy(() -> MeshSize.parse("XL")).hasMessageContaining("expected S, M or L");
    }
}
