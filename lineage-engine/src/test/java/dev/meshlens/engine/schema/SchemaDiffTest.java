package dev.meshlens.engine.schema;

import dev.meshlens.engine.model.SchemaVersion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SchemaDiffTest {

    private static SchemaVersion order(int version, String fields) {
        return new SchemaVersion("orders-value", version, version, "AVRO",
                "{\"type\": \"record\", \"name\": \"Order\", \"fields\": [" + fields + "]}", null, null);
    }

    private static final String ID = "{\"name\": \"id\", \"type\": \"string\"}";
    private static final String TOTAL = "{\"name\": \"total\", \"type\": \"int\"}";
    private static final String NOTE = "{\"name\": \"note\", \"type\": \"string\"}";

    @Test
    void addedFieldIsListed() {
        SchemaDiff diff = SchemaDiff.between(order(1, ID), order(2, ID + "," + NOTE));

        assertThat(diff.added()).extracting(SchemaField::path).containsExactly("note");
        assertThat(diff.removed()).isEmpty();
    }

    @Test
    void removedFieldIsListed() {
        SchemaDiff diff = SchemaDiff.between(order(1, ID + "," + NOTE), order(2, ID));

        assertThat(diff.removed()).extracting(SchemaField::path).containsExactly("note");
        assertThat(diff.added()).isEmpty();
    }

    @Test
    void changedTypeDocAndRequiredAreNamed() {
        SchemaDiff diff = SchemaDiff.between(order(1, ID + "," + TOTAL),
                order(2, ID + ", {\"name\": \"total\", \"type\": [\"null\", \"long\"], \"doc\": \"cents\"}"));

        assertThat(diff.changed()).extracting(SchemaDiff.Row::path, SchemaDiff.Row::changed).containsExactly(
                tuple("total", Set.of(SchemaDiff.Aspect.TYPE, SchemaDiff.Aspect.DOC, SchemaDiff.Aspect.REQUIRED)));
    }

    @Test
    void addedDefaultShowsAsTypeChange() {
        SchemaDiff diff = SchemaDiff.between(order(1, NOTE),
                order(2, "{\"name\": \"note\", \"type\": \"string\", \"default\": \"\"}"));

        assertThat(diff.changed()).singleElement().satisfies(row -> {
            assertThat(row.before().type()).isEqualTo("string");
            assertThat(row.after().type()).isEqualTo("string = \"\"");
        });
    }

    @Test
    void nestedFieldsAreComparedByPath() {
        String customer = "{\"name\": \"customer\", \"type\": {\"type\": \"record\", \"name\": \"Customer\", "
                + "\"fields\": [{\"name\": \"email\", \"type\": \"string\"}%s]}}";
        SchemaDiff diff = SchemaDiff.between(order(1, customer.formatted("")),
                order(2, customer.formatted(", {\"name\": \"phone\", \"type\": [\"null\", \"string\"], "
                        + "\"default\": null}")));

        assertThat(diff.added()).extracting(SchemaField::path).containsExactly("customer.phone");
    }

    @Test
    void identicalVersionsHaveAnEmptyDiff() {
        SchemaDiff diff = SchemaDiff.between(order(1, ID + "," + TOTAL), order(2, ID + "," + TOTAL));

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.rows()).extracting(SchemaDiff.Row::status)
                .containsExactly(SchemaDiff.Status.UNCHANGED, SchemaDiff.Status.UNCHANGED);
    }

    @Test
    void sideBySideRowsKeepRemovedFieldsWhereTheyWere() {
        List<SchemaField> before = List.of(field("a"), field("b"), field("c"));
        List<SchemaField> after = List.of(field("x"), field("a"), field("c"));

        assertThat(SchemaDiff.of(before, after).rows()).extracting(SchemaDiff.Row::path, SchemaDiff.Row::status)
                .containsExactly(tuple("x", SchemaDiff.Status.ADDED), tuple("a", SchemaDiff.Status.UNCHANGED),
                        tuple("b", SchemaDiff.Status.REMOVED), tuple("c", SchemaDiff.Status.UNCHANGED));
    }

    @Test
    void removedLeadingFieldsComeFirst() {
        List<SchemaField> before = List.of(field("a"), field("b"));
        List<SchemaField> after = List.of(field("b"));

        assertThat(SchemaDiff.of(before, after).rows()).extracting(SchemaDiff.Row::path).containsExactly("a", "b");
    }

    private static SchemaField field(String path) {
        return new SchemaField(path, "string", null, true);
    }
}
