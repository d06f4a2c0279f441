package dev.meshlens.engine.store;

import static dev.meshlens.engine.store.Facts.T0;
import static dev.meshlens.engine.store.StoreFiles.covering;
import static dev.meshlens.engine.store.StoreFiles.importContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Snapshot ids follow time, and "as of date D" finds the newest snapshot at or before D. */
@ParameterizedClass
@MethodSource("dev.meshlens.engine.store.TestDatabase#all")
class SnapshotTimeTest {
    private static final Duration DAY = Duration.ofDays(1);

    @Parameter
    TestDatabase database;
    @TempDir
    Path dir;
    TestCatalog catalog;
    CatalogStore store;

    @BeforeEach
    void open() {
        catalog = database.fresh(dir);
        store = catalog.open();
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        if (catalog != null) {
            catalog.close();
        }
    }

    private Snapshot land(String cluster, Instant at) {
        return importContent(store, cluster, at, covering(SourceKind.TOPICS).content());
    }

    @Test
    void importDatedBeforeTheNewestSnapshotIsRefusedAtBegin() {
        land("prod", T0.plus(DAY));

        assertThatThrownBy(() -> store.beginImport("staging", "late", T0))
                .isInstanceOf(StoreException.class)
                .hasMessage("the import of cluster staging is dated 2024-03-01T08:00:00Z, before the newest snapshot 1"
                        + " (cluster prod, 2024-03-02T08:00:00Z); snapshots must be imported in time order");
    }

    @Test
    void importDatedLikeTheNewestSnapshotIsAccepted() {
        Snapshot first = land("prod", T0);

        Snapshot second = land("prod", T0);

        assertThat(second.id()).isGreaterThan(first.id());
    }

    @Test
    void snapshotsAreListedOldestFirstWithIdsGrowingWithTime() {
        Snapshot a = land("prod", T0);
        Snapshot b = land("staging", T0.plus(DAY));
        Snapshot c = land("prod", T0.plus(DAY.multipliedBy(2)));

        assertThat(store.snapshots()).containsExactly(a, b, c);
        assertThat(store.snapshots()).extracting(Snapshot::id).containsExactly(1L, 2L, 3L);
    }

    @Test
    void asOfADateIsTheNewestSnapshotAtOrBeforeItOfAnyCluster() {
        land("prod", T0);
        Snapshot staging = land("staging", T0.plus(DAY));
        land("prod", T0.plus(DAY.multipliedBy(2)));

        assertThat(store.latestAtOrBefore(T0.plus(DAY).plusSeconds(3600))).contains(staging);
        assertThat(store.latestAtOrBefore(T0.plus(DAY))).contains(staging);
        assertThat(store.latestAtOrBefore(T0.minusNanos(1))).isEmpty();
    }

    @Test
    void asOfADateForAClusterSkipsOtherClusters() {
        Snapshot prod = land("prod", T0);
        land("staging", T0.plus(DAY));

        assertThat(store.latestAtOrBefore("prod", T0.plus(DAY))).contains(prod);
        assertThat(store.latestAtOrBefore("dev", T0.plus(DAY))).isEmpty();
    }

    @Test
    void dateBoundWithNanosecondsDoesNotReachTheNextMicrosecond() {
        Snapshot early = land("prod", T0);
        land("prod", T0.plusNanos(1_000));

        assertThat(store.latestAtOrBefore(T0.plusNanos(999))).contains(early);
    }

    @Test
    void latestIsTheNewestSnapshotOfTheCluster() {
        Snapshot prod = land("prod", T0);
        land("staging", T0.plus(DAY));

        assertThat(store.latest("prod")).contains(prod);
        assertThat(store.latest("dev")).isEmpty();
    }

    @Test
    void clustersAreListedOnceAndSorted() {
        land("staging", T0);
        land("prod", T0);
        land("dev", T0);
        land("prod", T0);

        assertThat(store.clusters()).containsExactly("dev", "prod", "staging");
    }

    @Test
    void takenAtIsKeptToTheMicrosecond() {
        Snapshot snapshot = land("prod", T0.plusNanos(123_456_789));

        assertThat(snapshot.takenAt()).isEqualTo(T0.plusNanos(123_456_000));
        assertThat(store.snapshot(snapshot.id())).contains(snapshot);
    }

    @Test
    void unknownSnapshotIdIsEmpty() {
        assertThat(store.snapshot(7)).isEmpty();
    }
}
