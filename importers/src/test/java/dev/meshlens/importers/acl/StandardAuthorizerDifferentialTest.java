package dev.meshlens.importers.acl;

import ch.qos.logback.classic.Level;
import dev.meshlens.engine.acl.AclAuthorizer;
import dev.meshlens.engine.acl.HostScope;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.metadata.authorizer.StandardAcl;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;
import org.apache.kafka.server.authorizer.Action;
import org.apache.kafka.server.authorizer.AuthorizableRequestContext;
import org.apache.kafka.server.authorizer.AuthorizationResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares {@link AclAuthorizer} with Kafka's own {@link StandardAuthorizer} (the oracle) on random ACL sets and
 * requests built to hit the edge cases: exact names, names one character short of or longer than a prefix, names
 * equal to a prefix, the wildcard name {@code *}, the wildcard principal, host restrictions, DENY next to ALLOW,
 * operation ALL and the implied DESCRIBE / DESCRIBE_CONFIGS. Every case has its own ACL set; the random source
 * is seeded, so a failure reproduces.
 */
class StandardAuthorizerDifferentialTest {

    private static final long SEED = 0x6d6573686c656e73L;
    private static final String SUPER_USER = "User:carol";

    private static final List<ResourceType> TYPES = List.of(ResourceType.TOPIC, ResourceType.GROUP,
            ResourceType.CLUSTER, ResourceType.TRANSACTIONAL_ID);
    private static final List<String> ACL_PRINCIPALS = List.of("User:alice", "User:bob", "User:carol", "User:*",
            "Group:ops");
    /** Never User:* itself: no client authenticates as the wildcard, and Kafka throws on it. */
    private static final List<String> REQUEST_PRINCIPALS = List.of("User:alice", "User:bob", "User:carol",
            "User:dave", "Group:ops");
    private static final List<String> ACL_HOSTS = List.of("*", "10.0.0.5", "10.0.0.6", "192.168.1.1");
    /** Every host an ACL names plus one no ACL names, so "allowed from some host" is decidable by probing. */
    private static final List<String> REQUEST_HOSTS = List.of("10.0.0.5", "10.0.0.6", "192.168.1.1", "127.0.0.1");
    private static final List<String> NAMES = List.of("orders", "orders-eu", "orders-eu-1", "orders.v2", "orders-",
            "ord", "o", "ordersX", "payments", "pay", "p", "a", "ab", "abc", "abd", "b", "kafka-cluster", "kafka");
    private static final List<String> SUFFIXES = List.of("-x", "1", ".", "-", "s");

    private static Metrics metrics;
    private static StandardAuthorizer plainOracle;
    private static StandardAuthorizer superUserOracle;
    private static final Map<String, Level> savedLevels = new LinkedHashMap<>();

    @BeforeAll
    static void startOracles() {
        // StandardAuthorizer logs every snapshot load at INFO; 10,000 loads would drown the build log.
        quiet("org.apache.kafka.metadata.authorizer");
        quiet("kafka.authorizer.logger");
        metrics = new Metrics();
        plainOracle = oracle(Map.of());
        superUserOracle = oracle(Map.of(StandardAuthorizer.SUPER_USERS_CONFIG, SUPER_USER));
    }

    @AfterAll
    static void stopOracles() throws IOException {
        plainOracle.close();
        superUserOracle.close();
        metrics.close();
        savedLevels.forEach((name, level) -> logger(name).setLevel(level));
    }

    @Test
    void authorizeAgreesWithStandardAuthorizerOnRandomCases() {
        Random random = new Random(SEED);
        List<String> disagreements = new ArrayList<>();
        int cases = 20_000;
        int allowed = 0;
        for (int i = 0; i < cases; i++) {
            Case c = Case.random(random);
            boolean expected = c.kafkaAllows(c.host);
            boolean actual = c.meshlens().authorize(c.principal, c.host, c.op, c.type, c.name);
            allowed += expected ? 1 : 0;
            if (expected != actual) {
                disagreements.add("case " + i + ": " + c + " -> kafka " + expected + ", meshlens " + actual);
            }
        }
        assertThat(disagreements).withFailMessage(() -> report(disagreements, cases)).isEmpty();
        // Guard against a generator that only produces one outcome, which would make the comparison vacuous.
        assertThat(allowed).as("allowed cases out of %d", cases).isBetween(cases / 10, cases - cases / 10);
    }

