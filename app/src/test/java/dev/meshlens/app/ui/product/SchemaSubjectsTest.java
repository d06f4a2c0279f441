package dev.meshlens.app.ui.product;

import dev.meshlens.app.ui.TestMesh;
import dev.meshlens.engine.model.Lifecycle;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaSubjectsTest {

    private static String subjectFor(String schemaUri) {
        return SchemaSubjects.subjectOf(TestMesh.product("Orders", "shop.orders", "sales", null, 1, null, List.of(),
                schemaUri, null, Lifecycle.ACTIVE));
    }

    @Test
    void aRegistryUriNamesTheSubject() {
        assertThat(subjectFor("registry:orders-v2-value")).isEqualTo("orders-v2-value");
    }

    @Test
    void aRegistryUrlNamesTheSubjectAfterSubjects() {
        assertThat(subjectFor("https://registry:8081/subjects/orders-value/versions/latest"))
                .isEqualTo("orders-value");
    }

    @Test
    void withoutAUriTheTopicNameStrategyApplies() {
        assertThat(subjectFor(null)).isEqualTo("shop.orders-value");
        assertThat(subjectFor(" ")).isEqualTo("shop.orders-value");
    }
}
