package dev.meshlens.app.cli;

import dev.meshlens.engine.diff.Changed;
import dev.meshlens.engine.diff.ConsumerRow;
import dev.meshlens.engine.diff.EdgeRow;
import dev.meshlens.engine.diff.FieldChange;
import dev.meshlens.engine.diff.SectionDiff;
import dev.meshlens.engine.diff.SnapshotDiff;
import dev.meshlens.engine.diff.TierChange;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.Topic;
import dev.meshlens.engine.store.CatalogStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code meshlens diff A B}: what changed in the catalog and its lineage between two points in time. */
@Command(name = "diff", mixinStandardHelpOptions = true, description = {
        "Compare the catalog of one cluster at two points in time: each of A and B is a snapshot id or a date "
                + "(the newest snapshot of the cluster at or before it, as --at reads it).",
        "Sections, each with added (+), removed (-) and changed (~) entries:",
        "  products   catalog entries by topic: name, cluster, bootstrapUri, domain, owner, description, slaTier, "
                + "quality, tags, schemaUri, lifecycle",
        "  services   services.csv by principal: name, owner, tier, production",
        "  topics     by name: topicId, partitions, replicationFactor, configs",
        "  acls       bindings added and removed",
        "  edges      lineage edges (from, to, read|write): evidence, state, hosts",
        "  consumers  consumer rows (topic, principal, group): state, lag",
        "  tiers      products and services whose SLA tier changed (changed only)",
        "  schemas    schema versions (subject, version): id, schemaType, schema (sha256 fingerprint), references, "
                + "compatibility",
        "JSON: {\"cluster\", \"from\": A, \"to\": B (snapshot ids), \"fromTakenAt\", \"toTakenAt\", and per section "
                + "{\"added\": [...], \"removed\": [...], \"changed\": [{<key fields>, \"changes\": {\"<field>\": "
                + "{\"from\": x, \"to\": y}}}]}; tiers has \"changed\": [{\"kind\", \"name\", \"from\", \"to\"}] only.",
        "Exit code 0 whether or not anything changed."})
final class DiffCommand implements Callable<Integer> {
    @ParentCommand
    MeshlensCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The earlier point: a snapshot id or a date.")
    String first;

    @Parameters(index = "1", paramLabel = "B", description = "The later point: a snapshot id or a date.")
    String second;

    @Option(names = "--cluster", paramLabel = "NAME",
            description = "The cluster to compare (needed only when the catalog holds several and A and B do not "
                    + "tell).")
    String cluster;

    @Option(names = "--format", defaultValue = "table", description = "table or json")
    OutputFormat format;

