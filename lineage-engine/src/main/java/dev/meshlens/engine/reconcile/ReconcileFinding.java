package dev.meshlens.engine.reconcile;

import dev.meshlens.engine.model.SourceKind;

import java.util.List;

/** One kind of declared-versus-observed mismatch, with the sources it cannot be judged without. */
public enum ReconcileFinding {
    /** READ allowed by an ACL, but no group of the principal consumes the topic. */
    UNUSED_PERMISSIONS("unusedPermissions", SourceKind.ACLS, SourceKind.GROUPS),
    /** A group consumes a topic its principal (or, with no principal, anyone) may not READ. */
    GROUPS_WITHOUT_ACL("groupsWithoutAcl", SourceKind.ACLS, SourceKind.GROUPS),
    /** A topic nobody may WRITE. */
    TOPICS_WITHOUT_WRITER("topicsWithoutWriter", SourceKind.ACLS),
    /** A topic that exists but that no catalog entry describes. */
    UNREGISTERED_TOPICS("unregisteredTopics", SourceKind.TOPICS, SourceKind.CATALOG),
    /** A catalog entry whose topic does not exist. */
    CATALOG_ENTRIES_WITHOUT_TOPIC("catalogEntriesWithoutTopic", SourceKind.TOPICS, SourceKind.CATALOG),
    /** A deprecated product that still has active consumers. */
    DEPRECATED_WITH_CONSUMERS("deprecatedWithConsumers", SourceKind.CATALOG, SourceKind.GROUPS);

    private final String key;
    private final List<SourceKind> needs;

    ReconcileFinding(String key, SourceKind... needs) {
        this.key = key;
        this.needs = List.of(needs);
    }

    /** The JSON key of the finding, e.g. {@code unusedPermissions}: stable, used in output. */
    public String key() {
        return key;
    }

    /** The sources that must have been imported for the finding to be judged. */
    public List<SourceKind> needs() {
        return needs;
    }
}
