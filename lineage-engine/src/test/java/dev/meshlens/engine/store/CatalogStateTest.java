package dev.meshlens.engine.store;

import static dev.meshlens.engine.store.Facts.T0;
import static dev.meshlens.engine.store.StoreFiles.covering;
import static dev.meshlens.engine.store.StoreFiles.importContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.HopEvent;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.PartitionOffset;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The catalog as of a snapshot, on a real H2 file and on PostgreSQL. */
@ParameterizedClass
@MethodSource("dev.meshlens.engine.store.TestDatabase#all")
class CatalogStateTest {
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

    static MeshContent everything() {
        MeshContent.Collector c = covering(SourceKind.values());
        c.acl(Facts.read("orders", "User:billing"));
        c.acl(Facts.write("orders.", "User:shop"));
        c.topic(Facts.topic("orders"));
        c.group(Facts.group("billing"));
        c.product(Facts.product("orders", null));
        c.service(Facts.service("User:billing"));
        c.groupMapping(Facts.mapping("billing", "User:billing"));
        c.schema(Facts.schema("orders-value", 1));
        c.hop(Facts.hop("orders-0@1", null));
        c.hop(Facts.hop("payments-0@1", "orders-0@1"));
        return c.content();
    }

    @Test
    void importedContentReadsBackEqual() {
        Snapshot snapshot = importContent(store, "prod", T0, everything());

        assertThat(store.state("prod", snapshot.id()).content()).isEqualTo(everything());
    }

    @Test
    void consumedHopReadsBackBesideTheEmittedHopsOfItsRecord() {
        MeshContent.Collector hops = covering(SourceKind.HOPS);
        hops.hop(Facts.hop("orders-0@1", null));
        hops.hop(new RecordHop("orders-0@1", "billing", T0, List.of(), HopEvent.CONSUMED));
        Snapshot snapshot = importContent(store, "prod", T0, hops.content());

        assertThat(store.state("prod", snapshot.id()).content().hops())
                .containsExactlyElementsOf(hops.content().hops())
                .extracting(RecordHop::event).containsExactlyInAnyOrder(HopEvent.EMITTED, HopEvent.CONSUMED);
    }

    @Test
    void everyPresentSourceNamesTheSnapshotItsFactsComeFrom() {
        Snapshot snapshot = importContent(store, "prod", T0, everything());

        CatalogState state = store.state("prod", snapshot.id());

        assertThat(state.asOf()).isEqualTo(snapshot);
        assertThat(state.sourceSnapshots()).containsOnlyKeys(SourceKind.values())
                .allSatisfy((source, from) -> assertThat(from).isEqualTo(snapshot));
    }

    @Test
    void catalogOnlyImportKeepsTheAclsOfTheEarlierImport() {
        MeshContent.Collector acls = covering(SourceKind.ACLS);
        acls.acl(Facts.read("orders", "User:billing"));
        Snapshot aclImport = importContent(store, "prod", T0, acls.content());
        MeshContent.Collector catalog = covering(SourceKind.CATALOG);
        catalog.product(Facts.product("orders", 2));
        Snapshot catalogImport = importContent(store, "prod", T0.plusSeconds(60), catalog.content());

        CatalogState state = store.state("prod", catalogImport.id());

        assertThat(state.content().acls()).containsExactly(Facts.read("orders", "User:billing"));
        assertThat(state.content().products()).containsExactly(Facts.product("orders", 2));
        assertThat(state.sourceSnapshots()).containsEntry(SourceKind.ACLS, aclImport)
                .containsEntry(SourceKind.CATALOG, catalogImport);
        assertThat(state.content().sources()).containsExactlyInAnyOrder(SourceKind.ACLS, SourceKind.CATALOG);
    }