    @Test
    void hostsAllowedAgreesWithStandardAuthorizerOnEveryHost() {
        Random random = new Random(SEED + 1);
        List<String> disagreements = new ArrayList<>();
        int cases = 5_000;
        for (int i = 0; i < cases; i++) {
            Case c = Case.random(random);
            HostScope scope = c.meshlens().hostsAllowed(c.principal, c.op, c.type, c.name);
            for (String host : REQUEST_HOSTS) {
                boolean expected = c.kafkaAllows(host);
                if (scope.allows(host) != expected) {
                    disagreements.add("case " + i + ": " + c + " host " + host + " -> kafka " + expected
                            + ", meshlens scope " + scope);
                }
            }
        }
        assertThat(disagreements).withFailMessage(() -> report(disagreements, cases)).isEmpty();
    }

    @Test
    void resourcesAllowedAgreesWithStandardAuthorizerOverAllNames() {
        Random random = new Random(SEED + 2);
        List<String> disagreements = new ArrayList<>();
        int cases = 2_000;
        for (int i = 0; i < cases; i++) {
            Case c = Case.random(random);
            TreeSet<String> universe = c.nameUniverse();
            SortedMap<String, HostScope> actual = c.meshlens().resourcesAllowed(c.principal, c.op, c.type, universe);
            SortedMap<String, Boolean> expected = new TreeMap<>();
            for (String name : universe) {
                if (c.withName(name).kafkaAllowsFromSomeHost()) {
                    expected.put(name, true);
                }
            }
            if (!expected.keySet().equals(actual.keySet())) {
                disagreements.add("case " + i + ": " + c + " names " + universe + " -> kafka " + expected.keySet()
                        + ", meshlens " + actual.keySet());
            }
        }
        assertThat(disagreements).withFailMessage(() -> report(disagreements, cases)).isEmpty();
    }

    @Test
    void principalsAllowedAgreesWithStandardAuthorizerOverAllPrincipals() {
        Random random = new Random(SEED + 3);
        List<String> disagreements = new ArrayList<>();
        int cases = 2_000;
        for (int i = 0; i < cases; i++) {
            Case c = Case.random(random);
            SortedMap<String, HostScope> actual = c.meshlens().principalsAllowed(c.op, c.type, c.name,
                    REQUEST_PRINCIPALS);
            TreeSet<String> expected = new TreeSet<>();
            for (String principal : REQUEST_PRINCIPALS) {
                if (c.withPrincipal(principal).kafkaAllowsFromSomeHost()) {
                    expected.add(principal);
                }
            }
            if (!expected.equals(actual.keySet())) {
                disagreements.add("case " + i + ": " + c + " -> kafka " + expected + ", meshlens " + actual.keySet());
            }
        }
        assertThat(disagreements).withFailMessage(() -> report(disagreements, cases)).isEmpty();
    }

