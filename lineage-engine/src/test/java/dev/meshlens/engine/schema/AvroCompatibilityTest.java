package dev.meshlens.engine.schema;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.SchemaVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class AvroCompatibilityTest {

    /** A record named Payment with the given fields (JSON), so each test shows only what it changes. */
    private static String payment(String fields) {
        return "{\"type\": \"record\", \"name\": \"Payment\", \"fields\": [" + fields + "]}";
    }

    private static final String ID = "{\"name\": \"id\", \"type\": \"string\"}";
    private static final String AMOUNT_INT = "{\"name\": \"amount\", \"type\": \"int\"}";
    private static final String AMOUNT_LONG = "{\"name\": \"amount\", \"type\": \"long\"}";
    private static final String CURRENCY = "{\"name\": \"currency\", \"type\": \"string\"}";
    private static final String CURRENCY_DEFAULT = "{\"name\": \"currency\", \"type\": \"string\", \"default\": \"EUR\"}";

    private static SchemaVersion v(int version, String schema) {
        return new SchemaVersion("payments-value", version, 100 + version, "AVRO", schema, null, null);
    }

    private static CompatibilityResult check(String proposed, String mode, String... registered) {
        List<SchemaVersion> versions = new java.util.ArrayList<>();
        for (int i = 0; i < registered.length; i++) {
            versions.add(v(i + 1, registered[i]));
        }
        return new CompatibilityChecker(versions).check("AVRO", proposed, mode);
    }

    @Test
    void addingFieldWithoutDefaultIsBackwardIncompatible() {
        CompatibilityResult result = check(payment(ID + "," + CURRENCY), "BACKWARD", payment(ID));

        assertThat(result.compatible()).isFalse();
        assertThat(result.judged()).isTrue();
        assertThat(result.problems()).extracting(Incompatibility::againstVersion, Incompatibility::fieldPath,
                Incompatibility::kind).containsExactly(tuple(1, "currency", "READER_FIELD_MISSING_DEFAULT_VALUE"));
    }

    @Test
    void addingFieldWithoutDefaultIsForwardCompatible() {
        assertThat(check(payment(ID + "," + CURRENCY), "FORWARD", payment(ID)).compatible()).isTrue();
    }

    @Test
    void addingFieldWithDefaultIsFullyCompatible() {
        assertThat(check(payment(ID + "," + CURRENCY_DEFAULT), "FULL", payment(ID)).compatible()).isTrue();
    }

    @Test
    void removingFieldWithoutDefaultIsForwardIncompatible() {
        CompatibilityResult result = check(payment(ID), "FORWARD", payment(ID + "," + CURRENCY));

        assertThat(result.compatible()).isFalse();
        assertThat(result.problems()).extracting(Incompatibility::fieldPath, Incompatibility::kind)
                .containsExactly(tuple("currency", "READER_FIELD_MISSING_DEFAULT_VALUE"));
    }

    @Test
    void removingFieldWithoutDefaultIsBackwardCompatible() {
        assertThat(check(payment(ID), "BACKWARD", payment(ID + "," + CURRENCY)).compatible()).isTrue();
    }

    @Test
    void removingFieldWithDefaultIsFullyCompatible() {
        assertThat(check(payment(ID), "FULL", payment(ID + "," + CURRENCY_DEFAULT)).compatible()).isTrue();
    }

    @Test
    void promotingIntToLongIsBackwardCompatible() {
        assertThat(check(payment(AMOUNT_LONG), "BACKWARD", payment(AMOUNT_INT)).compatible()).isTrue();
    }

    @Test
    void promotingIntToLongIsForwardIncompatible() {
        CompatibilityResult result = check(payment(AMOUNT_LONG), "FORWARD", payment(AMOUNT_INT));

        assertThat(result.problems()).extracting(Incompatibility::fieldPath, Incompatibility::kind)
                .containsExactly(tuple("amount", "TYPE_MISMATCH"));
    }

    @Test
    void fullReportsTheFailingDirectionOnly() {
        CompatibilityResult result = check(payment(AMOUNT_LONG), "FULL", payment(AMOUNT_INT));

        assertThat(result.compatible()).isFalse();
        assertThat(result.problems()).singleElement().extracting(Incompatibility::message).asString()
                .startsWith("version 1 cannot read data written with the new schema (field amount)");
    }

    @Test
    void backwardMessageSaysTheNewSchemaCannotReadOldData() {
        CompatibilityResult result = check(payment(ID + "," + CURRENCY), "BACKWARD", payment(ID));

        assertThat(result.problems().get(0).message()).isEqualTo("the new schema cannot read data written with "
                + "version 1 (field currency): the reader's field 'currency' has no default and the writer does not "
                + "write it");
    }

    @Test
    void noneAcceptsABreakingChange() {
        CompatibilityResult result = check(payment(AMOUNT_INT), "NONE", payment(CURRENCY));

        assertThat(result).isEqualTo(new CompatibilityResult("NONE", true, true, List.of()));
    }

    @Test
    void nonTransitiveModeJudgesTheLatestVersionOnly() {
        String v1 = payment(ID + ", {\"name\": \"note\", \"type\": \"int\"}");
        String v2 = payment(ID);
        String proposed = payment(ID + ", {\"name\": \"note\", \"type\": \"string\", \"default\": \"\"}");

        assertThat(check(proposed, "BACKWARD", v1, v2).compatible()).isTrue();
    }

    @Test
    void transitiveModeJudgesEveryVersion() {
        String v1 = payment(ID + ", {\"name\": \"note\", \"type\": \"int\"}");
        String v2 = payment(ID);
        String proposed = payment(ID + ", {\"name\": \"note\", \"type\": \"string\", \"default\": \"\"}");

        CompatibilityResult result = check(proposed, "BACKWARD_TRANSITIVE", v1, v2);

        assertThat(result.compatible()).isFalse();
        assertThat(result.problems()).extracting(Incompatibility::againstVersion, Incompatibility::fieldPath,
                Incompatibility::kind).containsExactly(tuple(1, "note", "TYPE_MISMATCH"));
    }

    @Test
    void forwardTransitiveJudgesEveryVersion() {
        String v1 = payment(ID + "," + CURRENCY);
        String v2 = payment(ID + "," + CURRENCY_DEFAULT);

        assertThat(check(payment(ID), "FORWARD", v1, v2).compatible()).isTrue();
        assertThat(check(payment(ID), "FORWARD_TRANSITIVE", v1, v2).problems())
                .extracting(Incompatibility::againstVersion).containsExactly(1);
    }

    @Test
    void fullTransitiveJudgesEveryVersionBothWays() {
        String v1 = payment(ID + "," + AMOUNT_INT);
        String v2 = payment(ID + "," + AMOUNT_LONG);

        assertThat(check(payment(ID + "," + AMOUNT_LONG), "FULL", v1, v2).compatible()).isTrue();
        assertThat(check(payment(ID + "," + AMOUNT_LONG), "FULL_TRANSITIVE", v1, v2).problems())
                .extracting(Incompatibility::againstVersion, Incompatibility::fieldPath)
                .containsExactly(tuple(1, "amount"));
    }

    @Test
    void registeredVersionsAreJudgedInVersionOrderWhateverTheInputOrder() {
        List<SchemaVersion> registered = List.of(v(2, payment(ID)), v(1, payment(ID + "," + AMOUNT_INT)));
        String proposed = payment(ID + "," + CURRENCY);

        CompatibilityResult result = new CompatibilityChecker(registered).check("AVRO", proposed, "BACKWARD");

        assertThat(result.problems()).extracting(Incompatibility::againstVersion).containsOnly(2);
    }

    @Test
    void nestedRecordFieldIsNamedByItsDottedPath() {
        String old = payment(ID + ", {\"name\": \"customer\", \"type\": {\"type\": \"record\", \"name\": \"Customer\","
                + " \"fields\": [{\"name\": \"email\", \"type\": \"string\"}]}}");
        String proposed = payment(ID + ", {\"name\": \"customer\", \"type\": {\"type\": \"record\", \"name\": "
                + "\"Customer\", \"fields\": [{\"name\": \"email\", \"type\": \"int\"}]}}");

        assertThat(check(proposed, "BACKWARD", old).problems()).extracting(Incompatibility::fieldPath)
                .containsExactly("customer.email");
    }

    @Test
    void fieldInsideAnOptionalRecordIsNamedRatherThanTheUnion() {
        String address = "{\"name\": \"shipping_address\", \"type\": [\"null\", {\"type\": \"record\", \"name\": "
                + "\"Address\", \"fields\": [{\"name\": \"city\", \"type\": \"string\"}, %s]}], \"default\": null}";
        String old = payment(ID + "," + address.formatted("{\"name\": \"country\", \"type\": \"string\"}"));
        String proposed = payment(ID + "," + address.formatted("{\"name\": \"country\", \"type\": {\"type\": "
                + "\"enum\", \"name\": \"Country\", \"symbols\": [\"DE\", \"FR\"]}}"));

        assertThat(check(proposed, "BACKWARD", old).problems()).extracting(Incompatibility::fieldPath,
                Incompatibility::kind).containsExactly(tuple("shipping_address.country", "TYPE_MISMATCH"));
    }

    @Test
    void fieldOfRecordsInsideAnArrayIsNamedWithBrackets() {
        String lines = "{\"name\": \"lines\", \"type\": {\"type\": \"array\", \"items\": {\"type\": \"record\", "
                + "\"name\": \"Line\", \"fields\": [{\"name\": \"quantity\", \"type\": \"%s\"}]}}}";

        assertThat(check(payment(lines.formatted("int")), "BACKWARD", payment(lines.formatted("string")))
                .problems()).extracting(Incompatibility::fieldPath).containsExactly("lines[].quantity");
    }

    @Test
    void removedEnumSymbolIsReportedOnTheEnumField() {
        String status = "{\"name\": \"status\", \"type\": {\"type\": \"enum\", \"name\": \"Status\", \"symbols\": %s}}";

        CompatibilityResult result = check(payment(status.formatted("[\"OK\"]")), "BACKWARD",
                payment(status.formatted("[\"OK\", \"DECLINED\"]")));

        assertThat(result.problems()).extracting(Incompatibility::fieldPath, Incompatibility::kind)
                .containsExactly(tuple("status", "MISSING_ENUM_SYMBOLS"));
        assertThat(result.problems().get(0).message()).contains("DECLINED");
    }

    @Test
    void renamedRootRecordIsAProblemOfTheWholeSchema() {
        String renamed = "{\"type\": \"record\", \"name\": \"Charge\", \"fields\": [" + ID + "]}";

        assertThat(check(renamed, "BACKWARD", payment(ID)).problems()).extracting(Incompatibility::fieldPath,
                Incompatibility::kind).containsExactly(tuple("", "NAME_MISMATCH"));
    }

    @Test
    void subjectLevelOfTheLatestVersionIsUsedWhenNoModeIsGiven() {
        List<SchemaVersion> registered = List.of(new SchemaVersion("payments-value", 1, 1, "AVRO", payment(ID),
                null, "NONE"));

        assertThat(new CompatibilityChecker(registered).check("AVRO", payment(CURRENCY)).mode()).isEqualTo("NONE");
    }

    @Test
    void subjectWithoutLevelIsJudgedBackwardLikeTheRegistryDefault() {
        CompatibilityResult result = new CompatibilityChecker(List.of(v(1, payment(ID))))
                .check("AVRO", payment(ID + "," + CURRENCY));

        assertThat(result.mode()).isEqualTo("BACKWARD");
        assertThat(result.compatible()).isFalse();
    }

    @Test
    void subjectWithoutVersionsAcceptsAnySchema() {
        assertThat(new CompatibilityChecker(List.of()).check("AVRO", payment(ID), "FULL_TRANSITIVE").compatible())
                .isTrue();
    }

    @Test
    void modeIsParsedIgnoringCase() {
        assertThat(check(payment(ID), "backward_transitive", payment(ID)).mode()).isEqualTo("BACKWARD_TRANSITIVE");
    }

    @Test
    void unknownModeIsRejectedListingTheModes() {
        assertThatThrownBy(() -> check(payment(ID), "SIDEWAYS", payment(ID)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SIDEWAYS")
                .hasMessageContaining("NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, "
                        + "FULL_TRANSITIVE");
    }

    @Test
    void changedSchemaTypeIsIncompatible() {
        CompatibilityResult result = new CompatibilityChecker(List.of(v(1, payment(ID))))
                .check("JSON", "{\"type\": \"object\"}", "BACKWARD");

        assertThat(result.judged()).isTrue();
        assertThat(result.problems()).extracting(Incompatibility::kind).containsExactly("SCHEMA_TYPE_CHANGED");
    }

    @Test
    void invalidProposedSchemaIsReportedAsTheProposedSchema() {
        assertThatThrownBy(() -> check("{\"type\": \"record\"", "BACKWARD", payment(ID)))
                .isInstanceOf(InputException.class).hasMessageStartingWith("proposed schema:");
    }

    @Test
    void invalidRegisteredVersionIsReportedBySubjectAndVersion() {
        assertThatThrownBy(() -> check(payment(ID), "BACKWARD", payment(ID), "{\"type\": \"nonsense\"}"))
                .isInstanceOf(InputException.class).hasMessageStartingWith("payments-value v2");
    }

    @Test
    void versionsOfSeveralSubjectsAreRejected() {
        List<SchemaVersion> mixed = List.of(v(1, payment(ID)),
                new SchemaVersion("other-value", 2, 7, "AVRO", payment(ID), null, null));

        assertThatThrownBy(() -> new CompatibilityChecker(mixed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other-value");
    }
}
