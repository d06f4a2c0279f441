package dev.meshlens.engine.trace;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordIdTest {

    @Test
    void topicMayContainDashesAndDots() {
        assertThat(RecordId.parse("sales.orders-eu-3@1042")).isEqualTo(new RecordId("sales.orders-eu", 3, 1042));
    }

    @Test
    void printsAsTheHeaderWritesIt() {
        assertThat(new RecordId("orders", 0, 42)).hasToString("orders-0@42");
    }

    @Test
    void textWithoutPartitionIsNoRecordId() {
        assertThat(RecordId.tryParse("orders@42")).isEmpty();
    }

    @Test
    void textWithANonNumericOffsetIsNoRecordId() {
        assertThat(RecordId.tryParse("orders-0@latest")).isEmpty();
    }

    @Test
    void parseNamesTheExpectedForm() {
        assertThatThrownBy(() -> RecordId.parse("orders"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("record id 'orders' is not of the form topic-partition@offset, e.g. orders-0@42");
    }

    @Test
    void textOrderComparesOffsetsAsNumbers() {
        List<String> sorted = Stream.of("t-1@0", "t-0@10", "t-0@9").sorted(RecordId.TEXT_ORDER).toList();

        assertThat(sorted).containsExactly("t-0@9", "t-0@10", "t-1@0");
    }
}