    @Override
    public Integer call() {
        try (CatalogStore store = root.openStore()) {
            String chosen = chooseCluster(store);
            Snapshot a = resolve(store, chosen, first);
            Snapshot b = resolve(store, chosen, second);
            CatalogState from = store.state(chosen, a.id());
            CatalogState to = store.state(chosen, b.id());
            SnapshotDiff diff = new SnapshotDiff(from, Lineage.build(store, from), to, Lineage.build(store, to));
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.json) {
                out.println(Json.write(toJson(chosen, a, b, diff)));
            } else {
                printTable(chosen, a, b, diff, out);
            }
            out.flush();
            return MeshlensCli.EXIT_OK;
        }
    }

    /** The given cluster; else the catalog's only one; else the cluster of the snapshots named by id. */
    private String chooseCluster(CatalogStore store) {
        List<String> named = List.of(first, second).stream().filter(DiffCommand::isId)
                .map(text -> store.snapshot(Long.parseLong(text)).map(Snapshot::cluster).orElse(null))
                .filter(c -> c != null).toList();
        return AsOfOptions.chooseCluster(store, cluster, named);
    }

    private static boolean isId(String text) {
        return text.matches("[0-9]{1,18}");
    }

    /** The snapshot {@code text} names: an id, or the newest snapshot of {@code cluster} at or before a date. */
    private static Snapshot resolve(CatalogStore store, String cluster, String text) {
        if (isId(text)) {
            long id = Long.parseLong(text);
            return store.snapshot(id).orElseThrow(() -> new CliException("no snapshot " + id + " in "
                    + store.location() + " (see 'meshlens snapshots')"));
        }
        Instant when = Dates.parseAsOf(text);
        return store.latestAtOrBefore(cluster, when).orElseThrow(() -> new CliException("no snapshot of cluster "
                + cluster + " at or before " + when));
    }

    /** The stable JSON shape documented in the command's help. */
    static Map<String, Object> toJson(String cluster, Snapshot a, Snapshot b, SnapshotDiff diff) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cluster", cluster);
        json.put("from", a.id());
        json.put("to", b.id());
        json.put("fromTakenAt", a.takenAt().toString());
        json.put("toTakenAt", b.takenAt().toString());
        json.put("products", section(diff.products(), DiffCommand::product, DiffCommand::productKey));
        json.put("services", section(diff.services(), DiffCommand::service, s -> map("principal", s.principal())));
        json.put("topics", section(diff.topics(), DiffCommand::topic, t -> map("name", t.name())));
        json.put("acls", section(diff.acls(), DiffCommand::acl, DiffCommand::acl));
        json.put("edges", section(diff.edges(), DiffCommand::edge, DiffCommand::edgeKey));
        json.put("consumers", section(diff.consumers(), DiffCommand::consumer, DiffCommand::consumerKey));
        json.put("tiers", Map.of("changed", diff.tiers().stream().map(DiffCommand::tier).toList()));
        json.put("schemas", section(diff.schemas(), DiffCommand::schema, DiffCommand::schemaKey));
        return json;
    }

    private static <T> Map<String, Object> section(SectionDiff<T> section, Function<T, Map<String, Object>> whole,
                                                   Function<T, Map<String, Object>> key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("added", section.added().stream().map(whole).toList());
        json.put("removed", section.removed().stream().map(whole).toList());
        json.put("changed", section.changed().stream().map(c -> {
            Map<String, Object> j = new LinkedHashMap<>(key.apply(c.after()));
            Map<String, Object> changes = new LinkedHashMap<>();
            c.changes().forEach((field, change) -> changes.put(field, map("from", change.from(), "to", change.to())));
            j.put("changes", changes);
            return j;
        }).toList());
        return json;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            json.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return json;
    }

    private static Map<String, Object> productKey(DataProduct p) {
        return map("topic", p.topic(), "name", p.name());
    }

    private static Map<String, Object> product(DataProduct p) {
        return map("topic", p.topic(), "name", p.name(), "owner", p.owner(), "slaTier", p.slaTier(), "quality",
                p.quality(), "lifecycle", p.lifecycle().name().toLowerCase(Locale.ROOT));
    }

    private static Map<String, Object> service(ServiceInfo s) {
        return map("principal", s.principal(), "name", s.name(), "owner", s.owner(), "tier", s.tier(), "production",
                s.production());
    }

    private static Map<String, Object> topic(Topic t) {
        return map("name", t.name(), "partitions", t.partitions(), "replicationFactor", t.replicationFactor());
    }

    private static Map<String, Object> acl(AclBinding a) {
        return map("resourceType", a.resourceType().name(), "patternType", a.patternType().name(), "resourceName",
                a.resourceName(), "principal", a.principal(), "host", a.host(), "operation", a.operation().name(),
                "permission", a.permission().name());
    }

    private static Map<String, Object> edgeKey(EdgeRow e) {
        return map("from", e.edge().from().name(), "to", e.edge().to().name(), "kind", e.edge().kind().label());
    }

    private static Map<String, Object> edge(EdgeRow e) {
        Map<String, Object> json = edgeKey(e);
        json.put("evidence", e.facts().evidence());
        json.put("state", e.facts().state() == null ? null : e.facts().state().label());
        return json;
    }

    private static Map<String, Object> consumerKey(ConsumerRow c) {
        return map("topic", c.topic(), "principal", c.consumer().principal(), "group", c.consumer().group());
    }

    private static Map<String, Object> consumer(ConsumerRow c) {
        Map<String, Object> json = consumerKey(c);
        json.put("state", c.consumer().state().label());
        json.put("lag", c.consumer().lag());
        return json;
    }

    private static Map<String, Object> tier(TierChange t) {
        return map("kind", t.kind(), "name", t.name(), "from", t.from(), "to", t.to());
    }

    private static Map<String, Object> schemaKey(SchemaVersion s) {
        return map("subject", s.subject(), "version", s.version());
    }

    private static Map<String, Object> schema(SchemaVersion s) {
        return map("subject", s.subject(), "version", s.version(), "id", s.id(), "schemaType", s.schemaType());
    }

    // --- table output: one block per section, one line per entry with a +, - or ~ marker

    private static void printTable(String cluster, Snapshot a, Snapshot b, SnapshotDiff diff, PrintWriter out) {
        out.println("Cluster " + cluster + ": snapshot " + a.id() + " (" + a.takenAt() + ") -> snapshot " + b.id()
                + " (" + b.takenAt() + ")");
        block(out, "Products", diff.products(), p -> p.topic() + (p.name().equals(p.topic()) ? "" : " (" + p.name()
                + ")"), p -> "owner " + dash(p.owner()) + ", tier " + dash(p.slaTier()));
        block(out, "Services", diff.services(), ServiceInfo::principal,
                s -> "owner " + dash(s.owner()) + ", tier " + dash(s.tier()));
        block(out, "Topics", diff.topics(), Topic::name,
                t -> t.partitions() + (t.partitions() == 1 ? " partition" : " partitions"));
        block(out, "ACLs", diff.acls(), a1 -> a1.permission() + " " + a1.principal() + " " + a1.operation() + " "
                + a1.resourceType() + " " + a1.patternType() + " " + a1.resourceName(), a1 -> "from host " + a1.host());
        block(out, "Lineage edges", diff.edges(), e -> e.edge().from().name() + " -" + e.edge().kind().label() + "-> "
                + e.edge().to().name(), e -> String.join(",", e.facts().evidence())
                + (e.facts().state() == null ? "" : ", " + e.facts().state().label()));
        block(out, "Consumers", diff.consumers(), c -> c.topic() + " " + dash(c.consumer().principal()) + " group "
                + dash(c.consumer().group()), c -> c.consumer().state().label() + ", lag " + dash(c.consumer().lag()));
        out.println();
        List<TierChange> tiers = diff.tiers();
        out.println("Tiers: " + (tiers.isEmpty() ? "no changes" : tiers.size() + " changed"));
        tiers.forEach(t -> out.println("~ " + t.kind() + " " + t.name() + "  tier " + dash(t.from()) + " -> "
                + dash(t.to())));
        block(out, "Schemas", diff.schemas(), s -> s.subject() + " v" + s.version(),
                s -> s.schemaType() + ", id " + s.id());
    }

    private static <T> void block(PrintWriter out, String title, SectionDiff<T> section, Function<T, String> name,
                                  Function<T, String> detail) {
        out.println();
        if (section.isEmpty()) {
            out.println(title + ": no changes");
            return;
        }
        out.println(title + ": " + section.added().size() + " added, " + section.removed().size() + " removed, "
                + section.changed().size() + " changed");
        section.added().forEach(t -> out.println("+ " + name.apply(t) + "  " + detail.apply(t)));
        section.removed().forEach(t -> out.println("- " + name.apply(t) + "  " + detail.apply(t)));
        for (Changed<T> c : section.changed()) {
            out.println("~ " + name.apply(c.after()) + "  " + changes(c.changes()));
        }
    }

    private static String changes(Map<String, FieldChange> changes) {
        return changes.entrySet().stream().map(e -> e.getKey() + " " + value(e.getValue().from()) + " -> "
                + value(e.getValue().to())).collect(Collectors.joining("; "));
    }

    private static String value(Object value) {
        if (value instanceof Collection<?> list) {
            return "[" + list.stream().map(String::valueOf).collect(Collectors.joining(",")) + "]";
        }
        return dash(value);
    }

    private static String dash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
