package dev.meshlens.engine.schema;

import dev.meshlens.engine.model.SchemaVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProtobufCompatibilityTest {

    private static final SchemaVersion V1 = new SchemaVersion("deliveries-value", 1, 9, "PROTOBUF",
            "syntax = \"proto3\"; message Delivery { string id = 1; }", null, "BACKWARD");

    @Test
    void protobufIsNotJudgedAndNeverReportedCompatible() {
        CompatibilityResult result = new CompatibilityChecker(List.of(V1))
                .check("PROTOBUF", "syntax = \"proto3\"; message Delivery { int64 id = 1; }", "BACKWARD");

        assertThat(result.judged()).isFalse();
        assertThat(result.compatible()).isFalse();
        assertThat(result.summary()).isEqualTo("BACKWARD: cannot judge");
        assertThat(result.problems()).extracting(Incompatibility::kind).containsExactly("NOT_JUDGED");
    }

    @Test
    void protobufUnderNoneNeedsNoJudgement() {
        CompatibilityResult result = new CompatibilityChecker(List.of(V1))
                .check("PROTOBUF", "message Delivery { int64 id = 1; }", "NONE");

        assertThat(result.compatible()).isTrue();
    }
}
