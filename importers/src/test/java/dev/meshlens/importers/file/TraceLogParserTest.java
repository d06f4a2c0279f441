package dev.meshlens.importers.file;

import dev.meshlens.engine.model.HopEvent;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.engine.model.SourceKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceLogParserTest {
    private static final String AT = "\"at\": \"2024-05-01T12:00:00Z\"";
    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    private final TraceLogParser parser = new TraceLogParser();

    private List<RecordHop> hops(String text) throws IOException {
        return Fixtures.parse(parser, "trace.jsonl", text).hops();
    }

    private static String report(String event, String record, String extra) {
        return "{\"service\": \"svc\", \"event\": \"" + event + "\", \"record\": \"" + record + "\", " + AT + extra
                + "}\n";
    }

    @Test
    void readsEveryReportOfTheFixture() throws IOException {
        MeshContent content = Fixtures.parseFixture(parser, "trace.jsonl");

        assertThat(content.sources()).containsExactly(SourceKind.HOPS);
        assertThat(content.hops()).containsExactly(
                new RecordHop("sales.enriched-2@7", "enricher", Instant.parse("2024-05-01T10:00:02Z"),
                        List.of("sales.orders-0@41", "customers-1@9")),
                new RecordHop("sales.orders-0@41", "audit", Instant.parse("2024-05-01T12:00:03Z"), List.of(),
                        HopEvent.CONSUMED),
                new RecordHop("sales.orders-0@41", "enricher", Instant.parse("2024-05-01T12:00:01Z"), List.of(),
                        HopEvent.CONSUMED),
                new RecordHop("sales.orders-0@41", "order-service", T0, List.of()),
                new RecordHop("shipments-0@3", "shipper", Instant.parse("2024-05-01T12:00:04Z"),
                        List.of("sales.enriched-2@7")));
    }

    @Test
    void emittedReportIsAnEmittedHopWithItsParents() throws IOException {
        assertThat(hops(report("emitted", "out-0@1", ", \"parents\": [\"in-0@1\", \"in-1@2\"]")))
                .containsExactly(new RecordHop("out-0@1", "svc", T0, List.of("in-0@1", "in-1@2")));
    }

    @Test
    void consumedReportIsConsumptionEvidence() throws IOException {
        assertThat(hops(report("consumed", "in-0@1", ""))).singleElement()
                .extracting(RecordHop::event).isEqualTo(HopEvent.CONSUMED);
    }

    @Test
    void processedReportWithoutParentsIsConsumptionEvidence() throws IOException {
        assertThat(hops(report("processed", "in-0@1", ""))).singleElement()
                .extracting(RecordHop::event).isEqualTo(HopEvent.CONSUMED);
    }

    @Test
    void processedReportWithParentsIsAnEmittedHop() throws IOException {
        assertThat(hops(report("processed", "out-0@1", ", \"parent\": \"in-0@1\""))).containsExactly(
                new RecordHop("out-0@1", "svc", T0, List.of("in-0@1")));
    }

    @Test
    void eventIsReadIgnoringCase() throws IOException {
        assertThat(hops(report("EMITTED", "out-0@1", ""))).extracting(RecordHop::event)
                .containsExactly(HopEvent.EMITTED);
    }

    @Test
    void emptyLogCoversHopsWithNone() throws IOException {
        MeshContent content = Fixtures.parse(parser, "trace.jsonl", "\n\n");

        assertThat(content.sources()).containsExactly(SourceKind.HOPS);
        assertThat(content.hops()).isEmpty();
    }

    @Test
    void unknownEventIsAnErrorOnItsLine() {
        assertThatThrownBy(() -> hops(report("emitted", "a-0@1", "") + "\n" + report("sent", "a-0@2", "")))
                .isInstanceOf(InputException.class)
                .hasMessage("trace.jsonl:3: 'event' must be one of consumed, processed, emitted, got 'sent'");
    }

    @Test
    void malformedRecordIdIsNamed() {
        assertThatThrownBy(() -> hops(report("emitted", "orders@1", "")))
                .isInstanceOf(InputException.class)
                .hasMessage("trace.jsonl:1: 'record': 'orders@1' is not a record id topic-partition@offset, "
                        + "e.g. orders-0@42");
    }

    @Test
    void malformedParentIsNamed() {
        assertThatThrownBy(() -> hops(report("emitted", "a-0@1", ", \"parents\": [\"nope\"]")))
                .isInstanceOf(InputException.class)
                .hasMessage("trace.jsonl:1: 'parents': 'nope' is not a record id topic-partition@offset, "
                        + "e.g. orders-0@42");
    }

    @Test
    void missingTimeIsAnError() {
        assertThatThrownBy(() -> hops("{\"service\": \"s\", \"event\": \"emitted\", \"record\": \"a-0@1\"}"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("trace.jsonl:1: missing 'at'");
    }

    @Test
    void timeThatIsNotIso8601IsAnError() {
        assertThatThrownBy(() -> hops("{\"service\": \"s\", \"event\": \"emitted\", \"record\": \"a-0@1\", "
                + "\"at\": \"yesterday\"}"))
                .isInstanceOf(InputException.class)
                .hasMessage("trace.jsonl:1: 'at': 'yesterday' is not an ISO-8601 time such as 2024-05-01T12:00:00Z");
    }

    @Test
    void consumedReportWithParentsIsAnError() {
        assertThatThrownBy(() -> hops(report("consumed", "a-0@1", ", \"parents\": [\"b-0@1\"]")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("trace.jsonl:1: a consumed report names no parents");
    }

    @Test
    void parentAndParentsTogetherAreAnError() {
        assertThatThrownBy(() -> hops(report("emitted", "a-0@1", ", \"parent\": \"b-0@1\", \"parents\": []")))
                .isInstanceOf(InputException.class)
                .hasMessage("trace.jsonl:1: give either 'parents' or 'parent', not both");
    }

    @Test
    void malformedJsonIsAnErrorOnItsLine() {
        assertThatThrownBy(() -> hops(report("emitted", "a-0@1", "") + "{\"service\": \n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("trace.jsonl:2: malformed JSON: ");
    }

    @Test
    void lineThatIsNotAnObjectIsAnError() {
        assertThatThrownBy(() -> hops("[1, 2]\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("trace.jsonl:1: expected one JSON object per line");
    }

    @Test
    void repeatedKeyIsAnError() {
        assertThatThrownBy(() -> hops("{\"service\": \"a\", \"service\": \"b\"}"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("Duplicate field 'service'");
    }
}
