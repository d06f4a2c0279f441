package dev.meshlens.engine.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaTypeTest {

    @Test
    void missingTypeIsAvroAsInTheRegistryApi() {
        assertThat(SchemaType.parse(null)).isEqualTo(SchemaType.AVRO);
        assertThat(SchemaType.parse(" ")).isEqualTo(SchemaType.AVRO);
    }

    @Test
    void typeIsParsedIgnoringCase() {
        assertThat(SchemaType.parse("protobuf")).isEqualTo(SchemaType.PROTOBUF);
    }

    @Test
    void unknownTypeIsRejectedListingTheTypes() {
        assertThatThrownBy(() -> SchemaType.parse("XML")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'XML'").hasMessageContaining("[AVRO, JSON, PROTOBUF]");
    }

    @Test
    void fileExtensionNamesTheType() {
        assertThat(SchemaType.forFileName("orders-value.v3.AVSC")).contains(SchemaType.AVRO);
        assertThat(SchemaType.forFileName("kpi.json")).contains(SchemaType.JSON);
        assertThat(SchemaType.forFileName("delivery.proto")).contains(SchemaType.PROTOBUF);
        assertThat(SchemaType.forFileName("README.md")).isEmpty();
    }
}
