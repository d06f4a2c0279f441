package dev.meshlens.bench;

import dev.meshlens.app.ui.canvas.CanvasIds;
import dev.meshlens.app.ui.canvas.LineageCanvasView;
import dev.meshlens.app.ui.canvas.LineageCanvasViewModel;
import dev.meshlens.app.ui.service.LineageFacts;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.app.ui.task.DefaultTaskExecutor;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.LineageOptions;
import dev.meshlens.engine.lineage.LineageTraversal;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.synthetic.SyntheticMesh;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * "Show lineage" to the first drawn frame of the lineage canvas, for neighbourhoods of about 500 and 2,000 nodes
 * of the synthetic mesh, with JavaFX's software renderer ({@code prism.order=sw}).
 *
 * <p>One run does, on the JavaFX thread, what the product page's "Show lineage" does: creates the canvas's view
 * model and view (a new scene in the one stage) and asks for the neighbourhood; the neighbourhood and its
 * layered layout are built on a worker thread, then GraphStream's graph is filled on the JavaFX thread. The clock
 * starts before the view model is created and stops at the first JavaFX pulse (its post-layout listener) after
 * GraphStream's renderer has finished a frame of the new graph: that pulse puts the canvas's drawing on screen.
 * Clustering is off (threshold above any size), so the drawn node count is the neighbourhood's.
 *
 * <p>Display: the X display in {@code DISPLAY} (Xvfb) when set, else Monocle's headless platform.
 */
final class CanvasPhase {
    private static final Logger LOG = LoggerFactory.getLogger(CanvasPhase.class);

    private final String size;
    private final long seed;
    private final int warmup;
    private final int rounds;
    private final List<Integer> targets;