    @Test
    void eachSourceComesFromTheNewestImportAtOrBeforeTheSnapshotThatCoveredIt() {
        MeshContent.Collector first = covering(SourceKind.ACLS, SourceKind.TOPICS);
        first.acl(Facts.acl(1));
        first.topic(Facts.topic("a"));
        Snapshot s1 = importContent(store, "prod", T0, first.content());
        MeshContent.Collector topicsOnly = covering(SourceKind.TOPICS);
        topicsOnly.topic(Facts.topic("b"));
        Snapshot s2 = importContent(store, "prod", T0.plusSeconds(10), topicsOnly.content());
        MeshContent.Collector aclsOnly = covering(SourceKind.ACLS);
        aclsOnly.acl(Facts.acl(2));
        Snapshot s3 = importContent(store, "prod", T0.plusSeconds(20), aclsOnly.content());

        CatalogState atS2 = store.state("prod", s2.id());
        CatalogState atS3 = store.state("prod", s3.id());

        assertThat(atS2.content().acls()).containsExactly(Facts.acl(1));
        assertThat(atS2.content().topics()).containsExactly(Facts.topic("b"));
        assertThat(atS2.sourceSnapshots()).containsEntry(SourceKind.ACLS, s1).containsEntry(SourceKind.TOPICS, s2);
        assertThat(atS3.content().acls()).containsExactly(Facts.acl(2));
        assertThat(atS3.content().topics()).containsExactly(Facts.topic("b"));
    }

    @Test
    void olderSnapshotStillShowsWhatItsImportSaw() {
        MeshContent.Collector before = covering(SourceKind.ACLS);
        before.acl(Facts.acl(1));
        before.acl(Facts.acl(2));
        Snapshot s1 = importContent(store, "prod", T0, before.content());
        MeshContent.Collector after = covering(SourceKind.ACLS);
        after.acl(Facts.acl(2));
        after.acl(Facts.acl(3));
        importContent(store, "prod", T0.plusSeconds(10), after.content());

        assertThat(store.state("prod", s1.id()).content().acls()).containsExactlyInAnyOrder(Facts.acl(1), Facts.acl(2));
    }

    @Test
    void coveredSourceWithNoFactsMeansTheFactsAreGone() {
        MeshContent.Collector before = covering(SourceKind.ACLS);
        before.acl(Facts.acl(1));
        importContent(store, "prod", T0, before.content());
        Snapshot empty = importContent(store, "prod", T0.plusSeconds(10), covering(SourceKind.ACLS).content());

        CatalogState state = store.state("prod", empty.id());

        assertThat(state.content().acls()).isEmpty();
        assertThat(state.has(SourceKind.ACLS)).isTrue();
    }

    @Test
    void snapshotOfAnotherClusterBoundsTheState() {
        MeshContent.Collector prod = covering(SourceKind.TOPICS);
        prod.topic(Facts.topic("prod-topic"));
        importContent(store, "prod", T0, prod.content());
        Snapshot staging = importContent(store, "staging", T0.plusSeconds(5), covering(SourceKind.TOPICS).content());
        MeshContent.Collector prodLater = covering(SourceKind.TOPICS);
        prodLater.topic(Facts.topic("later"));
        importContent(store, "prod", T0.plusSeconds(10), prodLater.content());

        CatalogState state = store.state("prod", staging.id());

        assertThat(state.asOf()).isEqualTo(staging);
        assertThat(state.content().topics()).containsExactly(Facts.topic("prod-topic"));
    }

    @Test
    void clusterWithNothingYetHasAnEmptyState() {
        Snapshot other = importContent(store, "staging", T0, covering(SourceKind.TOPICS).content());

        CatalogState state = store.state("prod", other.id());

        assertThat(state.content()).isEqualTo(MeshContent.empty());
        assertThat(state.sourceSnapshots()).isEmpty();
    }

    @Test
    void unknownSnapshotIdIsRefusedByNumber() {
        assertThatThrownBy(() -> store.state("prod", 42))
                .isInstanceOf(StoreException.class)
                .hasMessage("no snapshot 42");
    }

    @Test
    void groupPartsAreMergedIntoOneGroup() {
        Snapshot snapshot;
        try (ImportSession session = store.beginImport("prod", "groups", T0)) {
            session.cover(SourceKind.GROUPS);
            session.group(new ConsumerGroup("billing", GroupState.STABLE, null, null, null, null));
            session.group(new ConsumerGroup("billing", null, null, null, null,
                    List.of(new PartitionOffset("orders", 0, 5L, null, null))));
            session.group(new ConsumerGroup("billing", null, null, null, null,
                    List.of(new PartitionOffset("orders", 0, null, 9L, null))));
            snapshot = session.commit();
        }

        assertThat(store.state("prod", snapshot.id()).content().groups()).containsExactly(
                new ConsumerGroup("billing", GroupState.STABLE, null, null, List.of(),
                        List.of(new PartitionOffset("orders", 0, 5L, 9L, null))));
    }

