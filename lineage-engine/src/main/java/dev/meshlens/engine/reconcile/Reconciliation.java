package dev.meshlens.engine.reconcile;

import dev.meshlens.engine.lineage.ConsumerDetail;
import dev.meshlens.engine.lineage.ConsumerState;
import dev.meshlens.engine.lineage.EdgeFacts;
import dev.meshlens.engine.lineage.EdgeKind;
import dev.meshlens.engine.lineage.LineageEdge;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.ServiceNode;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.ConsumerGroup;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.Lifecycle;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.model.Topic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Declared versus observed: permissions nobody uses, groups consuming without a matching ACL, topics nobody may
 * write, topics no catalog entry describes, catalog entries whose topic is gone, and deprecated products still
 * in use.
 *
 * <p>In the JGraphT algorithm style: the constructor takes the lineage graph and the catalog state it was built
 * from and validates them; each query judges one finding. A finding is judged only when every source it needs
 * ({@link ReconcileFinding#needs()}) was imported: without consumer groups, every READ would look unused, and
 * without a topics source every catalog entry would look orphaned. Kafka's internal topics
 * ({@link Topic#isInternal}) are never reported.
 *
 * <p>Immutable and thread-safe.
 */
public final class Reconciliation {
    private static final Set<ConsumerState> ACTIVE = EnumSet.of(ConsumerState.UP_TO_DATE, ConsumerState.LAGGING,
            ConsumerState.REPLAYING);

    private final LineageGraph lineage;
    private final CatalogState state;

    /**
     * @param lineage the lineage graph built from {@code state}
     * @param state   the catalog state whose sources say what can be judged
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the graph was not built from {@code state}
     */
    public Reconciliation(LineageGraph lineage, CatalogState state) {
        this.lineage = Objects.requireNonNull(lineage, "lineage");
        this.state = Objects.requireNonNull(state, "state");
        lineage.requireBuiltFrom(state);
    }

    /** Whether every source {@code finding} needs was imported. */
    public boolean judges(ReconcileFinding finding) {
        return finding.needs().stream().allMatch(state::has);
    }

    /**
     * Why {@code finding} is not judged.
     *
     * @return empty when it is judged
     */
    public Optional<NotJudged> notJudged(ReconcileFinding finding) {
        List<SourceKind> missing = finding.needs().stream().filter(s -> !state.has(s)).toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NotJudged(finding.key(), "never imported: " + labels(missing) + " (needs "
                + labels(finding.needs()) + ")"));
    }

    private static String labels(List<SourceKind> sources) {
        return sources.stream().map(SourceKind::label).collect(Collectors.joining(", "));
    }

    /**
     * Principals allowed to READ a topic on which none of their groups is seen: the never-consumed READ edges.
     *
     * @return sorted by principal, then topic; empty when not judged (needs ACLs and groups)
     */
    public Optional<List<UnusedPermission>> unusedPermissions() {
        return judged(ReconcileFinding.UNUSED_PERMISSIONS, () -> {
            List<UnusedPermission> rows = new ArrayList<>();
            forEachRead((edge, facts) -> {
                if (facts.state() == ConsumerState.NEVER_CONSUMED && edge.to() instanceof ServiceNode service) {
                    rows.add(new UnusedPermission(service.principal(), edge.from().name()));
                }
            });
            rows.sort(Comparator.comparing(UnusedPermission::principal).thenComparing(UnusedPermission::topic));
            return rows;
        });
    }

    /**
     * Groups consuming a topic without a matching READ ACL: the unauthorized READ edges, one row per group and
     * topic, with the principal behind the group where one can be named.
     *
     * @return sorted by group, then topic; empty when not judged (needs ACLs and groups)
     */
    public Optional<List<GroupWithoutAcl>> groupsWithoutAcl() {
        return judged(ReconcileFinding.GROUPS_WITHOUT_ACL, () -> {
            List<GroupWithoutAcl> rows = new ArrayList<>();
            forEachRead((edge, facts) -> {
                if (facts.state() == ConsumerState.UNAUTHORIZED) {
                    String principal = edge.to() instanceof ServiceNode service ? service.principal() : null;
                    facts.groups().forEach(g -> rows.add(new GroupWithoutAcl(g, edge.from().name(), principal)));
                }
            });
            rows.sort(Comparator.comparing(GroupWithoutAcl::group).thenComparing(GroupWithoutAcl::topic));
            return rows;
        });
    }

    /**
     * Topics nobody may WRITE, among every topic the lineage knows (topics source, catalog, literal ACL names,
     * topics groups consume).
     *
     * @return sorted; empty when not judged (needs ACLs)
     */
    public Optional<List<String>> topicsWithoutWriter() {
        return judged(ReconcileFinding.TOPICS_WITHOUT_WRITER, () -> lineage.products().stream()
                .filter(p -> !Topic.isInternal(p.topic()))
                .filter(p -> lineage.graph().inDegreeOf(p) == 0)
                .map(ProductNode::topic)
                .toList());
    }

    /**
     * Topics of the topics source that no catalog entry describes.
     *
     * @return sorted; empty when not judged (needs topics and catalog)
     */
    public Optional<List<String>> unregisteredTopics() {
        return judged(ReconcileFinding.UNREGISTERED_TOPICS, () -> {
            Set<String> catalogued = state.content().products().stream().map(DataProduct::topic)
                    .collect(Collectors.toSet());
            return state.content().topics().stream().map(Topic::name)
                    .filter(t -> !Topic.isInternal(t) && !catalogued.contains(t))
                    .distinct()
                    .sorted()
                    .toList();
        });
    }

    /**
     * Catalog entries whose topic is not in the topics source.
     *
     * @return sorted by topic, then name; empty when not judged (needs topics and catalog)
     */
    public Optional<List<CatalogEntry>> catalogEntriesWithoutTopic() {
        return judged(ReconcileFinding.CATALOG_ENTRIES_WITHOUT_TOPIC, () -> {
            Set<String> existing = state.content().topics().stream().map(Topic::name).collect(Collectors.toSet());
            return state.content().products().stream()
                    .filter(p -> !Topic.isInternal(p.topic()) && !existing.contains(p.topic()))
                    .map(p -> new CatalogEntry(p.name(), p.topic()))
                    .distinct()
                    .sorted(Comparator.comparing(CatalogEntry::topic).thenComparing(CatalogEntry::name))
                    .toList();
        });
    }

    /**
     * Deprecated catalog entries whose topic still has active consumers: consumers whose state is up-to-date,
     * lagging or replaying, and consumers without a matching ACL whose group is active. A consumer is named by its
     * principal, or by its group id where no principal can be named.
     *
     * @return one row per deprecated entry with active consumers, sorted by topic, then name; empty when not
     *         judged (needs catalog and groups)
     */
    public Optional<List<DeprecatedUse>> deprecatedWithConsumers() {
        return judged(ReconcileFinding.DEPRECATED_WITH_CONSUMERS, () -> {
            Map<String, ConsumerGroup> groups = new HashMap<>();
            state.content().groups().forEach(g -> groups.put(g.groupId(), g));
            List<DeprecatedUse> rows = new ArrayList<>();
            for (DataProduct product : state.content().products()) {
                if (product.lifecycle() != Lifecycle.DEPRECATED || Topic.isInternal(product.topic())) {
                    continue;
                }
                TreeSet<String> active = new TreeSet<>();
                for (ConsumerDetail consumer : lineage.consumers(product.topic())) {
                    if (isActive(consumer, groups)) {
                        active.add(consumer.principal() != null ? consumer.principal() : consumer.group());
                    }
                }
                if (!active.isEmpty()) {
                    rows.add(new DeprecatedUse(product.topic(), product.name(), List.copyOf(active)));
                }
            }
            rows.sort(Comparator.comparing(DeprecatedUse::topic).thenComparing(DeprecatedUse::name));
            return rows;
        });
    }

    /** Every finding, with those that cannot be judged set to null and explained in {@code notJudged}. */
    public ReconciliationReport report() {
        List<NotJudged> notJudged = new ArrayList<>();
        for (ReconcileFinding finding : ReconcileFinding.values()) {
            notJudged(finding).ifPresent(notJudged::add);
        }
        return new ReconciliationReport(unusedPermissions().orElse(null), groupsWithoutAcl().orElse(null),
                topicsWithoutWriter().orElse(null), unregisteredTopics().orElse(null),
                catalogEntriesWithoutTopic().orElse(null), deprecatedWithConsumers().orElse(null), notJudged);
    }

    private static boolean isActive(ConsumerDetail consumer, Map<String, ConsumerGroup> groups) {
        if (ACTIVE.contains(consumer.state())) {
            return true;
        }
        // Unauthorized says nothing about activity: the group itself does.
        if (consumer.state() == ConsumerState.UNAUTHORIZED && consumer.group() != null) {
            ConsumerGroup group = groups.get(consumer.group());
            return group != null && group.isActive();
        }
        return false;
    }

    /** Visits the READ edges of topics that are not internal. */
    private void forEachRead(BiConsumer<LineageEdge, EdgeFacts> visitor) {
        lineage.facts().forEach((edge, facts) -> {
            if (edge.kind() == EdgeKind.READ && !Topic.isInternal(edge.from().name())) {
                visitor.accept(edge, facts);
            }
        });
    }

    private <T> Optional<List<T>> judged(ReconcileFinding finding, Supplier<List<T>> judge) {
        return judges(finding) ? Optional.of(List.copyOf(judge.get())) : Optional.empty();
    }
}
