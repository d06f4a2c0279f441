package dev.meshlens.importers.kafka;

import dev.meshlens.engine.model.RecordHop;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineageHeadersTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-01T00:01:00Z");
    private static final Instant T2 = Instant.parse("2026-01-01T00:02:00Z");

    private static byte[] header(String service, Instant at, String parent) {
        String json = "{\"service\":\"" + service + "\",\"at\":\"" + at + "\""
                + (parent == null ? "" : ",\"parent\":\"" + parent + "\"") + "}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sourceRecordIsOneHopWithoutParents() {
        LineageHeaders.Parsed parsed = LineageHeaders.parse("orders-0@7", List.of(header("User:checkout", T0, null)));

        assertThat(parsed.hops()).containsExactly(new RecordHop("orders-0@7", "User:checkout", T0, List.of()));
        assertThat(parsed.malformed()).isZero();
    }

    @Test
    void chainRevealsEveryAncestorWithItsOwnParent() {
        LineageHeaders.Parsed parsed = LineageHeaders.parse("enriched-1@3", List.of(
                header("User:checkout", T0, null),
                header("User:validator", T1, "placed-0@5"),
                header("User:enricher", T2, "validated-2@9")));

        assertThat(parsed.hops()).containsExactly(
                new RecordHop("placed-0@5", "User:checkout", T0, List.of()),
                new RecordHop("validated-2@9", "User:validator", T1, List.of("placed-0@5")),
                new RecordHop("enriched-1@3", "User:enricher", T2, List.of("validated-2@9")));
    }

    @Test
    void joinHopListsEveryParentAndContinuesTheFirstParentsChain() {
        LineageHeaders.Parsed parsed = LineageHeaders.parse("joined-0@1", List.of(
                header("User:checkout", T0, null),
                header("User:joiner", T2, "placed-0@5"),
                header("User:joiner", T2, "payments-1@8")));

        assertThat(parsed.hops()).containsExactly(
                new RecordHop("placed-0@5", "User:checkout", T0, List.of()),
                new RecordHop("joined-0@1", "User:joiner", T2, List.of("placed-0@5", "payments-1@8")));
    }

    @Test
    void aggregationOfOneTopicListsEveryRecordItFolds() {
        LineageHeaders.Parsed parsed = LineageHeaders.parse("daily-0@0", List.of(
                header("User:checkout", T0, null),
                header("User:analytics", T1, "placed-0@1"),
                header("User:analytics", T1, "placed-0@2"),
                header("User:analytics", T1, "placed-1@1")));

        assertThat(parsed.hops()).last().isEqualTo(new RecordHop("daily-0@0", "User:analytics", T1,
                List.of("placed-0@1", "placed-0@2", "placed-1@1")));
    }

    @Test
    void parentWithoutHeadersLeavesItsRecordAsAParentIdOnly() {
        LineageHeaders.Parsed parsed = LineageHeaders.parse("copy-0@4", List.of(
                header("User:copier", T1, "legacy-0@2")));

        assertThat(parsed.hops()).containsExactly(new RecordHop("copy-0@4", "User:copier", T1, List.of("legacy-0@2")));
    }

    @Test
    void sameServiceOnTwoHopsStaysTwoHopsWhenTheTimesDiffer() {
        LineageHeaders.Parsed parsed = LineageHeaders.parse("b-0@1", List.of(
                header("User:svc", T0, null),
                header("User:svc", T1, "a-0@0")));

        assertThat(parsed.hops()).hasSize(2);
    }

    @Test
    void malformedHeadersAreCountedAndSkipped() {
        LineageHeaders.Parsed parsed = LineageHeaders.parse("orders-0@7", List.of(
                "not json".getBytes(StandardCharsets.UTF_8),
                "{\"at\":\"2026-01-01T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8),
                "{\"service\":\"User:x\",\"at\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8),
                header("User:checkout", T0, null)));

        assertThat(parsed.malformed()).isEqualTo(3);
        assertThat(parsed.hops()).containsExactly(new RecordHop("orders-0@7", "User:checkout", T0, List.of()));
    }

    @Test
    void offsetTimesAreReadAsInstants() {
        byte[] value = "{\"service\":\"User:s\",\"at\":\"2026-01-01T01:00:00+01:00\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(LineageHeaders.parse("t-0@0", List.of(value)).hops().get(0).at()).isEqualTo(T0);
    }
}
