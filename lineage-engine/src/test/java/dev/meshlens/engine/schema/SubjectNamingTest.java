package dev.meshlens.engine.schema;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubjectNamingTest {

    private final SubjectNaming topicNames = SubjectNaming.topicNameStrategy();

    @Test
    void topicNameStrategyNamesValueAndKeySubjects() {
        assertThat(SubjectNaming.valueSubject("sales.orders.placed")).isEqualTo("sales.orders.placed-value");
        assertThat(SubjectNaming.keySubject("sales.orders.placed")).isEqualTo("sales.orders.placed-key");
    }

    @Test
    void valueSubjectNamesItsTopic() {
        assertThat(topicNames.topicOf("sales.orders.placed-value")).contains("sales.orders.placed");
    }

    @Test
    void keySubjectNamesItsTopicAndIsAKeySubject() {
        assertThat(topicNames.topicOf("customer.profiles-key")).contains("customer.profiles");
        assertThat(topicNames.isKeySubject("customer.profiles-key")).isTrue();
        assertThat(topicNames.isKeySubject("customer.profiles-value")).isFalse();
    }

    @Test
    void onlyTheLastSuffixIsStripped() {
        assertThat(topicNames.topicOf("sales.orders.legacy-value-value")).contains("sales.orders.legacy-value");
    }

    @Test
    void subjectOfAnotherStrategyHasNoTopicWithoutMapping() {
        assertThat(topicNames.topicOf("shop.sales.OrderPlaced")).isEmpty();
        assertThat(topicNames.topicOf("-value")).isEmpty();
    }

    @Test
    void explicitMappingResolvesRecordNameStrategySubjects() {
        SubjectNaming naming = SubjectNaming.withExplicit(Map.of("shop.sales.OrderPlaced", "sales.orders.placed"));

        assertThat(naming.topicOf("shop.sales.OrderPlaced")).contains("sales.orders.placed");
        assertThat(naming.subjectsOf("sales.orders.placed")).containsExactly("sales.orders.placed-value",
                "sales.orders.placed-key", "shop.sales.OrderPlaced");
    }

    @Test
    void explicitMappingWinsOverTopicNameStrategy() {
        SubjectNaming naming = SubjectNaming.withExplicit(Map.of("orders-value", "sales.orders.placed"));

        assertThat(naming.topicOf("orders-value")).contains("sales.orders.placed");
        assertThat(naming.subjectsOf("orders")).containsExactly("orders-key");
    }

    @Test
    void blankExplicitTopicIsRejected() {
        assertThatThrownBy(() -> SubjectNaming.withExplicit(Map.of("a", " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
    }
}
