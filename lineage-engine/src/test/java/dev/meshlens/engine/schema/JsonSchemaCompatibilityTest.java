package dev.meshlens.engine.schema;

import dev.meshlens.engine.model.SchemaVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class JsonSchemaCompatibilityTest {

    private static CompatibilityResult check(String proposed, String mode, String registered) {
        SchemaVersion v1 = new SchemaVersion("kpi-value", 1, 1, "JSON", registered, null, null);
        return new CompatibilityChecker(List.of(v1)).check("JSON", proposed, mode);
    }

    /** An object schema with the given properties (JSON) and extra keywords. */
    private static String object(String properties, String extra) {
        return "{\"type\": \"object\", \"properties\": {" + properties + "}" + (extra.isEmpty() ? "" : ", " + extra)
                + "}";
    }

    private static final String KPI = "\"kpi\": {\"type\": \"string\"}";
    private static final String VALUE = "\"value\": {\"type\": \"number\"}";

    @Test
    void requiredPropertyAddedIsBackwardIncompatible() {
        CompatibilityResult result = check(object(KPI + "," + VALUE, "\"required\": [\"value\"]"), "BACKWARD",
                object(KPI, ""));

        assertThat(result.problems()).extracting(Incompatibility::fieldPath, Incompatibility::kind)
                .containsExactly(tuple("value", "REQUIRED_PROPERTY_ADDED"));
    }

    @Test
    void optionalPropertyAddedIsBackwardCompatible() {
        assertThat(check(object(KPI + "," + VALUE, ""), "BACKWARD", object(KPI, "")).compatible()).isTrue();
    }

    @Test
    void requiredPropertyRemovedIsForwardIncompatible() {
        CompatibilityResult result = check(object(KPI, ""), "FORWARD",
                object(KPI + "," + VALUE, "\"required\": [\"value\"]"));

        assertThat(result.problems()).extracting(Incompatibility::fieldPath, Incompatibility::kind)
                .containsExactly(tuple("value", "REQUIRED_PROPERTY_REMOVED"));
    }

    @Test
    void propertyRemovedFromAClosedObjectIsBackwardIncompatible() {
        CompatibilityResult result = check(object(KPI, "\"additionalProperties\": false"), "BACKWARD",
                object(KPI + "," + VALUE, "\"additionalProperties\": false"));

        assertThat(result.problems()).extracting(Incompatibility::fieldPath, Incompatibility::kind)
                .containsExactly(tuple("value", "PROPERTY_REMOVED"));
    }

    @Test
    void propertyRemovedFromAnOpenObjectIsBackwardCompatible() {
        assertThat(check(object(KPI, ""), "BACKWARD", object(KPI + "," + VALUE, "")).compatible()).isTrue();
    }

    @Test
    void closingAdditionalPropertiesIsBackwardIncompatible() {
        CompatibilityResult result = check(object(KPI, "\"additionalProperties\": false"), "BACKWARD",
                object(KPI, ""));

        assertThat(result.problems()).extracting(Incompatibility::fieldPath, Incompatibility::kind)
                .containsExactly(tuple("", "ADDITIONAL_PROPERTIES_CLOSED"));
    }

    @Test
    void narrowedTypeIsBackwardIncompatible() {
        CompatibilityResult result = check(object("\"value\": {\"type\": \"integer\"}", ""), "BACKWARD",
                object("\"value\": {\"type\": [\"integer\", \"string\"]}", ""));

        assertThat(result.problems()).extracting(Incompatibility::fieldPath, Incompatibility::kind)
                .containsExactly(tuple("value", "TYPE_NARROWED"));
    }

    @Test
    void widenedTypeIsBackwardCompatibleAndForwardIncompatible() {
        String older = object("\"value\": {\"type\": \"integer\"}", "");
        String newer = object(VALUE, "");

        assertThat(check(newer, "BACKWARD", older).compatible()).as("every integer is a number").isTrue();
        assertThat(check(newer, "FORWARD", older).problems()).extracting(Incompatibility::kind)
                .containsExactly("TYPE_WIDENED");
    }

    @Test
    void changedTypeIsIncompatibleBothWays() {
        CompatibilityResult result = check(object("\"kpi\": {\"type\": \"integer\"}", ""), "FULL", object(KPI, ""));

        assertThat(result.problems()).extracting(Incompatibility::fieldPath, Incompatibility::kind)
                .containsExactly(tuple("kpi", "TYPE_CHANGED"), tuple("kpi", "TYPE_CHANGED"));
    }

    @Test
    void removedEnumValueIsBackwardIncompatible() {
        String older = object("\"kpi\": {\"enum\": [\"revenue\", \"orders\"]}", "");
        String newer = object("\"kpi\": {\"enum\": [\"revenue\"]}", "");

        CompatibilityResult result = check(newer, "BACKWARD", older);

        assertThat(result.problems()).extracting(Incompatibility::fieldPath, Incompatibility::kind)
                .containsExactly(tuple("kpi", "ENUM_VALUES_REMOVED"));
        assertThat(result.problems().get(0).message()).contains("\"orders\"");
    }

    @Test
    void addedEnumValueIsForwardIncompatible() {
        String older = object("\"kpi\": {\"enum\": [\"revenue\"]}", "");
        String newer = object("\"kpi\": {\"enum\": [\"revenue\", \"orders\"]}", "");

        assertThat(check(newer, "BACKWARD", older).compatible()).isTrue();
        assertThat(check(newer, "FORWARD", older).problems()).extracting(Incompatibility::kind)
                .containsExactly("ENUM_VALUES_ADDED");
    }

    @Test
    void tighterBoundIsBackwardIncompatible() {
        CompatibilityResult result = check(object("\"kpi\": {\"type\": \"string\", \"maxLength\": 10}", ""),
                "BACKWARD", object("\"kpi\": {\"type\": \"string\", \"maxLength\": 64}", ""));

        assertThat(result.problems()).extracting(Incompatibility::kind).containsExactly("RANGE_NARROWED");
    }

    @Test
    void nestedPropertiesBehindReferencesAreNamedByPath() {
        String older = """
                {"type": "object", "properties": {"owner": {"$ref": "#/$defs/Person"}},
                 "$defs": {"Person": {"type": "object", "properties": {"email": {"type": "string"}}}}}""";
        String newer = """
                {"type": "object", "properties": {"owner": {"$ref": "#/definitions/Person"}},
                 "definitions": {"Person": {"type": "object", "properties": {"email": {"type": "integer"}}}}}""";

        assertThat(check(newer, "BACKWARD", older).problems()).extracting(Incompatibility::fieldPath)
                .containsExactly("owner.email");
    }

    @Test
    void arrayItemsAreComparedUnderBrackets() {
        String items = "\"lines\": {\"type\": \"array\", \"items\": {\"type\": \"object\", \"properties\": "
                + "{\"qty\": {\"type\": \"%s\"}}}}";

        assertThat(check(object(items.formatted("integer"), ""), "BACKWARD", object(items.formatted("number"), ""))
                .problems()).extracting(Incompatibility::fieldPath).containsExactly("lines[].qty");
    }

    @Test
    void changeInsideOneOfCannotBeJudged() {
        String older = object("\"id\": {\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}", "");
        String newer = object("\"id\": {\"oneOf\": [{\"type\": \"string\"}]}", "");

        CompatibilityResult result = check(newer, "BACKWARD", older);

        assertThat(result.judged()).isFalse();
        assertThat(result.compatible()).isFalse();
        assertThat(result.problems()).extracting(Incompatibility::fieldPath, Incompatibility::kind)
                .containsExactly(tuple("id", "NOT_JUDGED"));
    }

    @Test
    void recursiveDefinitionsAreComparedWithoutLooping() {
        String tree = """
                {"$ref": "#/$defs/Node", "$defs": {"Node": {"type": "object", "properties": {
                  "name": {"type": "%s"}, "children": {"type": "array", "items": {"$ref": "#/$defs/Node"}}}}}}""";

        assertThat(check(tree.formatted("string"), "FULL", tree.formatted("string")).compatible()).isTrue();
        assertThat(check(tree.formatted("integer"), "BACKWARD", tree.formatted("string")).problems())
                .extracting(Incompatibility::fieldPath).containsExactly("name");
    }
}
