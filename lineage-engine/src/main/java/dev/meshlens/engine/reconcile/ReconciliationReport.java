package dev.meshlens.engine.reconcile;

import java.util.List;
import java.util.stream.Stream;

/**
 * Everything {@code meshlens reconcile} reports, in the JSON shape it prints. Every list is sorted. A finding
 * that could not be judged is null (JSON {@code null}, never an empty list that would read as "all fine") and is
 * named in {@link #notJudged()}.
 *
 * @param unusedPermissions          sorted by principal, then topic
 * @param groupsWithoutAcl           one row per group and topic; sorted by group, then topic
 * @param topicsWithoutWriter        topic names
 * @param unregisteredTopics         topic names
 * @param catalogEntriesWithoutTopic catalog entries (name and topic); sorted by topic, then name
 * @param deprecatedWithConsumers    sorted by topic, then name
 * @param notJudged                  in the order of the keys above
 */
public record ReconciliationReport(List<UnusedPermission> unusedPermissions, List<GroupWithoutAcl> groupsWithoutAcl,
                                   List<String> topicsWithoutWriter, List<String> unregisteredTopics,
                                   List<CatalogEntry> catalogEntriesWithoutTopic,
                                   List<DeprecatedUse> deprecatedWithConsumers, List<NotJudged> notJudged) {

    /** Copies the lists; a null finding (not judged) stays null. */
    public ReconciliationReport {
        unusedPermissions = copy(unusedPermissions);
        groupsWithoutAcl = copy(groupsWithoutAcl);
        topicsWithoutWriter = copy(topicsWithoutWriter);
        unregisteredTopics = copy(unregisteredTopics);
        catalogEntriesWithoutTopic = copy(catalogEntriesWithoutTopic);
        deprecatedWithConsumers = copy(deprecatedWithConsumers);
        notJudged = List.copyOf(notJudged);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    /** Whether some judged finding is not empty (findings not judged count as none). */
    public boolean hasFindings() {
        return Stream.of(unusedPermissions, groupsWithoutAcl, topicsWithoutWriter, unregisteredTopics,
                catalogEntriesWithoutTopic, deprecatedWithConsumers).anyMatch(l -> l != null && !l.isEmpty());
    }
}