    /** One ACL set with one request, decidable by both authorizers. */
    private record Case(List<AclBinding> acls, boolean superUsers, String principal, String host, AclOperation op,
                        ResourceType type, String name) {

        static Case random(Random random) {
            ResourceType type = pick(random, TYPES);
            // A set: Kafka holds each binding once (the controller rejects an identical one).
            Set<AclBinding> acls = new LinkedHashSet<>();
            int count = 1 + random.nextInt(10);
            for (int i = 0; i < count; i++) {
                // Most bindings share the request's resource type, so they interact; some do not, so types
                // are seen to stay separate.
                ResourceType bindingType = random.nextInt(4) == 0 ? pick(random, TYPES) : type;
                acls.add(randomBinding(random, bindingType));
            }
            return new Case(List.copyOf(acls), random.nextInt(5) == 0, requestPrincipal(random, type, acls),
                    pick(random, REQUEST_HOSTS), requestOperation(random, type, acls), type,
                    requestName(random, type, acls));
        }

        Case withName(String otherName) {
            return new Case(acls, superUsers, principal, host, op, type, otherName);
        }

        Case withPrincipal(String otherPrincipal) {
            return new Case(acls, superUsers, otherPrincipal, host, op, type, name);
        }

        AclAuthorizer meshlens() {
            return new AclAuthorizer(acls, superUsers ? List.of(SUPER_USER) : List.of());
        }

        boolean kafkaAllows(String clientHost) {
            StandardAuthorizer oracle = superUsers ? superUserOracle : plainOracle;
            Map<Uuid, StandardAcl> snapshot = new LinkedHashMap<>();
            for (int i = 0; i < acls.size(); i++) {
                AclBinding b = acls.get(i);
                snapshot.put(new Uuid(1L, i + 1L), new StandardAcl(
                        org.apache.kafka.common.resource.ResourceType.valueOf(b.resourceType().name()),
                        b.resourceName(),
                        org.apache.kafka.common.resource.PatternType.valueOf(b.patternType().name()),
                        b.principal(), b.host(),
                        org.apache.kafka.common.acl.AclOperation.valueOf(b.operation().name()),
                        AclPermissionType.valueOf(b.permission().name())));
            }
            oracle.loadSnapshot(snapshot);
            Action action = new Action(org.apache.kafka.common.acl.AclOperation.valueOf(op.name()),
                    new ResourcePattern(org.apache.kafka.common.resource.ResourceType.valueOf(type.name()), name,
                            org.apache.kafka.common.resource.PatternType.LITERAL), 1, false, false);
            return oracle.authorize(new RequestContext(principal, clientHost), List.of(action)).get(0)
                    == AuthorizationResult.ALLOWED;
        }

        boolean kafkaAllowsFromSomeHost() {
            return REQUEST_HOSTS.stream().anyMatch(this::kafkaAllows);
        }

        /** The request's name, every ACL name and their neighbours: the names a prefix could or could not cover. */
        TreeSet<String> nameUniverse() {
            TreeSet<String> names = new TreeSet<>(NAMES);
            names.add("*");
            for (AclBinding b : acls) {
                names.add(b.resourceName());
                names.add(b.resourceName() + "-x");
                if (b.resourceName().length() > 1) {
                    names.add(b.resourceName().substring(0, b.resourceName().length() - 1));
                }
            }
            names.add(name);
            return names;
        }

        @Override
        public String toString() {
            String bindings = acls.stream().map(b -> b.permission() + " " + b.operation() + " " + b.resourceType()
                            + ":" + b.patternType() + ":" + b.resourceName() + " " + b.principal() + "@" + b.host())
                    .collect(Collectors.joining("; ", "[", "]"));
            return "acls=" + bindings + (superUsers ? " super.users=" + SUPER_USER : "") + " request=" + principal
                    + "@" + host + " " + op + " " + type + ":" + name;
        }

        private static AclBinding randomBinding(Random random, ResourceType type) {
            int shape = random.nextInt(20);
            PatternType pattern;
            String resource;
            if (shape < 3) {
                pattern = PatternType.LITERAL;
                resource = "*";
            } else if (shape == 3) {
                // A PREFIXED "*" only covers names that start with '*'; it is not the wildcard.
                pattern = PatternType.PREFIXED;
                resource = "*";
            } else {
                pattern = random.nextBoolean() ? PatternType.LITERAL : PatternType.PREFIXED;
                resource = pick(random, NAMES);
            }
            AclOperation operation = random.nextInt(6) == 0 ? AclOperation.ALL : pick(random,
                    List.of(AclOperation.values()));
            AclPermission permission = random.nextInt(10) < 7 ? AclPermission.ALLOW : AclPermission.DENY;
            // Half the bindings hold from any host, so that host restrictions are the exception, as in practice.
            String host = random.nextBoolean() ? "*" : pick(random, ACL_HOSTS);
            return new AclBinding(type, pattern, resource, pick(random, ACL_PRINCIPALS), host, operation, permission);
        }

        private static String requestPrincipal(Random random, ResourceType type, Set<AclBinding> acls) {
            List<String> named = acls.stream().filter(b -> b.resourceType() == type).map(AclBinding::principal)
                    .filter(REQUEST_PRINCIPALS::contains).toList();
            return !named.isEmpty() && random.nextBoolean() ? pick(random, named) : pick(random, REQUEST_PRINCIPALS);
        }

        private static AclOperation requestOperation(Random random, ResourceType type, Set<AclBinding> acls) {
            List<AclOperation> sameType = acls.stream().filter(b -> b.resourceType() == type)
                    .map(AclBinding::operation).filter(op -> op != AclOperation.ALL).toList();
            int roll = random.nextInt(20);
            if (!sameType.isEmpty() && roll < 7) {
                return pick(random, sameType);
            }
            if (roll < 11) {
                return AclOperation.DESCRIBE;
            }
            if (roll < 13) {
                return AclOperation.DESCRIBE_CONFIGS;
            }
            if (roll == 13) {
                return AclOperation.ALL;
            }
            return pick(random, List.of(AclOperation.values()));
        }

        private static String requestName(Random random, ResourceType type, Set<AclBinding> acls) {
            List<String> sameType = acls.stream().filter(b -> b.resourceType() == type).map(AclBinding::resourceName)
                    .filter(n -> !"*".equals(n)).toList();
            int roll = random.nextInt(20);
            if (!sameType.isEmpty() && roll < 6) {
                return pick(random, sameType);
            }
            if (!sameType.isEmpty() && roll < 10) {
                return pick(random, sameType) + pick(random, SUFFIXES);
            }
            if (!sameType.isEmpty() && roll < 13) {
                String base = pick(random, sameType);
                return base.length() > 1 ? base.substring(0, base.length() - 1) : base;
            }
            if (roll < 15) {
                return "*";
            }
            if (roll == 15) {
                // Kafka does not apply the LITERAL wildcard to names that start with '*'.
                return "*" + pick(random, SUFFIXES);
            }
            return pick(random, NAMES);
        }
    }

