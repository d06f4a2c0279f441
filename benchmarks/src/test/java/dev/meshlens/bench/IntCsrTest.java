package dev.meshlens.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntCsrTest {

    /** 0 -> 1 -> 2 -> 0 (a cycle), 2 -> 3, 4 alone. */
    private static IntCsr graph() {
        return new IntCsr(5, new int[] {0, 1, 2, 2}, new int[] {1, 2, 0, 3});
    }

    @Test
    void downstreamCountsEveryNodeReachedOnceThroughACycle() {
        assertThat(graph().downstream(0)).isEqualTo(4);
        assertThat(graph().downstream(3)).isEqualTo(1);
    }

    @Test
    void upstreamFollowsEdgesBackwards() {
        assertThat(graph().upstream(3)).isEqualTo(4);
        assertThat(graph().upstream(4)).isEqualTo(1);
    }

    @Test
    void repeatedQueriesDoNotSeeEachOthersVisits() {
        IntCsr csr = graph();
        for (int i = 0; i < 5; i++) {
            assertThat(csr.downstream(1)).isEqualTo(4);
            assertThat(csr.upstream(1)).isEqualTo(3);
        }
    }

    @Test
    void edgeOutsideTheNodeRangeIsRejected() {
        assertThatThrownBy(() -> new IntCsr(2, new int[] {0}, new int[] {2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 -> 2");
    }
}
