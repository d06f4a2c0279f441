package dev.meshlens.app.cli;

import dev.meshlens.engine.lineage.EdgeKind;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.LineageTraversal;
import dev.meshlens.engine.lineage.TraversalResult;
import dev.meshlens.engine.lineage.TraversedEdge;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.store.CatalogStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code meshlens lineage PRODUCT --downstream|--upstream}: transitive lineage through services. */
@Command(name = "lineage", mixinStandardHelpOptions = true, description = {
        "Show what is downstream (who uses it, and what they derive from it) or upstream (where it comes from) of a "
                + "product, a service (principal) or a consumer group.",
        "Depth counts graph hops: a product's consumers are at depth 1, the products they write at depth 2."})
final class LineageCommand implements Callable<Integer> {
    @ParentCommand
    MeshlensCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    AsOfOptions asOf;

    @Parameters(paramLabel = "PRODUCT", description = "A topic, a catalog product name, a principal or a group.")
    String focus;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Direction direction;

    static final class Direction {
        @Option(names = "--downstream", required = true, description = "Follow consumers and what they write.")
        boolean downstream;

        @Option(names = "--upstream", required = true, description = "Follow producers and what they read.")
        boolean upstream;
    }

    @Option(names = "--depth", paramLabel = "N", description = "At most N hops (default: unlimited).")
    Integer depth;

    @Option(names = "--format", defaultValue = "table", description = "table or json")
    OutputFormat format;

    @Override
    public Integer call() {
        if (depth != null && depth < 0) {
            throw new CliException("--depth must be 0 or more, got " + depth);
        }
        try (CatalogStore store = root.openStore()) {
            CatalogState state = asOf.resolve(store);
            LineageGraph graph = Lineage.build(store, state);
            LineageNode node = Lineage.focus(graph, focus, state);
            LineageTraversal traversal = new LineageTraversal(graph);
            int maxDepth = depth == null ? LineageTraversal.UNLIMITED : depth;
            TraversalResult result = direction.downstream
                    ? traversal.downstream(node, maxDepth) : traversal.upstream(node, maxDepth);
            print(result);
            return MeshlensCli.EXIT_OK;
        }
    }

    private void print(TraversalResult result) {
        var out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.println(Json.write(toJson(result)));
            return;
        }
        Table nodes = new Table("DEPTH", "KIND", "NAME");
        result.nodes().forEach(v -> nodes.row(v.depth(), v.node().kind(), v.node().name()));
        nodes.print(out);
        out.println();
        Table edges = new Table("FROM", "TO", "KIND", "EVIDENCE", "STATE", "LAG");
        for (TraversedEdge e : result.edges()) {
            edges.row(e.edge().from().name(), e.edge().to().name(), kind(e.edge().kind()),
                    String.join(",", e.facts().evidence()),
                    e.facts().state() == null ? null : e.facts().state().label(), e.facts().lag());
        }
        edges.print(out);
    }

    /** The stable JSON shape of the issue: root, direction, nodes with depth, edges with evidence and state. */
    static Map<String, Object> toJson(TraversalResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("root", result.root().name());
        json.put("direction", result.direction().name().toLowerCase(Locale.ROOT));
        json.put("nodes", result.nodes().stream().map(v -> {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("kind", v.node().kind());
            n.put("name", v.node().name());
            n.put("depth", v.depth());
            return n;
        }).toList());
        List<Map<String, Object>> edges = result.edges().stream().map(e -> {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("from", e.edge().from().name());
            j.put("to", e.edge().to().name());
            j.put("kind", kind(e.edge().kind()));
            j.put("evidence", e.facts().evidence());
            j.put("state", e.facts().state() == null ? null : e.facts().state().label());
            if (e.facts().lag() != null) {
                j.put("lag", e.facts().lag());
            }
            if (!e.facts().groups().isEmpty()) {
                j.put("groups", e.facts().groups());
            }
            return j;
        }).toList();
        json.put("edges", edges);
        return json;
    }

    private static String kind(EdgeKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
