package dev.meshlens.engine.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaTierTest {

    @Test
    void ofGivesOneSharedInstancePerTier() {
        assertThat(SlaTier.of(2)).isSameAs(SlaTier.of(2));
        assertThat(SlaTier.of(2).level()).isEqualTo(2);
    }

    @Test
    void strongerTiersSortFirst() {
        assertThat(SlaTier.of(1)).isLessThan(SlaTier.of(4));
    }

    @Test
    void ofNullableKeepsAnUndeclaredTierUndeclared() {
        assertThat(SlaTier.ofNullable(null)).isNull();
        assertThat(SlaTier.ofNullable(3)).isSameAs(SlaTier.of(3));
    }

    @Test
    void ofRejectsALevelOutsideOneToFour() {
        assertThatThrownBy(() -> SlaTier.of(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside 1 to 4");
    }

    @Test
    void parseStillReadsTheUsualSpellings() {
        assertThat(SlaTier.parse("Tier 2")).isEqualTo(2);
        assertThat(SlaTier.parse("T1")).isEqualTo(1);
        assertThat(SlaTier.parse(" ")).isNull();
    }
}
