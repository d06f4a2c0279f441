package dev.meshlens.engine.store;

import static dev.meshlens.engine.store.Facts.T0;
import static dev.meshlens.engine.store.StoreFiles.covering;
import static dev.meshlens.engine.store.StoreFiles.importContent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import java.nio.file.Path;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Facts are stored once with the range of snapshots in which they hold, never copied per snapshot. */
@ParameterizedClass
@MethodSource("dev.meshlens.engine.store.TestDatabase#all")
class FactRangeTest {
    private static final int ACLS = 1_000;

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

    /** ACLs 0..n-1, with those selected by {@code changed} granted to another principal. */
    static MeshContent acls(int n, IntPredicate changed) {
        MeshContent.Collector c = covering(SourceKind.ACLS);
        for (int i = 0; i < n; i++) {
            c.acl(changed.test(i) ? Facts.read("orders.v" + (i % 100), "User:changed-" + i) : Facts.acl(i));
        }
        return c.content();
    }

    @Test
    void importingTheSameContentAgainAddsASnapshotButNoFactRows() {
        importContent(store, "prod", T0, acls(ACLS, i -> false));
        long rowsAfterFirst = catalog.count("SELECT COUNT(*) FROM fact");

        Snapshot second = importContent(store, "prod", T0.plusSeconds(86_400), acls(ACLS, i -> false));

        assertThat(store.snapshots()).hasSize(2);
        assertThat(catalog.count("SELECT COUNT(*) FROM fact")).isEqualTo(rowsAfterFirst).isEqualTo(ACLS);
        assertThat(catalog.count("SELECT COUNT(*) FROM fact WHERE valid_to IS NOT NULL")).isZero();
        assertThat(store.state("prod", second.id()).content()).isEqualTo(acls(ACLS, i -> false));
    }

    @Test
    void onePercentChangeTouchesOnlyTheChangedRows() {
        importContent(store, "prod", T0, acls(ACLS, i -> false));
        IntPredicate onePercent = i -> i % 100 == 7;

        Snapshot second = importContent(store, "prod", T0.plusSeconds(86_400), acls(ACLS, onePercent));

        long changed = ACLS / 100;
        assertThat(catalog.count("SELECT COUNT(*) FROM fact")).isEqualTo(ACLS + changed);
        assertThat(catalog.count("SELECT COUNT(*) FROM fact WHERE valid_to = " + second.id())).isEqualTo(changed);
        assertThat(catalog.count("SELECT COUNT(*) FROM fact WHERE valid_from = " + second.id())).isEqualTo(changed);
        assertThat(store.state("prod", second.id()).content()).isEqualTo(acls(ACLS, onePercent));
    }

    @Test
    void unchangedFactKeepsItsOneRowAcrossManySnapshots() {
        for (int day = 0; day < 10; day++) {
            MeshContent.Collector c = covering(SourceKind.TOPICS);
            c.topic(Facts.topic("stable"));
            c.topic(Facts.topic("day-" + day));
            importContent(store, "prod", T0.plusSeconds(86_400L * day), c.content());
        }

        String stable = " FROM fact WHERE payload LIKE '%\"name\":\"stable\"%'";
        assertThat(catalog.count("SELECT COUNT(*)" + stable)).isEqualTo(1);
        assertThat(catalog.count("SELECT valid_from" + stable)).isEqualTo(1);
        assertThat(catalog.count("SELECT COUNT(*) FROM fact")).isEqualTo(11);
    }

    @Test
    void factThatComesBackGetsANewRangeAndTheGapStaysVisible() {
        MeshContent.Collector with = covering(SourceKind.TOPICS);
        with.topic(Facts.topic("flaky"));
        Snapshot s1 = importContent(store, "prod", T0, with.content());
        Snapshot s2 = importContent(store, "prod", T0.plusSeconds(10), covering(SourceKind.TOPICS).content());
        Snapshot s3 = importContent(store, "prod", T0.plusSeconds(20), with.content());

        assertThat(store.state("prod", s1.id()).content().topics()).hasSize(1);
        assertThat(store.state("prod", s2.id()).content().topics()).isEmpty();
        assertThat(store.state("prod", s3.id()).content().topics()).hasSize(1);
        assertThat(catalog.count("SELECT COUNT(*) FROM fact")).isEqualTo(2);
    }

    @Test
    void importOfOneClusterLeavesTheFactsOfAnotherOpen() {
        importContent(store, "prod", T0, acls(10, i -> false));
        Snapshot staging = importContent(store, "staging", T0.plusSeconds(10), covering(SourceKind.ACLS).content());

        assertThat(catalog.count("SELECT COUNT(*) FROM fact WHERE valid_to IS NULL")).isEqualTo(10);
        assertThat(store.state("prod", staging.id()).content().acls()).hasSize(10);
    }
}
