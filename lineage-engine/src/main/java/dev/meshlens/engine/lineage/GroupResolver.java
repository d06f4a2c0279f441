package dev.meshlens.engine.lineage;

import dev.meshlens.engine.acl.AclAuthorizer;
import dev.meshlens.engine.acl.HostScope;
import dev.meshlens.engine.model.AclOperation;
import dev.meshlens.engine.model.GroupMapping;
import dev.meshlens.engine.model.ResourceType;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Names the principal behind a consumer group on a topic.
 * <ol>
 *   <li>An explicit mapping wins over ACL inference. With several mappings for one group, the one principal
 *       allowed to READ the topic is chosen; otherwise none is named.</li>
 *   <li>Otherwise the candidates are the principals allowed READ on the GROUP resource. Among those also allowed
 *       READ on the topic, the one with the most specific GROUP ACL (literal, then longest prefix, then
 *       wildcard) is chosen; a tie names nobody.</li>
 *   <li>When no candidate may READ the topic, the most specific candidate is still named, as the principal
 *       consuming without authorization; a tie (or no candidate) names nobody.</li>
 * </ol>
 */
final class GroupResolver {

    /**
     * @param principal  the principal behind the group, or null when none can be named
     * @param authorized whether the named principal may READ the topic; without a principal, whether some
     *                   candidate may (the group is ambiguous rather than unauthorized)
     */
    record Resolution(String principal, boolean authorized) {
    }

    private final AclAuthorizer authorizer;
    private final Collection<String> principals;
    private final Map<String, SortedMap<String, HostScope>> readableByPrincipal;
    private final Map<String, SortedSet<String>> explicit = new HashMap<>();
    private final Map<String, SortedMap<String, Integer>> candidatesByGroup = new HashMap<>();

    /**
     * @param principals          every known principal
     * @param readableByPrincipal for each principal, the topics it may READ
     */
    GroupResolver(AclAuthorizer authorizer, Collection<String> principals, List<GroupMapping> mappings,
                  Map<String, SortedMap<String, HostScope>> readableByPrincipal) {
        this.authorizer = authorizer;
        this.principals = principals;
        this.readableByPrincipal = readableByPrincipal;
        for (GroupMapping mapping : mappings) {
            explicit.computeIfAbsent(mapping.groupId(), g -> new TreeSet<>()).add(mapping.principal());
        }
    }

    /** Resolves the principal behind {@code groupId} on {@code topic}. */
    Resolution resolve(String groupId, String topic) {
        SortedSet<String> mapped = explicit.get(groupId);
        if (mapped != null) {
            if (mapped.size() == 1) {
                return new Resolution(mapped.first(), canRead(mapped.first(), topic));
            }
            List<String> readers = mapped.stream().filter(p -> canRead(p, topic)).toList();
            return new Resolution(readers.size() == 1 ? readers.get(0) : null, !readers.isEmpty());
        }
        SortedMap<String, Integer> candidates = candidates(groupId);
        List<String> readers = candidates.keySet().stream().filter(p -> canRead(p, topic)).toList();
        if (!readers.isEmpty()) {
            return new Resolution(mostSpecific(readers, candidates), true);
        }
        return new Resolution(mostSpecific(candidates.keySet(), candidates), false);
    }

    private boolean canRead(String principal, String topic) {
        SortedMap<String, HostScope> readable = readableByPrincipal.get(principal);
        return readable != null && readable.containsKey(topic);
    }

    /** Principals allowed READ on the group, each with the specificity of its GROUP ACL. */
    private SortedMap<String, Integer> candidates(String groupId) {
        return candidatesByGroup.computeIfAbsent(groupId, g -> {
            SortedMap<String, Integer> ranked = new TreeMap<>();
            for (String p : authorizer.principalsAllowed(AclOperation.READ, ResourceType.GROUP, g, principals)
                    .keySet()) {
                ranked.put(p, authorizer.specificity(p, AclOperation.READ, ResourceType.GROUP, g));
            }
            return ranked;
        });
    }

    /** The one principal with the highest specificity, or null when there is none or a tie. */
    private static String mostSpecific(Collection<String> among, Map<String, Integer> specificity) {
        String best = null;
        int bestRank = Integer.MIN_VALUE;
        boolean tied = false;
        for (String p : among) {
            int rank = specificity.get(p);
            if (rank > bestRank) {
                best = p;
                bestRank = rank;
                tied = false;
            } else if (rank == bestRank) {
                tied = true;
            }
        }
        return tied ? null : best;
    }
}