    CanvasPhase(Args args) {
        this.size = MeshSizes.label(args.get("size", "M"));
        this.seed = args.getLong("seed", 42);
        this.warmup = args.getInt("warmup", 2);
        this.rounds = args.getInt("rounds", 5);
        this.targets = java.util.Arrays.stream(args.get("nodes", "500,2000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
    }

    void run() throws Exception {
        String display = chooseDisplay();
        SyntheticMesh mesh = SyntheticMesh.generate(MeshSizes.spec(size), seed);
        MeshContent.Collector collector = new MeshContent.Collector();
        mesh.writeTo(collector);
        MeshContent content = collector.content();
        Snapshot snapshot = new Snapshot(1, Instant.parse("2024-01-01T00:00:00Z"), SyntheticMesh.CLUSTER,
                content.sources(), "synthetic " + size);
        Map<SourceKind, Snapshot> sources = new HashMap<>();
        content.sources().forEach(s -> sources.put(s, snapshot));
        CatalogState state = new CatalogState(SyntheticMesh.CLUSTER, snapshot, sources, content);
        LineageGraph lineage = LineageGraph.build(state, LineageOptions.defaults());
        lineage.index(); // the app has the catalog loaded before anyone clicks
        LoadedCatalog catalog = new LoadedCatalog(state, snapshot, new LineageFacts(state, lineage));
        List<String> roots = mesh.randomRoots();

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Stage stage = onFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new javafx.scene.layout.Pane(), 1400, 900));
            s.show();
            return s;
        });
        try {
            for (int target : targets) {
                Pick pick = pick(lineage, roots, target);
                LOG.info("canvas {}: {} nodes around {} at depth {}", target, pick.nodes(), pick.focus(),
                        pick.depth());
                Samples total = new Samples();
                Samples gsFrame = new Samples();
                Samples shown = new Samples();
                for (int i = 0; i < warmup + rounds; i++) {
                    long[] times = firstFrame(stage, catalog, pick);
                    if (i >= warmup) {
                        total.add(times[0], -1);
                        gsFrame.add(times[1], -1);
                        shown.add(times[2], -1);
                    }
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("nodes", pick.nodes());
                fields.put("target_nodes", target);
                fields.put("focus", pick.focus());
                fields.put("depth", pick.depth());
                fields.put("built_and_filled_median_ms", shown.medianMs());
                fields.put("gs_frame_median_ms", gsFrame.medianMs());
                fields.put("target_ms", target <= 500 ? 1000 : 2000);
                fields.put("display", display);
                fields.put("renderer", "prism sw, GraphStream FxGraphRenderer");
                Report.emit(Result.of("canvas-first-frame", size, "graphstream", total, fields));
            }
        } finally {
            onFx(() -> {
                stage.close();
                return null;
            });
            Platform.exit();
        }
    }

    /** The display used, set up before the toolkit starts. */
    private static String chooseDisplay() {
        System.setProperty("prism.order", "sw");
        String x = System.getenv("DISPLAY");
        if (x != null && !x.isBlank()) {
            return "X display " + x + " (Xvfb when run headless), GTK glass";
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        return "Monocle headless";
    }

    private record Pick(String focus, int depth, int nodes) {
    }

    /** The random root and equal depth each way whose neighbourhood is closest to {@code target} nodes. */
    private static Pick pick(LineageGraph lineage, List<String> roots, int target) {
        LineageTraversal traversal = new LineageTraversal(lineage);
        Pick best = null;
        for (String topic : roots) {
            ProductNode root = new ProductNode(topic);
            for (int depth = 1; depth <= 6; depth++) {
                Set<LineageNode> reached = new HashSet<>(traversal.downstream(root, depth).nodeSet());
                reached.addAll(traversal.upstream(root, depth).nodeSet());
                Pick p = new Pick(CanvasIds.product(topic), depth, reached.size());
                if (best == null || Math.abs(p.nodes() - target) < Math.abs(best.nodes() - target)) {
                    best = p;
                }
                if (reached.size() > target * 2) {
                    break;
                }
            }
        }
        return best;
    }

    /**
     * One "Show lineage": {total, to GraphStream's first frame of the graph, to the graph built, laid out and
     * put into GraphStream} in nanoseconds.
     */
    private static long[] firstFrame(Stage stage, LoadedCatalog catalog, Pick pick) throws Exception {
        CompletableFuture<long[]> done = new CompletableFuture<>();
        DefaultTaskExecutor executor = new DefaultTaskExecutor();
        LineageCanvasView[] view = new LineageCanvasView[1];
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            LineageCanvasViewModel model = new LineageCanvasViewModel(catalog, executor, p -> { });
            view[0] = new LineageCanvasView(model, false);
            long[] shownAtFrame = {-1};
            long[] shownAt = {0};
            model.drawingProperty().addListener((o, a, drawing) -> {
                // runs after the view's own listener, which has just filled GraphStream's graph
                shownAtFrame[0] = view[0].canvas().framesRendered();
                shownAt[0] = System.nanoTime() - t0;
            });
            Scene scene = stage.getScene();
            view[0].canvas().setOnFrame(() -> {
                if (shownAtFrame[0] >= 0 && view[0].canvas().framesRendered() > shownAtFrame[0] && !done.isDone()) {
                    long gsFrame = System.nanoTime() - t0;
                    shownAtFrame[0] = Long.MAX_VALUE;
                    Runnable[] listener = new Runnable[1];
                    listener[0] = () -> {
                        scene.removePostLayoutPulseListener(listener[0]);
                        done.complete(new long[] {System.nanoTime() - t0, gsFrame, shownAt[0]});
                    };
                    scene.addPostLayoutPulseListener(listener[0]);
                    Platform.requestNextPulse();
                }
            });
            scene.setRoot(view[0]);
            // unclustered, so what is drawn is the whole neighbourhood; set before the focus: one build only
            model.clusterThresholdProperty().set(Integer.MAX_VALUE);
            model.upstreamDepthProperty().set(pick.depth());
            model.downstreamDepthProperty().set(pick.depth());
            model.refocus(pick.focus());
        });
        try {
            return done.get(60, TimeUnit.SECONDS);
        } finally {
            onFx(() -> {
                view[0].dispose();
                return null;
            });
            executor.shutdown();
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
