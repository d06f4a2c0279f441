package dev.meshlens.engine.acl;

import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.meshlens.engine.model.AclOperation.ALL;
import static dev.meshlens.engine.model.AclOperation.ALTER_CONFIGS;
import static dev.meshlens.engine.model.AclOperation.CREATE;
import static dev.meshlens.engine.model.AclOperation.DESCRIBE;
import static dev.meshlens.engine.model.AclOperation.DESCRIBE_CONFIGS;
import static dev.meshlens.engine.model.AclOperation.READ;
import static dev.meshlens.engine.model.AclOperation.WRITE;
import static dev.meshlens.engine.model.AclPermission.ALLOW;
import static dev.meshlens.engine.model.AclPermission.DENY;
import static dev.meshlens.engine.model.PatternType.LITERAL;
import static dev.meshlens.engine.model.PatternType.PREFIXED;
import static dev.meshlens.engine.model.ResourceType.GROUP;
import static dev.meshlens.engine.model.ResourceType.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class AclAuthorizerTest {

    private static final String ALICE = "User:alice";
    private static final String BOB = "User:bob";
    private static final String HOST = "10.0.0.5";

    private static AclBinding topic(PatternType pattern, String name, String principal, AclOperation op,
                                    AclPermission permission) {
        return new AclBinding(TOPIC, pattern, name, principal, "*", op, permission);
    }

    private static AclAuthorizer authorizer(AclBinding... bindings) {
        return new AclAuthorizer(List.of(bindings));
    }

    @Test
    void literalAllowGrantsTheExactName() {
        AclAuthorizer acl = authorizer(topic(LITERAL, "orders", ALICE, READ, ALLOW));

        assertThat(acl.authorize(ALICE, HOST, READ, TOPIC, "orders")).isTrue();
    }

    @Test
    void literalBindingIsNotAPrefix() {
        AclAuthorizer acl = authorizer(topic(LITERAL, "orders", ALICE, READ, ALLOW));

        assertThat(acl.authorize(ALICE, HOST, READ, TOPIC, "orders-eu")).isFalse();
    }

    @Test
    void literalWildcardNameMatchesEveryName() {
        AclAuthorizer acl = authorizer(topic(LITERAL, "*", ALICE, READ, ALLOW));

        assertThat(acl.authorize(ALICE, HOST, READ, TOPIC, "anything")).isTrue();
    }

    @Test
    void literalWildcardDoesNotMatchNamesStartingWithStarAsInKafka() {
        AclAuthorizer acl = new AclAuthorizer(List.of(new AclBinding(GROUP, LITERAL, "*", ALICE, "*", READ, ALLOW)));

        assertThat(acl.authorize(ALICE, HOST, READ, GROUP, "*orders")).isFalse();
    }

    @Test
    void prefixedMatchesNamesStartingWithThePrefix() {
        AclAuthorizer acl = authorizer(topic(PREFIXED, "orders-", ALICE, READ, ALLOW));

        assertThat(acl.authorize(ALICE, HOST, READ, TOPIC, "orders-eu")).isTrue();
    }

    @Test
    void prefixedMatchesTheNameEqualToThePrefix() {
        AclAuthorizer acl = authorizer(topic(PREFIXED, "orders-", ALICE, READ, ALLOW));

        assertThat(acl.authorize(ALICE, HOST, READ, TOPIC, "orders-")).isTrue();
    }

    @Test
    void prefixedDoesNotMatchANameOneCharacterShort() {
        AclAuthorizer acl = authorizer(topic(PREFIXED, "orders-", ALICE, READ, ALLOW));

        assertThat(acl.authorize(ALICE, HOST, READ, TOPIC, "orders")).isFalse();
    }

    @Test
    void prefixedStarIsNotTheWildcard() {
        AclAuthorizer acl = authorizer(topic(PREFIXED, "*", ALICE, READ, ALLOW));

        assertThat(acl.authorize(ALICE, HOST, READ, TOPIC, "orders")).isFalse();
    }

    @Test
    void wildcardPrincipalAppliesToEveryPrincipal() {
        AclAuthorizer acl = authorizer(topic(LITERAL, "orders", "User:*", READ, ALLOW));

        assertThat(acl.authorize(BOB, HOST, READ, TOPIC, "orders")).isTrue();
    }

    @Test
    void otherPrincipalsBindingDoesNotApply() {
        AclAuthorizer acl = authorizer(topic(LITERAL, "orders", ALICE, READ, ALLOW));

        assertThat(acl.authorize(BOB, HOST, READ, TOPIC, "orders")).isFalse();
    }

    @Test
    void hostRestrictedAllowHoldsOnlyFromThatHost() {
        AclAuthorizer acl = authorizer(new AclBinding(TOPIC, LITERAL, "orders", ALICE, HOST, READ, ALLOW));

        assertThat(acl.authorize(ALICE, HOST, READ, TOPIC, "orders")).isTrue();
        assertThat(acl.authorize(ALICE, "10.0.0.6", READ, TOPIC, "orders")).isFalse();
    }

    @Test
    void denyWinsOverAllow() {
        AclAuthorizer acl = authorizer(topic(PREFIXED, "orders", ALICE, READ, ALLOW),
                topic(LITERAL, "orders-eu", ALICE, READ, DENY));

        assertThat(acl.authorize(ALICE, HOST, READ, TOPIC, "orders-eu")).isFalse();
    }

    @Test
    void denyThroughWildcardPrincipalWins() {
        AclAuthorizer acl = authorizer(topic(LITERAL, "orders", ALICE, READ, ALLOW),
                topic(LITERAL, "*", "User:*", READ, DENY));

        assertThat(acl.authorize(ALICE, HOST, READ, TOPIC, "orders")).isFalse();
    }

    @Test
    void denyFromOneHostLeavesOtherHostsAllowed() {
        AclAuthorizer acl = authorizer(topic(LITERAL, "orders", ALICE, READ, ALLOW),
                new AclBinding(TOPIC, LITERAL, "orders", ALICE, "10.0.0.9", READ, DENY));

        assertThat(acl.authorize(ALICE, "10.0.0.9", READ, TOPIC, "orders")).isFalse();
        assertThat(acl.authorize(ALICE, HOST, READ, TOPIC, "orders")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(AclOperation.class)
    void allowAllImpliesEveryOperation(AclOperation op) {
        AclAuthorizer acl = authorizer(topic(LITERAL, "orders", ALICE, ALL, ALLOW));

        assertThat(acl.authorize(ALICE, HOST, op, TOPIC, "orders")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(AclOperation.class)
    void denyAllDeniesEveryOperation(AclOperation op) {
        AclAuthorizer acl = authorizer(topic(LITERAL, "orders", ALICE, op, ALLOW),
                topic(LITERAL, "orders", ALICE, ALL, DENY));

        assertThat(acl.authorize(ALICE, HOST, op, TOPIC, "orders")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = AclOperation.class, names = {"READ", "WRITE", "DELETE", "ALTER"})
    void allowOfDataOperationImpliesDescribe(AclOperation op) {
        AclAuthorizer acl = authorizer(topic(LITERAL, "orders", ALICE, op, ALLOW));

        assertThat(acl.authorize(ALICE, HOST, DESCRIBE, TOPIC, "orders")).isTrue();
    }

    @Test
    void allowCreateDoesNotImplyDescribe() {
        AclAuthorizer acl = authorizer(topic(LITERAL, "orders", ALICE, CREATE, ALLOW));

        assertThat(acl.authorize(ALICE, HOST, DESCRIBE, TOPIC, "orders")).isFalse();
    }

    @Test
    void allowAlterConfigsImpliesDescribeConfigs() {
        AclAuthorizer acl = authorizer(topic(LITERAL, "orders", ALICE, ALTER_CONFIGS, ALLOW));

        assertThat(acl.authorize(ALICE, HOST, DESCRIBE_CONFIGS, TOPIC, "orders")).isTrue();
    }

    @Test
    void denyOfReadDoesNotDenyDescribe() {
        AclAuthorizer acl = authorizer(topic(LITERAL, "orders", ALICE, DESCRIBE, ALLOW),
                topic(LITERAL, "orders", ALICE, READ, DENY));

        assertThat(acl.authorize(ALICE, HOST, DESCRIBE, TOPIC, "orders")).isTrue();
    }

    @Test
    void implicationDoesNotRunBackwards() {
        AclAuthorizer acl = authorizer(topic(LITERAL, "orders", ALICE, DESCRIBE, ALLOW));

        assertThat(acl.authorize(ALICE, HOST, READ, TOPIC, "orders")).isFalse();
    }

    @Test
    void noMatchingBindingDenies() {
        AclAuthorizer acl = authorizer();

        assertThat(acl.authorize(ALICE, HOST, READ, TOPIC, "orders")).isFalse();
    }

    @Test
    void resourceTypesAreSeparate() {
        AclAuthorizer acl = authorizer(topic(LITERAL, "orders", ALICE, READ, ALLOW));

        assertThat(acl.authorize(ALICE, HOST, READ, GROUP, "orders")).isFalse();
    }

    @Test
    void superUserIsAllowedWithoutBindings() {
        AclAuthorizer acl = new AclAuthorizer(List.of(), Set.of("User:admin"));

        assertThat(acl.authorize("User:admin", HOST, WRITE, TOPIC, "orders")).isTrue();
    }

    @Test
    void superUserIsAllowedDespiteDeny() {
        AclAuthorizer acl = new AclAuthorizer(List.of(topic(LITERAL, "*", "User:*", ALL, DENY)), Set.of("User:admin"));

        assertThat(acl.authorize("User:admin", HOST, WRITE, TOPIC, "orders")).isTrue();
    }

    @Test
    void hostsAllowedKeepsTheHostRestriction() {
        AclAuthorizer acl = authorizer(new AclBinding(TOPIC, LITERAL, "orders", ALICE, HOST, READ, ALLOW));

        assertThat(acl.hostsAllowed(ALICE, READ, TOPIC, "orders")).isEqualTo(new HostScope(false, new TreeSet<>(
                Set.of(HOST))));
    }

    @Test
    void hostsAllowedIsEveryHostExceptTheDeniedOnes() {
        AclAuthorizer acl = authorizer(topic(LITERAL, "orders", ALICE, READ, ALLOW),
                new AclBinding(TOPIC, LITERAL, "orders", ALICE, "10.0.0.9", READ, DENY));

        assertThat(acl.hostsAllowed(ALICE, READ, TOPIC, "orders").labels()).containsExactly("*", "!10.0.0.9");
    }

    @Test
    void hostsAllowedIsNoneWhenDeniedFromEveryHost() {
        AclAuthorizer acl = authorizer(new AclBinding(TOPIC, LITERAL, "orders", ALICE, HOST, READ, ALLOW),
                topic(LITERAL, "orders", ALICE, READ, DENY));

        assertThat(acl.hostsAllowed(ALICE, READ, TOPIC, "orders").isEmpty()).isTrue();
    }

    @Test
    void topicsAllowedCombinesLiteralPrefixedAndDeny() {
        AclAuthorizer acl = authorizer(topic(LITERAL, "payments", ALICE, READ, ALLOW),
                topic(PREFIXED, "orders-", ALICE, READ, ALLOW),
                topic(LITERAL, "orders-us", ALICE, READ, DENY));

        assertThat(acl.topicsAllowed(ALICE, READ, List.of("orders", "orders-eu", "orders-us", "payments", "pay")))
                .containsExactly("orders-eu", "payments");
    }

    @Test
    void topicsAllowedThroughWildcardCoversEveryTopic() {
        AclAuthorizer acl = authorizer(topic(LITERAL, "*", "User:*", WRITE, ALLOW));

        assertThat(acl.topicsAllowed(BOB, WRITE, List.of("a", "b"))).containsExactly("a", "b");
    }

    @Test
    void resourcesAllowedCarriesTheHosts() {
        AclAuthorizer acl = authorizer(new AclBinding(TOPIC, PREFIXED, "orders", ALICE, HOST, WRITE, ALLOW));

        assertThat(acl.resourcesAllowed(ALICE, WRITE, TOPIC, new TreeSet<>(List.of("orders", "payments"))))
                .containsExactly(entry("orders", new HostScope(false, new TreeSet<>(Set.of(HOST)))));
    }

    @Test
    void principalsAllowedExpandsTheWildcardPrincipal() {
        AclAuthorizer acl = new AclAuthorizer(List.of(new AclBinding(GROUP, PREFIXED, "billing", "User:*", "*", READ,
                ALLOW), new AclBinding(GROUP, LITERAL, "billing-app", BOB, "*", READ, DENY)));

        assertThat(acl.principalsAllowed(READ, GROUP, "billing-app", List.of(ALICE, BOB, "User:carol")).keySet())
                .containsExactly(ALICE, "User:carol");
    }

    @Test
    void specificityRanksLiteralOverLongestPrefixOverWildcard() {
        AclAuthorizer acl = new AclAuthorizer(List.of(
                new AclBinding(GROUP, LITERAL, "billing-app", ALICE, "*", READ, ALLOW),
                new AclBinding(GROUP, PREFIXED, "billing-", BOB, "*", READ, ALLOW),
                new AclBinding(GROUP, PREFIXED, "bill", "User:carol", "*", READ, ALLOW),
                new AclBinding(GROUP, LITERAL, "*", "User:dave", "*", READ, ALLOW)));

        assertThat(acl.specificity(ALICE, READ, GROUP, "billing-app")).isEqualTo(AclAuthorizer.LITERAL_SPECIFICITY);
        assertThat(acl.specificity(BOB, READ, GROUP, "billing-app")).isEqualTo("billing-".length());
        assertThat(acl.specificity("User:carol", READ, GROUP, "billing-app")).isEqualTo("bill".length());
        assertThat(acl.specificity("User:dave", READ, GROUP, "billing-app"))
                .isEqualTo(AclAuthorizer.WILDCARD_SPECIFICITY);
        assertThat(acl.specificity("User:erin", READ, GROUP, "billing-app")).isEqualTo(AclAuthorizer.NO_MATCH);
    }

    @Test
    void principalsListsEveryNamedPrincipalButTheWildcard() {
        AclAuthorizer acl = authorizer(topic(LITERAL, "a", BOB, READ, ALLOW), topic(LITERAL, "a", "User:*", READ, ALLOW),
                topic(LITERAL, "b", ALICE, WRITE, DENY));

        assertThat(acl.principals()).containsExactly(ALICE, BOB);
    }

    @Test
    void largeBindingSetsResolvePrefixesExactly() {
        // 100k bindings over 10k topics. Only the PREFIXED READ bindings (every tenth) match the queried names,
        // so exactly the queries with q % 10 == 0 are allowed. Speed is measured in the benchmarks module.
        java.util.ArrayList<AclBinding> bindings = new java.util.ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            bindings.add(new AclBinding(TOPIC, i % 10 == 0 ? PREFIXED : LITERAL, "topic-" + (i % 10_000) + "-",
                    "User:svc-" + (i % 1_000), "*", i % 2 == 0 ? READ : WRITE, ALLOW));
        }
        AclAuthorizer acl = new AclAuthorizer(bindings);
        int allowed = 0;
        for (int i = 0; i < 100_000; i++) {
            allowed += acl.authorize("User:svc-" + (i % 1_000), HOST, READ, TOPIC, "topic-" + (i % 10_000) + "-x")
                    ? 1 : 0;
        }

        assertThat(allowed).isEqualTo(10_000);
    }
}
