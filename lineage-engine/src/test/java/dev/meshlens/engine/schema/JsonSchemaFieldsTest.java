package dev.meshlens.engine.schema;

import dev.meshlens.engine.model.InputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonSchemaFieldsTest {

    private static final String KPI = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "required": ["kpi", "window"],
              "properties": {
                "kpi": {"type": "string", "enum": ["revenue", "orders"], "description": "Which KPI"},
                "value": {"type": ["number", "null"], "default": 0},
                "window": {"$ref": "#/$defs/Window"},
                "owner": {"$ref": "#/definitions/Person"},
                "breakdown": {"type": "array", "items": {"$ref": "#/$defs/Slice"}},
                "computed_at": {"type": "string", "format": "date-time"}
              },
              "$defs": {
                "Window": {"type": "object", "required": ["start"], "description": "Time window",
                  "properties": {"start": {"type": "string", "format": "date-time"},
                                 "end": {"type": "string", "format": "date-time"}}},
                "Slice": {"type": "object", "required": ["label"],
                  "properties": {"label": {"type": "string"}, "share": {"type": "number"}}}
              },
              "definitions": {
                "Person": {"type": "object", "properties": {"email": {"type": "string", "title": "E-mail"}}}
              }
            }""";

    private static List<SchemaField> fields(String json) {
        return SchemaFields.of(SchemaType.JSON, "kpi.json", json);
    }

    private static SchemaField field(String json, String path) {
        return fields(json).stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow(
                () -> new AssertionError("no field " + path + " in " + fields(json)));
    }

    @Test
    void propertiesAreListedRecursivelyThroughDefsReferences() {
        assertThat(fields(KPI)).extracting(SchemaField::path).containsSubsequence(
                "kpi", "value", "window", "window.start", "window.end", "owner", "owner.email",
                "breakdown", "breakdown[].label", "breakdown[].share", "computed_at");
    }

    @Test
    void requiredComesFromTheEnclosingObjectsRequiredArray() {
        assertThat(field(KPI, "kpi").required()).isTrue();
        assertThat(field(KPI, "value").required()).isFalse();
        assertThat(field(KPI, "window.start").required()).isTrue();
        assertThat(field(KPI, "window.end").required()).isFalse();
    }

    @Test
    void referencedObjectsAreNamedByTheirDefinition() {
        assertThat(field(KPI, "window").type()).isEqualTo("object Window");
        assertThat(field(KPI, "owner").type()).isEqualTo("object Person");
        assertThat(field(KPI, "breakdown").type()).isEqualTo("array<object Slice>");
    }

    @Test
    void typesShowUnionsFormatsEnumsAndDefaults() {
        assertThat(field(KPI, "value").type()).isEqualTo("number|null = 0");
        assertThat(field(KPI, "computed_at").type()).isEqualTo("string(date-time)");
        assertThat(field(KPI, "kpi").type()).isEqualTo("string enum{\"revenue\",\"orders\"}");
    }

    @Test
    void descriptionsAreDocsAndTitlesStandInWhenThereIsNoDescription() {
        assertThat(field(KPI, "kpi").doc()).isEqualTo("Which KPI");
        assertThat(field(KPI, "window").doc()).isEqualTo("Time window");
        assertThat(field(KPI, "owner.email").doc()).isEqualTo("E-mail");
    }

    @Test
    void recursiveReferenceIsListedOnce() {
        String tree = """
                {"$ref": "#/$defs/Node", "$defs": {"Node": {"type": "object", "properties": {
                  "name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#/$defs/Node"}}}}}}""";

        assertThat(fields(tree)).extracting(SchemaField::path).containsExactly("name", "children");
    }

    @Test
    void externalReferenceIsShownUnresolved() {
        String json = "{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"common.json#/Money\"}}}";

        assertThat(field(json, "a").type()).isEqualTo("$ref common.json#/Money");
    }

    @Test
    void duplicateKeyIsReportedWithItsLine() {
        String json = "{\"type\": \"object\",\n \"properties\": {},\n \"type\": \"string\"}";

        assertThatThrownBy(() -> fields(json)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("kpi.json:3: not valid JSON")
                .hasMessageContaining("type");
    }

    @Test
    void documentThatIsNotAnObjectIsRejected() {
        assertThatThrownBy(() -> fields("[1, 2]")).isInstanceOf(InputException.class)
                .hasMessageContaining("kpi.json").hasMessageContaining("must be an object");
    }
}