    @Test
    void identicalFactsInOneImportAreStoredOnce() {
        Snapshot snapshot;
        try (ImportSession session = store.beginImport("prod", "acls", T0)) {
            session.cover(SourceKind.ACLS);
            session.acl(Facts.acl(1));
            session.acl(Facts.acl(1));
            snapshot = session.commit();
        }

        assertThat(store.state("prod", snapshot.id()).content().acls()).containsExactly(Facts.acl(1));
        assertThat(catalog.count("SELECT COUNT(*) FROM fact")).isEqualTo(1);
    }

    @Test
    void factsOfASourceTheImportDidNotCoverAreNotStored() {
        MeshContent.Collector earlier = covering(SourceKind.TOPICS);
        earlier.topic(Facts.topic("complete"));
        importContent(store, "prod", T0, earlier.content());
        Snapshot partial;
        try (ImportSession session = store.beginImport("prod", "partial", T0.plusSeconds(10))) {
            session.cover(SourceKind.ACLS);
            session.topic(Facts.topic("half-read"));
            partial = session.commit();
        }

        assertThat(store.state("prod", partial.id()).content().topics()).containsExactly(Facts.topic("complete"));
        assertThat(catalog.count("SELECT COUNT(*) FROM fact")).isEqualTo(1);
    }

    @Test
    void sourceCoveredAfterItsFactsKeepsThem() {
        Snapshot snapshot;
        try (ImportSession session = store.beginImport("prod", "acls", T0)) {
            session.acl(Facts.acl(1));
            session.group(Facts.group("billing"));
            session.cover(SourceKind.ACLS);
            session.cover(SourceKind.GROUPS);
            snapshot = session.commit();
        }

        CatalogState state = store.state("prod", snapshot.id());
        assertThat(state.content().acls()).containsExactly(Facts.acl(1));
        assertThat(state.content().groups()).containsExactly(Facts.group("billing"));
    }

    @Test
    void importCoveringNoSourceIsRefused() {
        try (ImportSession session = store.beginImport("prod", "nothing", T0)) {
            session.acl(Facts.acl(1));

            assertThatThrownBy(session::commit).isInstanceOf(StoreException.class)
                    .hasMessageContaining("covers no source");
        }
        assertThat(store.snapshots()).isEmpty();
    }

    @Test
    void sessionCommitsAtMostOnce() {
        try (ImportSession session = store.beginImport("prod", "once", T0)) {
            session.cover(SourceKind.ACLS);
            session.commit();

            assertThatThrownBy(session::commit).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already committed");
        }
        assertThat(store.snapshots()).hasSize(1);
    }

    @Test
    void stateSurvivesReopeningTheFile() {
        Snapshot snapshot = importContent(store, "prod", T0, everything());
        store.close();

        store = catalog.open();

        assertThat(store.snapshots()).containsExactly(snapshot);
        assertThat(store.state("prod", snapshot.id()).content()).isEqualTo(everything());
    }

    @Test
    void closingTheStoreRollsBackOpenImports() {
        ImportSession session = store.beginImport("prod", "abandoned", T0);
        session.cover(SourceKind.ACLS);
        session.acl(Facts.acl(1));

        store.close();
        store = catalog.open();

        assertThat(store.snapshots()).isEmpty();
        assertThatThrownBy(() -> session.acl(Facts.acl(2))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void snapshotRecordsClusterSourcesOriginAndTime() {
        Snapshot snapshot;
        try (ImportSession session = store.beginImport("prod", "acls.txt, catalog.csv", T0.plus(Duration.ofMillis(5)))) {
            session.cover(SourceKind.ACLS);
            session.cover(SourceKind.CATALOG);
            snapshot = session.commit();
        }

        assertThat(snapshot).isEqualTo(new Snapshot(1, T0.plus(Duration.ofMillis(5)), "prod",
                java.util.Set.of(SourceKind.ACLS, SourceKind.CATALOG), "acls.txt, catalog.csv"));
        assertThat(store.snapshot(1)).contains(snapshot);
    }
}
