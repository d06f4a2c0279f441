package dev.meshlens.engine.diff;

import dev.meshlens.engine.lineage.ConsumerDetail;
import dev.meshlens.engine.lineage.LineageEdge;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.LineageOptions;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.ServiceNode;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.Topic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The difference between two catalog states ("from" and "to", usually an older and a newer snapshot) and the
 * lineage graphs built from them, in the JGraphT algorithm style: the states are given once, each section is
 * a query. Every list is sorted by the section's natural key, so equal inputs give equal answers.
 *
 * <ul>
 *   <li>{@link #products()}: catalog entries by topic. When a topic has exactly one entry on each side the two
 *       are compared (a rename is a change of {@code name}); otherwise entries are matched by topic and name.
 *       Fields: name, cluster, bootstrapUri, domain, owner, description, slaTier, quality, tags (order
 *       ignored), schemaUri, lifecycle.</li>
 *   <li>{@link #services()}: services.csv by principal. Fields: name, owner, tier, production.</li>
 *   <li>{@link #topics()}: topics by name. Fields: topicId (a recreated topic), partitions,
 *       replicationFactor, configs.</li>
 *   <li>{@link #acls()}: bindings added and removed (a binding has no identity beyond its fields).</li>
 *   <li>{@link #edges()}: lineage edges by (from, to, kind). Fields: evidence, state, hosts.</li>
 *   <li>{@link #consumers()}: consumer rows by (topic, principal, group). Fields: state, lag.</li>
 *   <li>{@link #tiers()}: products and services present on both sides whose tier differs (declared or
 *       withdrawn included).</li>
 *   <li>{@link #schemas()}: schema versions by (subject, version). Fields: id, schemaType, schema (as a
 *       {@code sha256:} fingerprint of its text), references, compatibility.</li>
 * </ul>
 * Field values in {@link FieldChange}s are plain: strings, numbers, booleans, lists of strings, maps of strings;
 * enums as their lower-case output labels.
 *
 * <p>Thread-safe: every query works on immutable inputs.
 */
public final class SnapshotDiff {
    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<String> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());
    private static final Comparator<AclBinding> ACL_ORDER = Comparator.comparing(AclBinding::resourceType)
            .thenComparing(AclBinding::patternType).thenComparing(AclBinding::resourceName)
            .thenComparing(AclBinding::principal).thenComparing(AclBinding::host)
            .thenComparing(AclBinding::operation).thenComparing(AclBinding::permission);
    private static final Comparator<LineageEdge> EDGE_ORDER = Comparator
            .comparing(LineageEdge::from, LineageNode.ORDER).thenComparing(LineageEdge::to, LineageNode.ORDER)
            .thenComparing(LineageEdge::kind);

    private static final List<Field<DataProduct>> PRODUCT_FIELDS = List.of(
            new Field<>("name", DataProduct::name),
            new Field<>("cluster", DataProduct::cluster),
            new Field<>("bootstrapUri", DataProduct::bootstrapUri),
            new Field<>("domain", DataProduct::domain),
            new Field<>("owner", DataProduct::owner),
            new Field<>("description", DataProduct::description),
            new Field<>("slaTier", DataProduct::slaTier),
            new Field<>("quality", DataProduct::quality),
            new Field<>("tags", p -> p.tags().stream().sorted().toList()),
            new Field<>("schemaUri", DataProduct::schemaUri),
            new Field<>("lifecycle", p -> p.lifecycle().name().toLowerCase(Locale.ROOT)));
    private static final List<Field<ServiceInfo>> SERVICE_FIELDS = List.of(
            new Field<>("name", ServiceInfo::name),
            new Field<>("owner", ServiceInfo::owner),
            new Field<>("tier", ServiceInfo::tier),
            new Field<>("production", ServiceInfo::production));
    private static final List<Field<Topic>> TOPIC_FIELDS = List.of(
            new Field<>("topicId", Topic::topicId),
            new Field<>("partitions", Topic::partitions),
            new Field<>("replicationFactor", Topic::replicationFactor),
            new Field<>("configs", Topic::configs));
    private static final List<Field<EdgeRow>> EDGE_FIELDS = List.of(
            new Field<>("evidence", e -> e.facts().evidence()),
            new Field<>("state", e -> e.facts().state() == null ? null : e.facts().state().label()),
            new Field<>("hosts", e -> e.facts().hosts().labels()));
    private static final List<Field<ConsumerRow>> CONSUMER_FIELDS = List.of(
            new Field<>("state", c -> c.consumer().state().label()),
            new Field<>("lag", c -> c.consumer().lag()));
    private static final List<Field<SchemaVersion>> SCHEMA_FIELDS = List.of(
            new Field<>("id", SchemaVersion::id),
            new Field<>("schemaType", SchemaVersion::schemaType),
            new Field<>("schema", s -> fingerprint(s.schema())),
            new Field<>("references", SchemaVersion::references),
            new Field<>("compatibility", SchemaVersion::compatibility));

    private final CatalogState from;
    private final CatalogState to;
    private final LineageGraph fromGraph;
    private final LineageGraph toGraph;

    /**
     * Diffs two states, building their lineage graphs with default options.
     *
     * @throws NullPointerException when a state is null
     */
    public SnapshotDiff(CatalogState from, CatalogState to) {
        this(from, LineageGraph.build(Objects.requireNonNull(from, "from"), LineageOptions.defaults()),
                to, LineageGraph.build(Objects.requireNonNull(to, "to"), LineageOptions.defaults()));
    }

    /**
     * Diffs two states with the lineage graphs already built from them (with the same options, or the edge
     * states differ merely by threshold).
     *
     * @throws NullPointerException when an argument is null
     */
    public SnapshotDiff(CatalogState from, LineageGraph fromGraph, CatalogState to, LineageGraph toGraph) {
        this.from = Objects.requireNonNull(from, "from");
        this.fromGraph = Objects.requireNonNull(fromGraph, "fromGraph");
        this.to = Objects.requireNonNull(to, "to");
        this.toGraph = Objects.requireNonNull(toGraph, "toGraph");
    }

    /** The "from" state. */
    public CatalogState from() {
        return from;
    }

    /** The "to" state. */
    public CatalogState to() {
        return to;
    }

    /** Catalog entries added, removed and changed; sorted by topic, then name. */
    public SectionDiff<DataProduct> products() {
        List<DataProduct> before = from.content().products();
        List<DataProduct> after = to.content().products();
        Set<String> singleOnBothSides = new TreeSet<>(singleEntryTopics(before));
        singleOnBothSides.retainAll(singleEntryTopics(after));
        Function<DataProduct, String> key = p -> singleOnBothSides.contains(p.topic()) ? p.topic()
                : p.topic() + "\u0000" + p.name();
        return diff(before, after, key, Comparator.comparing(DataProduct::topic).thenComparing(DataProduct::name),
                PRODUCT_FIELDS);
    }

    private static Set<String> singleEntryTopics(List<DataProduct> products) {
        Map<String, Integer> counts = new HashMap<>();
        products.forEach(p -> counts.merge(p.topic(), 1, Integer::sum));
        Set<String> single = new TreeSet<>();
        counts.forEach((topic, n) -> {
            if (n == 1) {
                single.add(topic);
            }
        });
        return single;
    }

    /** Services (services.csv) added, removed and changed; sorted by principal. */
    public SectionDiff<ServiceInfo> services() {
        return diff(from.content().services(), to.content().services(), ServiceInfo::principal,
                Comparator.comparing(ServiceInfo::principal), SERVICE_FIELDS);
    }

    /** Topics added, removed and changed; sorted by name. */
    public SectionDiff<Topic> topics() {
        return diff(from.content().topics(), to.content().topics(), Topic::name, Comparator.comparing(Topic::name),
                TOPIC_FIELDS);
    }

    /** ACL bindings added and removed (never changed); sorted by resource, principal, host, operation. */
    public SectionDiff<AclBinding> acls() {
        return diff(from.content().acls(), to.content().acls(), Function.identity(), ACL_ORDER, List.of());
    }

    /** Lineage edges added, removed and changed (evidence, state, hosts); sorted by from, to, kind. */
    public SectionDiff<EdgeRow> edges() {
        return diff(edgeRows(fromGraph), edgeRows(toGraph), EdgeRow::edge,
                Comparator.comparing(EdgeRow::edge, EDGE_ORDER), EDGE_FIELDS);
    }

    private static List<EdgeRow> edgeRows(LineageGraph graph) {
        List<EdgeRow> rows = new ArrayList<>();
        graph.facts().forEach((edge, facts) -> rows.add(new EdgeRow(edge, facts)));
        return rows;
    }

    /** Consumer rows added, removed and changed (state, lag); sorted by topic, principal, group. */
    public SectionDiff<ConsumerRow> consumers() {
        Comparator<ConsumerRow> order = Comparator.comparing(ConsumerRow::topic)
                .thenComparing(c -> c.consumer().principal(), NULLS_LAST)
                .thenComparing(c -> c.consumer().group(), NULLS_FIRST);
        return diff(consumerRows(fromGraph), consumerRows(toGraph), ConsumerKey::of, order, CONSUMER_FIELDS);
    }

    private static List<ConsumerRow> consumerRows(LineageGraph graph) {
        List<ConsumerRow> rows = new ArrayList<>();
        for (ProductNode product : graph.products()) {
            for (ConsumerDetail consumer : graph.consumers(product.topic())) {
                rows.add(new ConsumerRow(product.topic(), consumer));
            }
        }
        return rows;
    }

    /** The identity of a consumer row: its topic, principal and group (nulls included). */
    private record ConsumerKey(String topic, String principal, String group) {
        static ConsumerKey of(ConsumerRow row) {
            return new ConsumerKey(row.topic(), row.consumer().principal(), row.consumer().group());
        }
    }

    /**
     * Products (by topic; the first catalog entry of a topic) and services present in both states whose tier
     * differs; products first, each kind by name.
     */
    public List<TierChange> tiers() {
        List<TierChange> changes = new ArrayList<>();
        Map<String, DataProduct> productsBefore = firstByKey(from.content().products(), DataProduct::topic);
        Map<String, DataProduct> productsAfter = firstByKey(to.content().products(), DataProduct::topic);
        productsBefore.forEach((topic, before) -> {
            DataProduct after = productsAfter.get(topic);
            if (after != null && !Objects.equals(before.slaTier(), after.slaTier())) {
                changes.add(new TierChange(ProductNode.KIND, topic, before.slaTier(), after.slaTier()));
            }
        });
        Map<String, ServiceInfo> servicesBefore = firstByKey(from.content().services(), ServiceInfo::principal);
        Map<String, ServiceInfo> servicesAfter = firstByKey(to.content().services(), ServiceInfo::principal);
        servicesBefore.forEach((principal, before) -> {
            ServiceInfo after = servicesAfter.get(principal);
            if (after != null && !Objects.equals(before.tier(), after.tier())) {
                changes.add(new TierChange(ServiceNode.KIND, principal, before.tier(), after.tier()));
            }
        });
        return List.copyOf(changes);
    }

    /** Schema versions added, removed and changed; sorted by subject, then version. */
    public SectionDiff<SchemaVersion> schemas() {
        Comparator<SchemaVersion> order = Comparator.comparing(SchemaVersion::subject)
                .thenComparingInt(SchemaVersion::version);
        return diff(from.content().schemas(), to.content().schemas(), s -> s.subject() + "\u0000" + s.version(),
                order, SCHEMA_FIELDS);
    }

    /** Whether the two states differ in none of the sections. */
    public boolean isEmpty() {
        return products().isEmpty() && services().isEmpty() && topics().isEmpty() && acls().isEmpty()
                && edges().isEmpty() && consumers().isEmpty() && tiers().isEmpty() && schemas().isEmpty();
    }

    /** A named field of a compared thing. */
    private record Field<T>(String name, Function<T, Object> value) {
    }

    private static <T, K> Map<K, T> firstByKey(Collection<T> items, Function<T, K> key) {
        Map<K, T> byKey = new TreeMap<>();
        items.forEach(item -> byKey.putIfAbsent(key.apply(item), item));
        return byKey;
    }

    /**
     * Matches the things of both sides by {@code identity} (the first of a repeated identity wins) and reports
     * what only one side has and what changed, each list in {@code order}.
     */
    private static <T, I> SectionDiff<T> diff(Collection<T> before, Collection<T> after, Function<T, I> identity,
                                              Comparator<? super T> order, List<Field<T>> fields) {
        Map<I, T> a = byIdentity(before, identity, order);
        Map<I, T> b = byIdentity(after, identity, order);
        List<T> added = new ArrayList<>();
        List<T> removed = new ArrayList<>();
        List<Changed<T>> changed = new ArrayList<>();
        b.forEach((id, item) -> {
            if (!a.containsKey(id)) {
                added.add(item);
            }
        });
        a.forEach((id, item) -> {
            T other = b.get(id);
            if (other == null) {
                removed.add(item);
            } else {
                Map<String, FieldChange> changes = changes(item, other, fields);
                if (!changes.isEmpty()) {
                    changed.add(new Changed<>(item, other, changes));
                }
            }
        });
        return new SectionDiff<>(added, removed, changed);
    }

    private static <T, I> Map<I, T> byIdentity(Collection<T> items, Function<T, I> identity,
                                               Comparator<? super T> order) {
        Map<I, T> byId = new LinkedHashMap<>();
        items.stream().sorted(order).forEach(item -> byId.putIfAbsent(identity.apply(item), item));
        return byId;
    }

    private static <T> Map<String, FieldChange> changes(T before, T after, List<Field<T>> fields) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        for (Field<T> field : fields) {
            Object x = field.value().apply(before);
            Object y = field.value().apply(after);
            if (!Objects.equals(x, y)) {
                changes.put(field.name(), new FieldChange(x, y));
            }
        }
        return changes;
    }

    /** {@code sha256:} and the first 16 hex digits of the text's digest; null for no text. */
    static String fingerprint(String text) {
        if (text == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