    /** The parts of a request context StandardAuthorizer reads: the principal and the client address. */
    private record RequestContext(String principalText, String clientHost) implements AuthorizableRequestContext {

        @Override
        public String listenerName() {
            return "SASL_PLAINTEXT";
        }

        @Override
        public SecurityProtocol securityProtocol() {
            return SecurityProtocol.SASL_PLAINTEXT;
        }

        @Override
        public KafkaPrincipal principal() {
            int colon = principalText.indexOf(':');
            return new KafkaPrincipal(principalText.substring(0, colon), principalText.substring(colon + 1));
        }

        @Override
        public InetAddress clientAddress() {
            try {
                return InetAddress.getByName(clientHost); // an IP literal: no name lookup happens
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int requestType() {
            return ApiKeys.METADATA.id;
        }

        @Override
        public int requestVersion() {
            return 0;
        }

        @Override
        public String clientId() {
            return "differential-test";
        }

        @Override
        public int correlationId() {
            return 0;
        }
    }

    private static StandardAuthorizer oracle(Map<String, ?> config) {
        StandardAuthorizer authorizer = new StandardAuthorizer();
        authorizer.configure(config);
        // In 4.3.1 authorize() records metrics and throws a NullPointerException without them.
        authorizer.withPluginMetrics(new PluginMetricsImpl(metrics, Map.of("oracle", config.isEmpty() ? "plain"
                : "super-users")));
        authorizer.loadSnapshot(Map.of());
        authorizer.completeInitialLoad();
        return authorizer;
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String report(List<String> disagreements, int cases) {
        return disagreements.size() + " disagreement(s) in " + cases + " cases; first ones:\n"
                + disagreements.stream().limit(10).collect(Collectors.joining("\n"));
    }

    private static void quiet(String name) {
        ch.qos.logback.classic.Logger logger = logger(name);
        savedLevels.put(name, logger.getLevel());
        logger.setLevel(Level.WARN);
    }

    private static ch.qos.logback.classic.Logger logger(String name) {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name);
    }
}
