package dev.meshlens.engine.schema;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.SchemaVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroSchemaFieldsTest {

    private static final String ORDER = """
            {"type": "record", "name": "Order", "namespace": "shop", "fields": [
              {"name": "order_id", "type": "string", "doc": "Order number"},
              {"name": "customer", "type": {"type": "record", "name": "Customer", "fields": [
                {"name": "email", "type": "string", "doc": "PII: e-mail"},
                {"name": "address", "type": ["null", {"type": "record", "name": "Address", "fields": [
                  {"name": "city", "type": "string"}]}], "default": null}]}},
              {"name": "coupon", "type": ["null", "string"], "default": null},
              {"name": "channel", "type": "string", "default": "web"},
              {"name": "note", "type": ["null", "string"]},
              {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "OrderLine",
                "fields": [{"name": "sku", "type": "string"}, {"name": "quantity", "type": "int"}]}}},
              {"name": "attributes", "type": {"type": "map", "values": "long"}},
              {"name": "total", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}},
              {"name": "placed_at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "currency", "type": {"type": "enum", "name": "Currency", "symbols": ["EUR", "USD"]}}
            ]}""";

    private static List<SchemaField> fields(String avro) {
        return SchemaFields.of(new SchemaVersion("orders-value", 1, 1, "AVRO", avro, null, null));
    }

    private static SchemaField field(String avro, String path) {
        return fields(avro).stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow(
                () -> new AssertionError("no field " + path + " in " + fields(avro)));
    }

    @Test
    void nestedRecordsAreFlattenedToDottedPaths() {
        assertThat(fields(ORDER)).extracting(SchemaField::path)
                .containsSubsequence("order_id", "customer", "customer.email", "customer.address",
                        "customer.address.city", "coupon");
    }

    @Test
    void recordFieldsNameTheirRecordType() {
        assertThat(field(ORDER, "customer").type()).isEqualTo("record Customer");
    }

    @Test
    void unionsShowTheirBranchesJoinedByBars() {
        assertThat(field(ORDER, "note").type()).isEqualTo("null|string");
    }

    @Test
    void arraysShowItemTypeAndTheirRecordFieldsUnderBrackets() {
        assertThat(field(ORDER, "lines").type()).isEqualTo("array<record OrderLine>");
        assertThat(field(ORDER, "lines[].quantity").type()).isEqualTo("int");
    }

    @Test
    void mapsShowTheirValueType() {
        assertThat(field(ORDER, "attributes").type()).isEqualTo("map<long>");
    }

    @Test
    void logicalTypesAreNamed() {
        assertThat(field(ORDER, "total").type()).isEqualTo("decimal(10,2)");
        assertThat(field(ORDER, "placed_at").type()).isEqualTo("timestamp-millis");
    }

    @Test
    void enumsShowTheirSymbols() {
        assertThat(field(ORDER, "currency").type()).isEqualTo("enum Currency{EUR,USD}");
    }

    @Test
    void docsAreKept() {
        assertThat(field(ORDER, "customer.email").doc()).isEqualTo("PII: e-mail");
        assertThat(field(ORDER, "coupon").doc()).isNull();
    }

    @Test
    void defaultsFollowTheTypeAsJson() {
        assertThat(field(ORDER, "channel").type()).isEqualTo("string = \"web\"");
        assertThat(field(ORDER, "coupon").type()).isEqualTo("null|string = null");
    }

    @Test
    void requiredMeansNoDefaultAndNotNullable() {
        assertThat(field(ORDER, "order_id").required()).isTrue();
        assertThat(field(ORDER, "channel").required()).as("has a default").isFalse();
        assertThat(field(ORDER, "note").required()).as("nullable without default").isFalse();
    }

    @Test
    void recursiveRecordIsListedOnce() {
        String tree = """
                {"type": "record", "name": "Category", "fields": [
                  {"name": "name", "type": "string"},
                  {"name": "parent", "type": ["null", "Category"], "default": null}]}""";

        assertThat(fields(tree)).extracting(SchemaField::path).containsExactly("name", "parent");
    }

    @Test
    void schemaThatIsNotARecordIsOneFieldWithEmptyPath() {
        assertThat(fields("\"string\"")).containsExactly(new SchemaField("", "string", null, true));
    }

    @Test
    void invalidJsonIsReportedWithSubjectVersionAndLine() {
        String broken = "{\"type\": \"record\",\n \"name\": \"X\",\n \"fields\": [,]}";

        assertThatThrownBy(() -> fields(broken)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("orders-value v1:3: not valid JSON");
    }

    @Test
    void unknownTypeIsReportedAtTheLineThatNamesIt() {
        String broken = "{\"type\": \"record\", \"name\": \"X\", \"fields\": [\n"
                + "  {\"name\": \"a\", \"type\": \"string\"},\n"
                + "  {\"name\": \"b\", \"type\": \"Money\"}]}";

        assertThatThrownBy(() -> fields(broken)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("orders-value v1:3: not a valid Avro schema")
                .hasMessageContaining("Money");
    }

    @Test
    void duplicateFieldIsReportedAtItsSecondDefinition() {
        String broken = "{\"type\": \"record\", \"name\": \"X\", \"fields\": [\n"
                + "  {\"name\": \"a\", \"type\": \"int\"},\n"
                + "  {\"name\": \"a\", \"type\": \"string\"}]}";

        assertThatThrownBy(() -> fields(broken)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("orders-value v1:3: not a valid Avro schema: Duplicate field a");
    }
}
