package dev.meshlens.engine.trace;

import dev.meshlens.engine.change.MeshFixture;
import dev.meshlens.engine.model.HopEvent;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.engine.model.ServiceInfo;
import org.jgrapht.alg.cycle.CycleDetector;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class RecordLineageTest {
    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    private static RecordHop emitted(String record, String service, int second, String... parents) {
        return new RecordHop(record, service, T0.plusSeconds(second), List.of(parents));
    }

    private static RecordHop consumed(String record, String service, int second) {
        return new RecordHop(record, service, T0.plusSeconds(second), List.of(), HopEvent.CONSUMED);
    }

    private static RecordLineage lineage(RecordHop... hops) {
        return new RecordLineage(List.of(hops));
    }

    private static List<String> records(List<TracedHop> hops) {
        return hops.stream().map(TracedHop::record).toList();
    }

    private static final RecordLineage CHAIN = lineage(
            emitted("src-0@1", "ingest", 0),
            emitted("mid-0@5", "enrich", 1, "src-0@1"),
            emitted("out-0@7", "publish", 2, "mid-0@5"));

    // --- ancestors and descendants

    @Test
    void traceListsParentsAsAncestorsAndChildrenAsDescendants() {
        RecordTrace trace = CHAIN.trace("mid-0@5");

        assertThat(trace.ancestors()).containsExactly(new TracedHop("src-0@1", "ingest", T0, List.of(), 1, true));
        assertThat(trace.descendants())
                .containsExactly(new TracedHop("out-0@7", "publish", T0.plusSeconds(2), List.of("mid-0@5"), 1, true));
    }

    @Test
    void traceOfTheRecordItselfCarriesItsHop() {
        assertThat(CHAIN.trace("mid-0@5").hop())
                .isEqualTo(new TracedHop("mid-0@5", "enrich", T0.plusSeconds(1), List.of("src-0@1"), 0, true));
    }

    @Test
    void ancestorsReachTheSourceWithGrowingDepth() {
        RecordTrace trace = CHAIN.trace("out-0@7");

        assertThat(trace.ancestors()).extracting(TracedHop::record, TracedHop::depth)
                .containsExactly(tuple("mid-0@5", 1),
                        tuple("src-0@1", 2));
    }

    @Test
    void recordReachedTwiceIsListedOnceAtItsShortestDepth() {
        RecordLineage diamond = lineage(
                emitted("a-0@1", "s", 0),
                emitted("b-0@1", "s", 1, "a-0@1"),
                emitted("c-0@1", "s", 2, "b-0@1"),
                emitted("d-0@1", "s", 3, "a-0@1", "c-0@1"));

        assertThat(diamond.trace("a-0@1").descendants()).extracting(TracedHop::record, TracedHop::depth)
                .containsExactly(tuple("b-0@1", 1),
                        tuple("d-0@1", 1),
                        tuple("c-0@1", 2));
    }

    @Test
    void sourceRecordHasNoAncestorsAndNoGaps() {
        RecordTrace trace = CHAIN.trace("src-0@1");

        assertThat(trace.ancestors()).isEmpty();
        assertThat(records(trace.descendants())).containsExactly("mid-0@5", "out-0@7");
        assertThat(trace.gaps()).isEmpty();
    }

    // --- joins

    @Test
    void joinHeadersOfOneRecordMergeIntoOneHopWithEveryParent() {
        RecordLineage join = lineage(
                emitted("left-0@1", "a", 0), emitted("right-0@2", "b", 0),
                emitted("joined-0@9", "joiner", 5, "right-0@2"),
                emitted("joined-0@9", "joiner", 5, "left-0@1"));

        assertThat(join.trace("joined-0@9").hop().parents()).containsExactly("left-0@1", "right-0@2");
    }

    @Test
    void recordWithSeveralParentsIsAJoinGapListingThem() {
        RecordLineage join = lineage(
                emitted("left-0@1", "a", 0), emitted("right-0@2", "b", 0),
                emitted("joined-0@9", "joiner", 5, "left-0@1", "right-0@2"));

        assertThat(join.trace("left-0@1").gaps()).containsExactly(new TraceGap(TraceGap.Kind.JOIN, "joined-0@9",
                "joined-0@9 was derived from 2 records (a join or an aggregation): left-0@1, right-0@2",
                List.of("left-0@1", "right-0@2")));
    }

    @Test
    void hopsOfOneRecordShowTheEarliestServiceAndTime() {
        RecordLineage twice = lineage(emitted("x-0@1", "late", 9), emitted("x-0@1", "early", 3));

        assertThat(twice.trace("x-0@1").hop()).extracting(TracedHop::service, TracedHop::at)
                .containsExactly("early", T0.plusSeconds(3));
    }

    // --- records without a header

    @Test
    void parentWithoutAHopOfItsOwnIsANoHeaderGap() {
        RecordLineage headless = lineage(emitted("clean-0@4", "cleaner", 1, "raw-0@3"));

        RecordTrace trace = headless.trace("clean-0@4");

        assertThat(trace.ancestors()).containsExactly(new TracedHop("raw-0@3", null, null, List.of(), 1, false));
        assertThat(trace.gaps()).containsExactly(new TraceGap(TraceGap.Kind.NO_HEADER, "raw-0@3",
                "raw-0@3 is named as a parent by clean-0@4 but has no hop of its own: whoever wrote it added no "
                        + "lineage header, so its own origin is unknown", List.of("clean-0@4")));
    }

    @Test
    void recordKnownOnlyFromAConsumedReportIsANoHeaderGap() {
        RecordLineage onlyConsumed = lineage(consumed("raw-0@3", "billing", 0));

        assertThat(onlyConsumed.trace("raw-0@3").gaps(TraceGap.Kind.NO_HEADER)).singleElement()
                .extracting(TraceGap::detail).isEqualTo("raw-0@3 is known only from consumption reports (billing); "
                        + "no hop emitted it, so whoever wrote it added no lineage header");
    }

    // --- cycles in bad data

    @Test
    void mutualParentsKeepTheGraphAcyclic() {
        RecordLineage bad = lineage(emitted("a-0@1", "s", 0, "b-0@1"), emitted("b-0@1", "s", 1, "a-0@1"));

        assertThat(new CycleDetector<>(bad.graph()).detectCycles()).isFalse();
        // the walk starts at a-0@1 (first in record id order), goes on to its child b-0@1 and meets a-0@1 again
        assertThat(bad.ignoredLinks()).containsExactly(new RecordLink("b-0@1", "a-0@1"));
    }

    @Test
    void ignoredLinkIsACycleGapOnTheTrace() {
        RecordLineage bad = lineage(emitted("a-0@1", "s", 0, "b-0@1"), emitted("b-0@1", "s", 1, "a-0@1"));

        assertThat(bad.trace("a-0@1").gaps(TraceGap.Kind.CYCLE)).containsExactly(new TraceGap(TraceGap.Kind.CYCLE,
                "a-0@1", "a-0@1 names b-0@1 as a parent, but b-0@1 already descends from it; the link is ignored",
                List.of("b-0@1")));
    }

    @Test
    void recordNamingItselfAsParentIsIgnoredAndReported() {
        RecordLineage selfish = lineage(emitted("a-0@1", "s", 0, "a-0@1"));

        RecordTrace trace = selfish.trace("a-0@1");

        assertThat(trace.ancestors()).isEmpty();
        assertThat(trace.gaps(TraceGap.Kind.CYCLE)).extracting(TraceGap::detail)
                .containsExactly("a-0@1 names a-0@1 as a parent, but a-0@1 is itself; the link is ignored");
    }

    @Test
    void longCycleIsBrokenOnceAndTracesFinish() {
        RecordLineage ring = lineage(emitted("r-0@1", "s", 0, "r-0@3"), emitted("r-0@2", "s", 1, "r-0@1"),
                emitted("r-0@3", "s", 2, "r-0@2"));

        assertThat(ring.ignoredLinks()).containsExactly(new RecordLink("r-0@3", "r-0@1"));
        assertThat(records(ring.trace("r-0@1").descendants())).containsExactly("r-0@2", "r-0@3");
    }

    // --- silent consumers

    @Test
    void topologyReaderThatEmittedNothingFromTheRecordIsASilentConsumer() {
        MeshFixture mesh = new MeshFixture().topics("orders", "enriched")
                .reads("User:enrich", "orders").writes("User:enrich", "enriched").reads("User:audit", "orders")
                .hop(emitted("orders-0@1", "ingest", 0)).hop(emitted("enriched-0@1", "enrich", 1, "orders-0@1"));

        RecordTrace trace = RecordLineage.of(mesh.state(), mesh.graph()).trace("orders-0@1");

        assertThat(trace.gaps()).containsExactly(new TraceGap(TraceGap.Kind.SILENT_CONSUMER, "orders-0@1",
                "User:audit reads orders (acl; never-consumed), but emitted no record derived from orders-0@1",
                List.of("User:audit")));
    }

    @Test
    void readerThatEmittedAGrandchildIsNotSilent() {
        MeshFixture mesh = new MeshFixture().topics("orders", "mid", "out")
                .reads("User:enrich", "orders").reads("User:publish", "mid")
                .hop(emitted("orders-0@1", "ingest", 0)).hop(emitted("mid-0@1", "relay", 1, "orders-0@1"))
                .hop(emitted("out-0@1", "enrich", 2, "mid-0@1"));

        RecordTrace trace = RecordLineage.of(mesh.state(), mesh.graph()).trace("orders-0@1");

        assertThat(trace.gaps(TraceGap.Kind.SILENT_CONSUMER)).extracting(TraceGap::record, TraceGap::involved)
                .containsExactly(tuple("mid-0@1", List.of("User:publish")));
    }

    @Test
    void hopServiceMatchesAPrincipalByItsServicesCsvName() {
        MeshFixture mesh = new MeshFixture().topics("orders").reads("User:svc-42", "orders")
                .service(new ServiceInfo("User:svc-42", "Order Enricher", "team", 1, true))
                .hop(emitted("orders-0@1", "ingest", 0)).hop(emitted("enriched-0@1", "Order Enricher", 1,
                        "orders-0@1"));

        RecordTrace trace = RecordLineage.of(mesh.state(), mesh.graph()).trace("orders-0@1");

        assertThat(trace.gaps(TraceGap.Kind.SILENT_CONSUMER)).isEmpty();
    }

    @Test
    void consumedReportWithoutEmissionIsASilentConsumerWithEvidence() {
        RecordLineage log = lineage(emitted("orders-0@1", "ingest", 0), consumed("orders-0@1", "billing", 4));

        assertThat(log.trace("orders-0@1").gaps()).containsExactly(new TraceGap(TraceGap.Kind.SILENT_CONSUMER,
                "orders-0@1", "billing reported consuming orders-0@1 at 2024-05-01T12:00:04Z, but emitted no record "
                + "derived from orders-0@1", List.of("billing")));
    }

    @Test
    void consumerThatAlsoEmittedFromTheRecordIsNotSilent() {
        RecordLineage log = lineage(emitted("orders-0@1", "ingest", 0), consumed("orders-0@1", "billing", 4),
                emitted("invoices-0@1", "billing", 5, "orders-0@1"));

        assertThat(log.trace("orders-0@1").gaps()).isEmpty();
    }

    @Test
    void readerWithAConsumedReportIsOneGapNamingBoth() {
        MeshFixture mesh = new MeshFixture().topics("orders").reads("User:billing", "orders")
                .hop(emitted("orders-0@1", "ingest", 0)).hop(consumed("orders-0@1", "billing", 4));

        RecordTrace trace = RecordLineage.of(mesh.state(), mesh.graph()).trace("orders-0@1");

        assertThat(trace.gaps()).extracting(TraceGap::detail).containsExactly("User:billing reads orders (acl; "
                + "never-consumed) and (as billing) reported consuming orders-0@1 at 2024-05-01T12:00:04Z, but "
                + "emitted no record derived from orders-0@1");
    }

    // --- unknown records

    @Test
    void unknownRecordIsRefused() {
        assertThatThrownBy(() -> CHAIN.trace("mid-0@6"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no hop names record mid-0@6");
    }

    @Test
    void nearestRecordsAreThoseOfTheSamePartitionByOffsetDistance() {
        RecordLineage many = lineage(emitted("t-0@1", "s", 0), emitted("t-0@50", "s", 0), emitted("t-0@12", "s", 0),
                emitted("t-1@10", "s", 0));

        assertThat(many.nearest("t-0@10", 2)).containsExactly("t-0@12", "t-0@1");
    }

    @Test
    void nearestFallsBackToOtherPartitionsOfTheTopic() {
        assertThat(lineage(emitted("t-1@10", "s", 0), emitted("u-0@10", "s", 0)).nearest("t-0@10", 5))
                .containsExactly("t-1@10");
    }
}
