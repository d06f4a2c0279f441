package dev.meshlens.importers.testkit;

import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.importers.testkit.LineageHeaderChains.LineageHeader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineageHeaderChainsTest {
    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    private final LineageHeaderChains chains = new LineageHeaderChains();

    private static LineageHeader header(String service, int minute, String parent) {
        return new LineageHeader(service, T0.plusSeconds(minute * 60L), parent);
    }

    private static List<LineageHeader> chain(List<LineageHeader> parentChain, LineageHeader... own) {
        List<LineageHeader> headers = new ArrayList<>(parentChain);
        headers.addAll(List.of(own));
        return headers;
    }

    private static final List<LineageHeader> PLACED = List.of(header("User:checkout", 0, null));
    private static final List<LineageHeader> VALIDATED = chain(PLACED, header("User:validator", 1, "placed-0@4"));

    @Test
    void sourceRecordHasOneHopWithoutParents() {
        chains.add("placed-0@4", PLACED);

        assertThat(chains.hops()).containsExactly(new RecordHop("placed-0@4", "User:checkout", T0, List.of()));
    }

    @Test
    void derivedRecordTellsItsOwnHopAndItsAncestors() {
        chains.add("enriched-1@0", chain(VALIDATED, header("User:enricher", 2, "validated-2@7")));

        assertThat(chains.hops()).containsExactly(
                new RecordHop("enriched-1@0", "User:enricher", T0.plusSeconds(120), List.of("validated-2@7")),
                new RecordHop("placed-0@4", "User:checkout", T0, List.of()),
                new RecordHop("validated-2@7", "User:validator", T0.plusSeconds(60), List.of("placed-0@4")));
    }

    @Test
    void joinHopListsEveryParentInHeaderOrder() {
        chains.add("enriched-0@3", chain(VALIDATED, header("User:enricher", 2, "validated-2@7"),
                header("User:enricher", 2, "profiles-1@9")));

        assertThat(chains.hops()).filteredOn(h -> h.recordId().equals("enriched-0@3"))
                .singleElement().extracting(RecordHop::parents)
                .isEqualTo(List.of("validated-2@7", "profiles-1@9"));
    }

    @Test
    void recordWithoutHeadersTellsNoHop() {
        chains.add("tracking-0@0", List.of());

        assertThat(chains.hops()).isEmpty();
    }

    @Test
    void recordDerivedFromAHeaderlessRecordTellsOnlyItsOwnHop() {
        chains.add("returns-0@0", List.of(header("User:returns", 5, "deliveries-1@2")));

        assertThat(chains.hops()).containsExactly(
                new RecordHop("returns-0@0", "User:returns", T0.plusSeconds(300), List.of("deliveries-1@2")));
    }

    @Test
    void consecutiveHopsOfOneServiceAreToldApartByTheirTime() {
        List<LineageHeader> campaign = List.of(header("User:campaigns", 3, "segments-0@1"));
        chains.add("sends-0@0", chain(campaign, header("User:campaigns", 4, "campaigns-0@2")));

        assertThat(chains.hops()).extracting(RecordHop::recordId).containsExactly("campaigns-0@2", "sends-0@0");
    }

    @Test
    void chainsThatTellAHopDifferentlyAreReported() {
        chains.add("validated-2@7", VALIDATED);

        assertThatThrownBy(() -> chains.add("enriched-1@0", chain(
                List.of(header("User:validator", 1, "placed-0@5")), header("User:enricher", 2, "validated-2@7"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("disagree about validated-2@7");
    }

    @Test
    void sourceHeaderInTheMiddleOfAChainIsRejected() {
        List<LineageHeader> headers = chain(VALIDATED, header("User:other", 2, null));

        assertThatThrownBy(() -> chains.add("x-0@0", headers))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("source header");
    }

    @Test
    void hopsAreOrderedByTopicThenNumericPartitionAndOffset() {
        for (String id : List.of("b-10@1", "b-2@10", "b-2@9", "a-0@0")) {
            chains.add(id, List.of(header("User:s", 0, null)));
        }

        assertThat(chains.hops()).extracting(RecordHop::recordId).containsExactly("a-0@0", "b-2@9", "b-2@10",
                "b-10@1");
    }

    @Test
    void headerValueIsParsedFromTheJsonTheSeederWrites() {
        LineageHeader parsed = LineageHeader.parse(
                "{\"service\":\"User:a\",\"at\":\"2026-11-02T08:00:00Z\",\"parent\":\"t-0@1\"}");

        assertThat(parsed).isEqualTo(new LineageHeader("User:a", T0, "t-0@1"));
    }

    @Test
    void headerValueWithoutServiceIsRejected() {
        assertThatThrownBy(() -> LineageHeader.parse("{\"at\":\"2026-11-02T08:00:00Z\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("service and at");
    }
}
