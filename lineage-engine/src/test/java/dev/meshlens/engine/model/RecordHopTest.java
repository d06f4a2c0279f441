package dev.meshlens.engine.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordHopTest {
    private static final Instant AT = Instant.parse("2024-05-01T12:00:00Z");

    @Test
    void fourArgumentHopIsAnEmittedHop() {
        RecordHop hop = new RecordHop("orders-0@1", "ingest", AT, List.of());

        assertThat(hop.event()).isEqualTo(HopEvent.EMITTED);
        assertThat(hop.isConsumption()).isFalse();
    }

    @Test
    void explicitlyEmittedHopEqualsTheFourArgumentOne() {
        assertThat(new RecordHop("orders-0@1", "ingest", AT, List.of("raw-0@1"), HopEvent.EMITTED))
                .isEqualTo(new RecordHop("orders-0@1", "ingest", AT, List.of("raw-0@1")));
    }

    @Test
    void consumedHopIsAConsumption() {
        assertThat(new RecordHop("orders-0@1", "billing", AT, List.of(), HopEvent.CONSUMED).isConsumption()).isTrue();
    }

    @Test
    void consumedHopWithParentsIsRefused() {
        assertThatThrownBy(() -> new RecordHop("orders-0@1", "billing", AT, List.of("raw-0@1"), HopEvent.CONSUMED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a consumed hop has no parents");
    }

    @Test
    void eventParsesIgnoringCase() {
        assertThat(HopEvent.parse("Consumed")).isEqualTo(HopEvent.CONSUMED);
    }
}
