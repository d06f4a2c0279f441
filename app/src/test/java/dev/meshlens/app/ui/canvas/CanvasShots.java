package dev.meshlens.app.ui.canvas;

import dev.meshlens.app.ui.common.Stylesheets;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.app.ui.task.DefaultTaskExecutor;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.synthetic.MeshSize;
import dev.meshlens.synthetic.SyntheticMesh;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Opens the lineage canvas alone, for looking at it by hand under Xvfb and taking screenshots:
 * {@code java -cp <test classpath> dev.meshlens.app.ui.canvas.CanvasShots demo|synthetic [FOCUS-ID] [dark] [up=N]
 * [down=N] [select=ID]} (N = 0 for unlimited). {@code synthetic} focuses the medium synthetic mesh's biggest
 * fan-out when no focus is given.
 */
public final class CanvasShots {
    private CanvasShots() {
    }

    public static void main(String[] args) {
        // a main class that is not an Application, so JavaFX on the class path is enough
        Application.launch(Window.class, args);
    }

    private static int depth(String text) {
        int depth = Integer.parseInt(text);
        return depth == 0 ? dev.meshlens.engine.lineage.LineageTraversal.UNLIMITED : depth;
    }

    /** The JavaFX application that opens the canvas. */
    public static final class Window extends Application {
    @Override
    public void start(Stage ignored) {
        var args = getParameters().getRaw();
        boolean dark = args.contains("dark");
        java.util.Map<String, String> options = new java.util.HashMap<>();
        args.stream().filter(a -> a.contains("=")).forEach(a -> options.put(a.substring(0, a.indexOf('=')),
                a.substring(a.indexOf('=') + 1)));
        args = args.stream().filter(a -> !a.contains("=") && !a.equals("dark")).toList();
        var positional = args;
        String which = positional.isEmpty() ? "demo" : positional.get(0);
        new Thread(() -> {
            LoadedCatalog catalog;
            String focus;
            if (which.equals("synthetic")) {
                SyntheticMesh mesh = SyntheticMesh.generate(MeshSize.M, 42);
                MeshContent.Collector collector = new MeshContent.Collector();
                mesh.writeTo(collector);
                catalog = CanvasMeshes.loaded(SyntheticMesh.CLUSTER, collector.content());
                focus = positional.size() > 1 ? positional.get(1) : CanvasIds.product(mesh.bigFanOutProduct());
            } else {
                catalog = CanvasMeshes.demo();
                focus = positional.size() > 1 ? positional.get(1) : "product:analytics.revenue.hourly";
            }
            Platform.runLater(() -> {
                LineageCanvasViewModel model = new LineageCanvasViewModel(catalog, new DefaultTaskExecutor(),
                        p -> { });
                LineageCanvasView.show(null, model, Stylesheets.forTheme(dark), dark);
                if (options.containsKey("up")) {
                    model.upstreamDepthProperty().set(depth(options.get("up")));
                }
                if (options.containsKey("down")) {
                    model.downstreamDepthProperty().set(depth(options.get("down")));
                }
                model.refocus(focus);
                if (options.containsKey("select")) {
                    model.drawingProperty().addListener((o, a, b) -> model.select(options.get("select")));
                }
            });
        }).start();
    }
    }
}
