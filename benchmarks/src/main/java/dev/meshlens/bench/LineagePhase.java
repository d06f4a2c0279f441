package dev.meshlens.bench;

import dev.meshlens.engine.catalog.ProductFilter;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageIndex;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.LineageOptions;
import dev.meshlens.engine.lineage.LineageTraversal;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.TraversalResult;
import dev.meshlens.engine.lineage.VisitedNode;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.synthetic.MeshSpec;
import dev.meshlens.synthetic.SyntheticMesh;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One mesh size, in one JVM: the synthetic mesh imported into a fresh H2 catalog (quick mode may skip the store
 * and take the generated content directly); the graph built from the store;
 * the catalog search; the impact queries of the engine and of the int-array floor from the fixed random roots;
 * and the edge table the recursive SQL phase queries, materialised in the same H2 database.
 *
 * <p>Writes {@code roots.tsv} (root id, topic, downstream and upstream reach, the depth of the farthest node each
 * way, and the engine's median milliseconds each way) beside the catalog, so the SQL phase checks its answers
 * against the engine's and compares times over the same roots.
 */
final class LineagePhase {
    private static final Logger LOG = LoggerFactory.getLogger(LineagePhase.class);

    private final MeshSpec spec;
    private final String size;
    private final Path work;
    private final long seed;
    private final int warmup;
    private final int rounds;
    private final int buildReps;
    private final int searchRounds;
    /** Whether the catalog comes from the store (the real path) or straight from the generator (quick mode). */
    private final boolean fromStore;
    /** Folded into the output so no query result is dead code to the JIT. */
    private long blackhole;

    LineagePhase(Args args) {
        this.spec = MeshSizes.spec(args.get("size"));
        this.size = MeshSizes.label(args.get("size"));
        this.work = Path.of(args.get("work"));
        this.seed = args.getLong("seed", 42);
        this.warmup = args.getInt("warmup", 3);
        this.rounds = args.getInt("rounds", 5);
        this.buildReps = args.getInt("build-reps", 3);
        this.searchRounds = args.getInt("search-rounds", 0);
        this.fromStore = args.get("source", "store").equals("store");
    }

    void run() throws IOException, SQLException {
        Stores.recreate(work);
        long t0 = System.nanoTime();
        SyntheticMesh mesh = SyntheticMesh.generate(spec, seed);
        List<String> roots = mesh.randomRoots();
        LOG.info("{}: generated {} products, {} services, {} edges in {} ms", size, mesh.productCount(),
                mesh.serviceCount(), mesh.edgeCount(), (System.nanoTime() - t0) / 1_000_000);

        CatalogStore store = null;
        long snapshotId = -1;
        MeshContent generated = null;
        if (fromStore) {
            snapshotId = importMesh(mesh);
            store = CatalogStore.open(Stores.url(work));
        } else {
            MeshContent.Collector collector = new MeshContent.Collector();
            mesh.writeTo(collector);
            generated = collector.content();
        }
        mesh = null; // only the roots are needed from here on; the generator's arrays must not count as graph heap

        CatalogState state;
        LineageGraph graph;
        try {
            long base = Heap.usedAfterFullGc();
            Built built = buildGraph(store, snapshotId, generated);
            state = built.state();
            graph = built.graph();
            if (searchRounds > 0) {
                search(state, roots);
            }
            long withState = Heap.usedAfterFullGc();
            state = null;
            long graphOnly = Heap.usedAfterFullGc();
            Map<String, Object> fields = new LinkedHashMap<>(built.fields());
            fields.put("heap_mb", Heap.mb(withState - base));
            fields.put("graph_heap_mb", Heap.mb(graphOnly - base));
            fields.put("jvm_heap_limit_mb", Heap.maxMb());
            fields.put("nodes", graph.index().nodeCount());
            fields.put("edges", graph.index().edgeCount());
            fields.put("source", fromStore ? "store" : "generator (quick mode: no store import)");
            Report.emit(Result.of("graph-build", size, "engine", built.samples(), fields));
        } finally {
            if (store != null) {
                store.close();
            }
        }

        IntCsr floor = materialiseEdgeTable(graph.index());
        impact(graph, floor, roots);
    }

    /** The mesh, streamed into a fresh catalog as one snapshot. */
    private long importMesh(SyntheticMesh mesh) {
        Samples samples = new Samples();
        Snapshot[] snapshot = new Snapshot[1];
        try (CatalogStore store = CatalogStore.open(Stores.url(work))) {
            Clock.time(samples, () -> snapshot[0] = Stores.importFacts(store, Stores.DAY_ZERO, "synthetic " + size,
                    mesh::writeTo));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("disk_mb", Stores.sizeMb(Stores.file(work)));
        Report.emit(Result.of("store-import", size, "engine", samples, fields));
        LOG.info("{}: imported into {} in {} ms", size, work, (long) samples.totalMs());
        return snapshot[0].id();
    }

    private record Built(CatalogState state, LineageGraph graph, Samples samples, Map<String, Object> fields) {
    }

    /**
     * Loads the catalog as of the snapshot and builds the lineage and its index, {@code buildReps} times from
     * scratch: what opening a catalog in the app costs. Without a store, the generated content stands in for
     * the loaded catalog.
     */
    private Built buildGraph(CatalogStore store, long snapshotId, MeshContent generated) {
        Samples total = new Samples();
        Samples load = new Samples();
        Samples build = new Samples();
        Samples index = new Samples();
        CatalogState state = null;
        LineageGraph graph = null;
        for (int rep = 0; rep < buildReps; rep++) {
            state = null;
            graph = null;
            Heap.settle();
            CatalogState[] s = new CatalogState[1];
            LineageGraph[] g = new LineageGraph[1];
            long t0 = System.nanoTime();
            long c0 = Clock.cpu();
            Clock.time(load, () -> s[0] = store != null ? store.state(SyntheticMesh.CLUSTER, snapshotId)
                    : new CatalogState(SyntheticMesh.CLUSTER, new Snapshot(1, Stores.DAY_ZERO, SyntheticMesh.CLUSTER,
                    generated.sources(), "generator"), Map.of(), generated));
            Clock.time(build, () -> g[0] = LineageGraph.build(s[0], LineageOptions.defaults()));
            Clock.time(index, () -> g[0].index());
            total.add(System.nanoTime() - t0, Clock.cpu() - c0);
            state = s[0];
            graph = g[0];
            LOG.info("{}: catalog loaded in {} ms, graph built in {} ms, index in {} ms", size,
                    (long) load.totalMs() / load.count(), (long) build.totalMs() / build.count(),
                    (long) index.totalMs() / index.count());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("load_ms", load.medianMs());
        fields.put("build_ms", build.medianMs());
        fields.put("index_ms", index.medianMs());
        fields.put("index_cpu_ms", index.cpuMedianMs());
        return new Built(state, graph, total, fields);
    }

    /**
     * Search as you type on the catalog's products, as the products view and {@code meshlens products --search}
     * filter them: the catalog names of the first roots typed letter by letter, one full filter per keystroke.
     */
    private void search(CatalogState state, List<String> roots) {
        List<DataProduct> products = state.content().products();
        List<String> phrases = new ArrayList<>();
        for (String root : roots) {
            products.stream().filter(p -> p.topic().equals(root)).findFirst()
                    .ifPresent(p -> phrases.add(p.name().toLowerCase(java.util.Locale.ROOT)));
            if (phrases.size() == 5) {
                break;
            }
        }
        Samples samples = new Samples();
        int keystrokes = 0;
        long matches = 0;
        for (int round = -1; round < searchRounds; round++) {
            for (String phrase : phrases) {
                for (int len = 1; len <= phrase.length(); len++) {
                    String typed = phrase.substring(0, len);
                    int[] found = new int[1];
                    Runnable query = () -> found[0] = products.stream()
                            .filter(new ProductFilter(typed, null, null, null, true)).toList().size();
                    if (round < 0) {
                        query.run(); // warm-up round
                    } else {
                        Clock.time(samples, query);
                        keystrokes++;
                        matches += found[0];
                    }
                }
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("products", products.size());
        fields.put("phrases", phrases.size());
        fields.put("keystrokes", keystrokes / Math.max(1, searchRounds));
        fields.put("mean_matches", keystrokes == 0 ? 0 : matches / (double) keystrokes);
        Report.emit(Result.of("catalog-search", size, "engine", samples, fields));
    }

    /**
     * Writes the edge table into the catalog's own H2 database (the store is closed by now, so this process is
     * its only user) and builds the int-array floor from what is read back, so all methods answer over the same
     * edges.
     */
    private IntCsr materialiseEdgeTable(LineageIndex index) throws SQLException {
        long t0 = System.nanoTime();
        EdgeTable.Edges edges;
        try (Connection c = DriverManager.getConnection(Stores.url(work))) {
            EdgeTable.write(c, index);
            edges = EdgeTable.read(c);
        }
        LOG.info("{}: edge table of {} nodes, {} edges written in {} ms", size, edges.nodes(), edges.from().length,
                (System.nanoTime() - t0) / 1_000_000);
        return new IntCsr(edges.nodes(), edges.from(), edges.to());
    }

    /**
     * The impact queries. Each round runs every root once per method and direction; methods alternate round by
     * round so that a burst of load on a shared machine hits them alike. The engine is used as the app uses it:
     * a traversal of the graph, the root looked up by topic, the full answer (nodes with depths, edges with facts).
     */
    private void impact(LineageGraph graph, IntCsr floor, List<String> roots) throws IOException {
        LineageIndex index = graph.index();
        int[] rootIds = new int[roots.size()];
        int[] down = new int[roots.size()];
        int[] up = new int[roots.size()];
        int[] downDepth = new int[roots.size()];
        int[] upDepth = new int[roots.size()];
        for (int i = 0; i < roots.size(); i++) {
            ProductNode node = graph.product(roots.get(i)).orElseThrow(
                    () -> new IllegalStateException("root not in the graph"));
            rootIds[i] = index.id(node);
            List<VisitedNode> downNodes = new LineageTraversal(graph).downstream(node).nodes();
            List<VisitedNode> upNodes = new LineageTraversal(graph).upstream(node).nodes();
            down[i] = downNodes.size();
            up[i] = upNodes.size();
            downDepth[i] = downNodes.get(downNodes.size() - 1).depth();
            upDepth[i] = upNodes.get(upNodes.size() - 1).depth();
            check("int-array downstream", roots.get(i), down[i], floor.downstream(rootIds[i]));
            check("int-array upstream", roots.get(i), up[i], floor.upstream(rootIds[i]));
        }
        // per root and direction, the engine's times: the SQL phase compares over the roots it got through
        Samples[][] engineByRoot = new Samples[2][roots.size()];
        for (Samples[] byRoot : engineByRoot) {
            for (int i = 0; i < byRoot.length; i++) {
                byRoot[i] = new Samples();
            }
        }

        Map<String, Samples> samples = new LinkedHashMap<>();
        for (String direction : List.of("downstream", "upstream")) {
            for (String method : List.of("engine", "engine-count", "int-array")) {
                samples.put(direction + "/" + method, new Samples());
            }
        }
        Heap.settle();
        for (int round = -warmup; round < rounds; round++) {
            boolean measured = round >= 0;
            for (String direction : List.of("downstream", "upstream")) {
                boolean isDown = direction.equals("downstream");
                for (String method : List.of("engine", "engine-count", "int-array")) {
                    Samples s = measured ? samples.get(direction + "/" + method) : new Samples();
                    for (int i = 0; i < roots.size(); i++) {
                        String topic = roots.get(i);
                        int rootId = rootIds[i];
                        int expected = isDown ? down[i] : up[i];
                        int[] got = new int[1];
                        Runnable query = switch (method) {
                            case "engine" -> () -> {
                                LineageTraversal traversal = new LineageTraversal(graph);
                                LineageNode root = graph.product(topic).orElseThrow();
                                TraversalResult result = isDown ? traversal.downstream(root) : traversal.upstream(root);
                                got[0] = result.nodes().size();
                                blackhole += result.edges().size();
                            };
                            case "engine-count" -> () -> {
                                LineageTraversal traversal = new LineageTraversal(graph);
                                LineageNode root = graph.product(topic).orElseThrow();
                                got[0] = isDown ? traversal.downstreamCount(root) : traversal.upstreamCount(root);
                            };
                            default -> () -> got[0] = isDown ? floor.downstream(rootId) : floor.upstream(rootId);
                        };
                        Clock.time(s, query);
                        check(method + " " + direction, topic, expected, got[0]);
                        if (measured && method.equals("engine")) {
                            engineByRoot[isDown ? 0 : 1][i].add(s.last(), -1);
                        }
                    }
                }
            }
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < roots.size(); i++) {
            lines.add(rootIds[i] + "\t" + roots.get(i) + "\t" + down[i] + "\t" + up[i] + "\t" + downDepth[i] + "\t"
                    + upDepth[i] + "\t" + engineByRoot[0][i].medianMs() + "\t" + engineByRoot[1][i].medianMs());
        }
        Files.write(work.resolve("roots.tsv"), lines);
        for (String direction : List.of("downstream", "upstream")) {
            int[] reach = direction.equals("downstream") ? down : up;
            for (String method : List.of("engine", "engine-count", "int-array")) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("roots", roots.size());
                fields.put("rounds", rounds);
                fields.put("mean_reach", java.util.Arrays.stream(reach).average().orElse(0));
                fields.put("max_reach", java.util.Arrays.stream(reach).max().orElse(0));
                Report.emit(Result.of("impact-" + direction, size, method,
                        samples.get(direction + "/" + method), fields));
            }
        }
        LOG.debug("blackhole {}", blackhole);
    }

    private static void check(String what, String root, int expected, int got) {
        if (expected != got) {
            throw new IllegalStateException(what + " from " + root + " reached " + got + " nodes, the engine "
                    + expected);
        }
    }
}
