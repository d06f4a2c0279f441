package dev.meshlens.importers.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshlens.engine.model.SchemaVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The records written to {@code _schemas} have the registry's own shape. */
class SchemasTopicSeederTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void schemaKeyNamesSubjectAndVersion() throws Exception {
        SchemaVersion v = new SchemaVersion("orders-value", 2, 17, "AVRO", "\"string\"", List.of(), "BACKWARD");

        assertThat(JSON.readTree(SchemasTopicSeeder.schemaKey(v))).isEqualTo(JSON.readTree(
                "{\"keytype\":\"SCHEMA\",\"subject\":\"orders-value\",\"version\":2,\"magic\":1}"));
    }

    @Test
    void avroValueLeavesTheSchemaTypeOut() throws Exception {
        SchemaVersion v = new SchemaVersion("orders-value", 2, 17, "AVRO", "\"string\"", List.of(), null);

        assertThat(JSON.readTree(SchemasTopicSeeder.schemaValue(v))).isEqualTo(JSON.readTree(
                "{\"subject\":\"orders-value\",\"version\":2,\"id\":17,\"schema\":\"\\\"string\\\"\","
                        + "\"references\":[],\"deleted\":false}"));
    }

    @Test
    void protobufValueNamesItsTypeAndReferences() throws Exception {
        SchemaVersion v = new SchemaVersion("shipments-value", 1, 30, "PROTOBUF", "syntax = \"proto3\";",
                List.of("common.proto:3"), null);

        var value = JSON.readTree(SchemasTopicSeeder.schemaValue(v));

        assertThat(value.get("schemaType").asText()).isEqualTo("PROTOBUF");
        assertThat(value.get("references")).isEqualTo(JSON.readTree(
                "[{\"name\":\"common.proto\",\"subject\":\"common.proto\",\"version\":3}]"));
    }
}
