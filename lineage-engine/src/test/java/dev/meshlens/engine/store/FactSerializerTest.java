package dev.meshlens.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.GroupState;
import dev.meshlens.engine.model.HopEvent;
import dev.meshlens.engine.model.Lifecycle;
import dev.meshlens.engine.model.RecordHop;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.Topic;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FactSerializerTest {
    private final FactSerializer serializer = new FactSerializer();

    static Stream<Object> everyModelRecord() {
        return Stream.of(
                Facts.read("orders", "User:alice"),
                Facts.write("orders.", "User:writer"),
                Facts.topic("orders"),
                new Topic("bare", null, 1, -1, null),
                Facts.group("billing"),
                new ConsumerGroup("only-id", null, null, null, null, null),
                Facts.product("orders", 1),
                new DataProduct(null, "untiered", null, null, null, null, null, null, null, null, null,
                        Lifecycle.DEPRECATED),
                Facts.service("User:billing"),
                new ServiceInfo("User:tierless", null, null, null, false),
                Facts.mapping("billing", "User:billing"),
                Facts.schema("orders-value", 3),
                new SchemaVersion("plain", 1, 1, null, "\"string\"", null, null),
                Facts.hop("orders-0@42", "payments-1@7"),
                Facts.hop("payments-1@7", null),
                new RecordHop("orders-0@42", "billing", Instant.parse("2024-03-01T08:00:01Z"), List.of(),
                        HopEvent.CONSUMED));
    }

    @ParameterizedTest
    @MethodSource("everyModelRecord")
    void everyModelRecordRoundTrips(Object fact) {
        String json = serializer.toJson(fact);

        assertThat(serializer.fromJson(json, fact.getClass())).isEqualTo(fact);
    }

    @Test
    void groupKeepsMembersOffsetsAndState() {
        ConsumerGroup group = Facts.group("billing");

        ConsumerGroup back = serializer.fromJson(serializer.toJson(group), ConsumerGroup.class);

        assertThat(back.state()).isEqualTo(GroupState.STABLE);
        assertThat(back.members().get(0).assignment()).hasSize(1);
        assertThat(back.offsets()).extracting(o -> o.lag()).containsExactly(8L, null);
    }

    @Test
    void productWithoutTierReadsBackWithNullTierAndItsTags() {
        DataProduct product = Facts.product("orders", null);

        DataProduct back = serializer.fromJson(serializer.toJson(product), DataProduct.class);

        assertThat(back.slaTier()).isNull();
        assertThat(back.tags()).containsExactly("pii", "finance");
    }

    @Test
    void hopKeepsItsInstantToTheNanosecond() {
        String json = serializer.toJson(Facts.hop("orders-0@1", null));

        assertThat(json).contains("\"at\":\"2024-03-01T08:00:00.123456789Z\"");
    }

    @Test
    void emittedHopIsWrittenWithoutAnEventSoEarlierStoredHopsKeepTheirBytes() {
        RecordHop explicit = new RecordHop("orders-0@1", "enricher", Instant.parse("2024-03-01T08:00:00Z"),
                List.of("raw-0@9"), HopEvent.EMITTED);

        assertThat(serializer.toJson(explicit)).isEqualTo("{\"at\":\"2024-03-01T08:00:00Z\",\"parents\":[\"raw-0@9\"],"
                + "\"recordId\":\"orders-0@1\",\"service\":\"enricher\"}");
    }

    @Test
    void consumedHopKeepsItsEventThroughTheStore() {
        RecordHop consumed = new RecordHop("orders-0@1", "billing", Instant.parse("2024-03-01T08:00:00Z"), List.of(),
                HopEvent.CONSUMED);

        String json = serializer.toJson(consumed);

        assertThat(json).contains("\"event\":\"CONSUMED\"");
        assertThat(serializer.fromJson(json, RecordHop.class).event()).isEqualTo(HopEvent.CONSUMED);
    }

    @Test
    void propertiesAreSortedAndNullsLeftOut() {
        String json = serializer.toJson(new ServiceInfo("User:a", null, "team", null, true));

        assertThat(json).isEqualTo("{\"owner\":\"team\",\"principal\":\"User:a\",\"production\":true}");
    }

    @Test
    void mapEntriesAreWrittenInKeyOrderWhateverTheInsertionOrder() {
        Map<String, String> zFirst = new LinkedHashMap<>();
        zFirst.put("z", "1");
        zFirst.put("a", "2");

        assertThat(serializer.toJson(zFirst)).isEqualTo("{\"a\":\"2\",\"z\":\"1\"}");
    }

    @Test
    void derivedAccessorsAreNotWritten() {
        String acl = serializer.toJson(Facts.read("*", "User:alice"));
        String group = serializer.toJson(Facts.group("billing"));

        assertThat(acl).doesNotContain("wildcardResource");
        assertThat(group).doesNotContain("\"active\"").doesNotContain("consumedTopics").doesNotContain("lag");
    }

    @Test
    void unknownPropertiesOfANewerWriterAreIgnored() {
        String newer = "{\"groupId\":\"g\",\"principal\":\"User:a\",\"since\":\"2030\"}";

        assertThat(serializer.fromJson(newer, dev.meshlens.engine.model.GroupMapping.class))
                .isEqualTo(Facts.mapping("g", "User:a"));
    }

    @Test
    void invalidJsonIsReportedWithTheTargetType() {
        assertThatThrownBy(() -> serializer.fromJson("{\"name\":", Topic.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read Topic from JSON");
    }
}
