package dev.meshlens.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentIndexTest {

    @Test
    void newContentIsReportedOnceAndThenRecognised() {
        ContentIndex index = new ContentIndex();

        assertThat(index.see(1, 2, 10)).isTrue();
        assertThat(index.see(1, 2, 11)).isFalse();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void currentContentSeenAgainIsNotNew() {
        ContentIndex index = new ContentIndex();
        index.addCurrent(5, 6, 1);

        assertThat(index.see(5, 6, 2)).isFalse();
        assertThat(index.unseenCurrentIds()).isEmpty();
    }

    @Test
    void unseenCurrentFactsAreListedInIdOrderWithoutTheAddedOnes() {
        ContentIndex index = new ContentIndex();
        index.addCurrent(1, 1, 30);
        index.addCurrent(2, 2, 10);
        index.addCurrent(3, 3, 20);
        index.see(2, 2, 40);
        index.see(4, 4, 41);

        assertThat(index.unseenCurrentIds()).containsExactly(20, 30);
    }

    @Test
    void hashesDifferingInOneHalfAreDifferentContents() {
        ContentIndex index = new ContentIndex();
        index.addCurrent(7, 8, 1);

        assertThat(index.see(7, 9, 2)).isTrue();
        assertThat(index.see(6, 8, 3)).isTrue();
    }

    @Test
    void keepsEveryEntryWhenGrowingFarBeyondItsInitialCapacity() {
        ContentIndex index = new ContentIndex();
        for (long i = 0; i < 100_000; i++) {
            index.addCurrent(i * 31, i, i + 1);
        }
        for (long i = 0; i < 100_000; i += 2) {
            assertThat(index.see(i * 31, i, -1)).isFalse();
        }

        assertThat(index.size()).isEqualTo(100_000);
        assertThat(index.unseenCurrentIds()).hasSize(50_000).startsWith(2, 4, 6);
    }
}
