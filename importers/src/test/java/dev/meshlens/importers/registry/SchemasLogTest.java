package dev.meshlens.importers.registry;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.SchemaVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.meshlens.importers.registry.SchemasRecords.clearSubjectKey;
import static dev.meshlens.importers.registry.SchemasRecords.clearSubjectValue;
import static dev.meshlens.importers.registry.SchemasRecords.configKey;
import static dev.meshlens.importers.registry.SchemasRecords.configValue;
import static dev.meshlens.importers.registry.SchemasRecords.deleteSubjectKey;
import static dev.meshlens.importers.registry.SchemasRecords.deleteSubjectValue;
import static dev.meshlens.importers.registry.SchemasRecords.modeKey;
import static dev.meshlens.importers.registry.SchemasRecords.noopKey;
import static dev.meshlens.importers.registry.SchemasRecords.schemaKey;
import static dev.meshlens.importers.registry.SchemasRecords.schemaValue;
import static dev.meshlens.importers.registry.SchemasRecords.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemasLogTest {
    private static final String A = "\"string\"";
    private static final String B = "\"long\"";

    private final SchemasLog log = new SchemasLog("_schemas", false);
    private long offset;

    private void write(byte[] key, byte[] value) {
        log.apply(0, offset++, key, value);
    }

    private void register(String subject, int version, int id, String schema) {
        write(schemaKey(subject, version), schemaValue(subject, version, id, "AVRO", schema, false));
    }

    private List<Integer> versionsOf(String subject) {
        return log.versions().getOrDefault(subject, List.of()).stream().map(SchemaVersion::version).toList();
    }

    @Test
    void registeredVersionKeepsIdTypeSchemaAndReferences() {
        write(schemaKey("orders-value", 3), schemaValue("orders-value", 3, 77, "PROTOBUF", "syntax = \"proto3\";",
                false, "customer.proto", "customers-value:2"));

        assertThat(log.versions().get("orders-value")).containsExactly(new SchemaVersion("orders-value", 3, 77,
                "PROTOBUF", "syntax = \"proto3\";", List.of("customers-value:2"), null));
    }

    @Test
    void laterRecordForTheSameVersionWins() {
        register("orders-value", 1, 10, A);
        register("orders-value", 1, 11, B);

        assertThat(log.versions().get("orders-value")).singleElement()
                .satisfies(v -> assertThat(v.id()).isEqualTo(11))
                .satisfies(v -> assertThat(v.schema()).isEqualTo(B));
    }

    @Test
    void softDeletedVersionIsGone() {
        register("orders-value", 1, 10, A);
        register("orders-value", 2, 11, B);
        write(schemaKey("orders-value", 1), schemaValue("orders-value", 1, 10, "AVRO", A, true));

        assertThat(versionsOf("orders-value")).containsExactly(2);
    }

    @Test
    void tombstoneRemovesTheVersion() {
        register("orders-value", 1, 10, A);
        register("orders-value", 2, 11, B);
        write(schemaKey("orders-value", 2), null);

        assertThat(versionsOf("orders-value")).containsExactly(1);
    }

    @Test
    void subjectWhoseVersionsAreAllGoneIsNotListed() {
        register("orders-value", 1, 10, A);
        write(schemaKey("orders-value", 1), null);

        assertThat(log.versions()).doesNotContainKey("orders-value");
    }

    @Test
    void deleteSubjectSoftDeletesUpToItsVersion() {
        register("orders-value", 1, 10, A);
        register("orders-value", 2, 11, B);
        write(deleteSubjectKey("orders-value"), deleteSubjectValue("orders-value", 1));

        assertThat(versionsOf("orders-value")).containsExactly(2);
    }

    @Test
    void versionRegisteredAfterDeleteSubjectIsLive() {
        register("orders-value", 1, 10, A);
        write(deleteSubjectKey("orders-value"), deleteSubjectValue("orders-value", 1));
        register("orders-value", 2, 10, A);

        assertThat(versionsOf("orders-value")).containsExactly(2);
    }

    @Test
    void clearSubjectKeepsVersionsStillRegistered() {
        register("orders-value", 1, 10, A);
        register("orders-value", 2, 11, B);
        write(schemaKey("orders-value", 1), schemaValue("orders-value", 1, 10, "AVRO", A, true));
        write(clearSubjectKey("orders-value"), clearSubjectValue("orders-value"));

        assertThat(versionsOf("orders-value")).containsExactly(2);
    }

    @Test
    void subjectLevelOverridesTheGlobalOne() {
        register("orders-value", 1, 10, A);
        register("customers-value", 1, 11, B);
        write(configKey(null), configValue("FULL"));
        write(configKey("orders-value"), configValue("NONE"));

        assertThat(log.versions().get("orders-value").get(0).compatibility()).isEqualTo("NONE");
        assertThat(log.versions().get("customers-value").get(0).compatibility()).isEqualTo("FULL");
    }

    @Test
    void withoutAnyConfigTheLevelIsUnknown() {
        register("orders-value", 1, 10, A);

        assertThat(log.versions().get("orders-value").get(0).compatibility()).isNull();
    }

    @Test
    void configTombstoneFallsBackToTheGlobalLevel() {
        register("orders-value", 1, 10, A);
        write(configKey(null), configValue("BACKWARD_TRANSITIVE"));
        write(configKey("orders-value"), configValue("NONE"));
        write(configKey("orders-value"), null);

        assertThat(log.versions().get("orders-value").get(0).compatibility()).isEqualTo("BACKWARD_TRANSITIVE");
    }

    @Test
    void noopAndModeRecordsChangeNothing() {
        register("orders-value", 1, 10, A);
        write(noopKey(), null);
        write(modeKey("orders-value"), text("{\"mode\":\"READONLY\"}"));

        assertThat(versionsOf("orders-value")).containsExactly(1);
        assertThat(log.skipped()).isEqualTo(2);
        assertThat(log.failures()).isEmpty();
    }

    @Test
    void malformedValueFailsOnlyItsSubject() {
        register("orders-value", 1, 10, A);
        register("customers-value", 1, 11, B);
        write(schemaKey("orders-value", 2), text("{\"subject\":\"orders-value\",\"version\":2,"));

        assertThat(log.versions()).containsOnlyKeys("customers-value");
        assertThat(log.failures()).containsOnlyKeys("orders-value");
        assertThat(log.failures().get("orders-value")).startsWith("_schemas-0@2: the value is not valid JSON");
    }

    @Test
    void unknownSchemaTypeFailsItsSubject() {
        write(schemaKey("orders-value", 1), schemaValue("orders-value", 1, 10, "THRIFT", A, false));

        assertThat(log.failures().get("orders-value")).startsWith("_schemas-0@0: unknown schema type 'THRIFT'");
    }

    @Test
    void keyThatIsNotJsonIsAWarningNotAFailure() {
        register("orders-value", 1, 10, A);
        write(text("not json"), text("{}"));

        assertThat(versionsOf("orders-value")).containsExactly(1);
        assertThat(log.warnings()).singleElement().asString().startsWith("_schemas-0@1: the key is not valid JSON");
    }

    @Test
    void allOrNothingThrowsAtTheFirstBadRecordNamingItsPosition() {
        SchemasLog strict = new SchemasLog("_schemas", true);
        strict.apply(0, 0, schemaKey("orders-value", 1), schemaValue("orders-value", 1, 10, "AVRO", A, false));

        assertThatThrownBy(() -> strict.apply(0, 1, schemaKey("orders-value", 2), text("{\"id\":5}")))
                .isInstanceOf(InputException.class)
                .hasMessage("_schemas-0@1: subject 'orders-value': the value has no 'schema' text "
                        + "(all-or-nothing: nothing imported)");
    }
}
