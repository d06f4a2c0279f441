package dev.meshlens.synthetic;

import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.AclPermission;
import dev.meshlens.engine.model.PatternType;
import dev.meshlens.engine.model.ResourceType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * An independent, deliberately simple resolver of TOPIC ACLs into lineage edges, written from Kafka's rules
 * and not from the generator: a principal may READ (WRITE) a topic when an ALLOW binding of that principal
 * with operation READ (WRITE) or ALL matches the topic (LITERAL equal, LITERAL {@code *}, PREFIXED
 * starts-with) and no DENY binding of that principal or of {@code User:*} with that operation or ALL matches
 * it. {@code User:*} is its own principal; only the given topics count.
 */
final class AclResolver {
    record Edge(String principal, String topic, AclOperation operation) {
    }

    private AclResolver() {
    }

    static Set<Edge> resolve(Collection<AclBinding> bindings, Collection<String> topicNames) {
        NavigableSet<String> topics = new TreeSet<>(topicNames);
        Map<String, List<AclBinding>> denies = new HashMap<>();
        for (AclBinding b : bindings) {
            if (b.resourceType() == ResourceType.TOPIC && b.permission() == AclPermission.DENY) {
                denies.computeIfAbsent(b.principal(), k -> new ArrayList<>()).add(b);
            }
        }
        Set<Edge> edges = new HashSet<>();
        for (AclBinding b : bindings) {
            if (b.resourceType() != ResourceType.TOPIC || b.permission() != AclPermission.ALLOW) {
                continue;
            }
            List<AclOperation> operations = switch (b.operation()) {
                case ALL -> List.of(AclOperation.READ, AclOperation.WRITE);
                case READ, WRITE -> List.of(b.operation());
                default -> List.of();
            };
            if (operations.isEmpty()) {
                continue;
            }
            for (String topic : matching(b, topics)) {
                for (AclOperation operation : operations) {
                    if (!denied(denies, b.principal(), topic, operation)) {
                        edges.add(new Edge(b.principal(), topic, operation));
                    }
                }
            }
        }
        return edges;
    }

    private static Collection<String> matching(AclBinding b, NavigableSet<String> topics) {
        if (b.patternType() == PatternType.PREFIXED) {
            return topics.subSet(b.resourceName(), true, b.resourceName() + Character.MAX_VALUE, false);
        }
        if (b.resourceName().equals("*")) {
            return topics;
        }
        return topics.contains(b.resourceName()) ? List.of(b.resourceName()) : List.of();
    }

    private static boolean matches(AclBinding b, String topic) {
        if (b.patternType() == PatternType.PREFIXED) {
            return topic.startsWith(b.resourceName());
        }
        return b.resourceName().equals("*") || b.resourceName().equals(topic);
    }

    private static boolean denied(Map<String, List<AclBinding>> denies, String principal, String topic,
                                  AclOperation operation) {
        for (String who : principal.equals("User:*") ? List.of(principal) : List.of(principal, "User:*")) {
            for (AclBinding deny : denies.getOrDefault(who, List.of())) {
                boolean operationMatches = deny.operation() == operation || deny.operation() == AclOperation.ALL;
                if (operationMatches && matches(deny, topic)) {
                    return true;
                }
            }
        }
        return false;
    }
}
