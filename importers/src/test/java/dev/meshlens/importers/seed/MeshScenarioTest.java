package dev.meshlens.importers.seed;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeshScenarioTest {
    private static final String DAY_ONE = """
            "topics": [{"name": "orders", "partitions": 1}],
            "acls": ["TOPIC LITERAL orders User:writer WRITE ALLOW"],
            "consumers": [
              {"group": "live", "user": "reader", "topics": ["orders"], "consumed": 1.0, "after": "active"},
              {"group": "gone", "user": "reader", "topics": ["orders"], "consumed": 1.0, "after": "stopped"}
            ]""";

    private static MeshScenario read(String json) throws IOException {
        return MeshScenario.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void scenarioWithoutLaterBlockHasAnEmptyOne() throws IOException {
        MeshScenario scenario = read("{" + DAY_ONE + "}");

        assertThat(scenario.later().isEmpty()).isTrue();
    }

    @Test
    void laterBlockIsReadWithEveryPart() throws IOException {
        MeshScenario scenario = read("{" + DAY_ONE + """
                , "later": {
                  "topics": [{"name": "refunds", "partitions": 2}],
                  "acls": ["TOPIC LITERAL refunds User:writer WRITE ALLOW"],
                  "records": [{"topic": "refunds", "count": 3, "service": "User:writer", "parents": ["orders"]}],
                  "consumers": [{"group": "new", "user": "analyst", "topics": ["refunds"], "consumed": 0.5,
                                 "after": "active"}],
                  "revokeAfterConsuming": ["TOPIC LITERAL orders User:writer WRITE ALLOW"],
                  "stopGroups": ["live"],
                  "catalog": "catalog-day2.csv"
                }}""");

        MeshScenario.Later later = scenario.later();
        assertThat(later.topics()).extracting(MeshScenario.TopicSpec::name).containsExactly("refunds");
        assertThat(later.aclBindings()).singleElement().extracting(b -> b.resourceName()).isEqualTo("refunds");
        assertThat(later.records()).singleElement().extracting(MeshScenario.RecordSpec::parents)
                .isEqualTo(java.util.List.of("orders"));
        assertThat(later.consumers()).extracting(MeshScenario.ConsumerSpec::group).containsExactly("new");
        assertThat(later.revokedBindings()).singleElement().extracting(b -> b.resourceName()).isEqualTo("orders");
        assertThat(later.stopGroups()).containsExactly("live");
        assertThat(later.catalog()).isEqualTo("catalog-day2.csv");
    }

    @Test
    void usersIncludeThoseOfTheLaterBlock() throws IOException {
        MeshScenario scenario = read("{" + DAY_ONE + """
                , "later": {
                  "acls": ["TOPIC LITERAL orders User:auditor READ ALLOW"],
                  "consumers": [{"group": "new", "user": "analyst", "topics": ["orders"], "consumed": 1.0,
                                 "after": "active"}]
                }}""");

        assertThat(scenario.users()).containsExactly("analyst", "auditor", "reader", "writer");
    }

    @Test
    void stoppingAGroupTheScenarioDoesNotLeaveActiveIsRejected() {
        assertThatThrownBy(() -> read("{" + DAY_ONE + ", \"later\": {\"stopGroups\": [\"gone\"]}}"))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessageContaining("'gone' is not a group the scenario leaves active");
    }
}
