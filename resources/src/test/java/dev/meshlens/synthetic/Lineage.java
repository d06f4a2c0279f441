package dev.meshlens.synthetic;

import dev.meshlens.engine.model.AclOperation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Product-to-product lineage from resolved edges: topic A feeds topic B when some principal reads A and writes B. */
final class Lineage {
    private final Map<String, Set<String>> readsOf = new HashMap<>();
    private final Map<String, Set<String>> writesOf = new HashMap<>();
    private final Map<String, Set<String>> readersOf = new HashMap<>();

    Lineage(Set<AclResolver.Edge> edges) {
        for (AclResolver.Edge e : edges) {
            Map<String, Set<String>> byPrincipal = e.operation() == AclOperation.READ ? readsOf : writesOf;
            byPrincipal.computeIfAbsent(e.principal(), k -> new HashSet<>()).add(e.topic());
            if (e.operation() == AclOperation.READ) {
                readersOf.computeIfAbsent(e.topic(), k -> new HashSet<>()).add(e.principal());
            }
        }
    }

    /** Whether some principal reads {@code from} and writes {@code to}. */
    boolean feeds(String from, String to) {
        for (String principal : readersOf.getOrDefault(from, Set.of())) {
            if (writesOf.getOrDefault(principal, Set.of()).contains(to)) {
                return true;
            }
        }
        return false;
    }

    Set<String> readersOf(String topic) {
        return readersOf.getOrDefault(topic, Set.of());
    }

    Map<String, Set<String>> readsByPrincipal() {
        return readsOf;
    }

    Map<String, Set<String>> writesByPrincipal() {
        return writesOf;
    }
}
