package dev.meshlens.bench;

import dev.meshlens.app.ui.catalog.CatalogView;
import dev.meshlens.app.ui.catalog.CatalogViewModel;
import dev.meshlens.app.ui.catalog.ProductRow;
import dev.meshlens.app.ui.product.SchemaFieldReader;
import dev.meshlens.app.ui.service.LineageFacts;
import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageOptions;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.synthetic.SyntheticMesh;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Search as you type in the real window's product table: a catalog of the synthetic generator (size M: 10,000
 * products) loaded into the app's {@link CatalogViewModel} and {@link CatalogView} on a JavaFX stage; each
 * keystroke of several typed phrases sets the search field's text, which filters the rows (the view model's
 * predicate, the table's sorted view of them) and is timed until the table's items are replaced and a CSS and
 * layout pass over the scene is done, all on the JavaFX thread as a keystroke would be. Runs under the desktop
 * when {@code DISPLAY} is set, else headless with Monocle (software rendering).
 */
final class TablePhase {
    private static final Logger LOG = LoggerFactory.getLogger(TablePhase.class);
    private static final int PHRASES = 5;

    private final String size;
    private final long seed;
    private final int rounds;

    TablePhase(Args args) {
        this.size = args.get("size");
        this.seed = args.getLong("seed", 42);
        this.rounds = args.getInt("rounds", 3);
    }

    void run() throws Exception {
        List<ProductRow> rows = rows();
        List<String> phrases = phrases(rows);
        String display = startJavaFx();
        try {
            Parent root = onFx(() -> show(rows));
            TextField search = (TextField) root.lookup("#search-field");
            TableView<?> table = (TableView<?>) root.lookup("#product-table");
            Samples samples = new Samples();
            Samples filtering = new Samples();
            Samples layout = new Samples();
            long shown = 0;
            int keystrokes = 0;
            for (int round = -1; round < rounds; round++) {
                for (String phrase : phrases) {
                    for (int len = 1; len <= phrase.length(); len++) {
                        String typed = phrase.substring(0, len);
                        boolean timed = round >= 0;
                        int items = onFx(() -> {
                            // the two halves are timed apart too, to tell the filter from the table's layout
                            long t0 = System.nanoTime();
                            long c0 = Clock.cpu();
                            search.setText(typed);
                            long t1 = System.nanoTime();
                            long c1 = Clock.cpu();
                            root.applyCss();
                            root.layout();
                            long t2 = System.nanoTime();
                            long c2 = Clock.cpu();
                            if (timed) {
                                samples.add(t2 - t0, c2 - c0);
                                filtering.add(t1 - t0, c1 - c0);
                                layout.add(t2 - t1, c2 - c1);
                            }
                            return table.getItems().size();
                        });
                        if (timed) {
                            keystrokes++;
                            shown += items;
                        }
                    }
                    onFx(() -> {
                        search.setText("");
                        root.layout();
                        return null;
                    });
                }
            }
            LOG.info("table update: {} keystrokes over {} products, median {} ms", keystrokes, rows.size(),
                    samples.medianMs());
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("products", rows.size());
            fields.put("phrases", phrases.size());
            fields.put("keystrokes", keystrokes / Math.max(1, rounds));
            fields.put("mean_rows_shown", keystrokes == 0 ? 0 : shown / (double) keystrokes);
            fields.put("filter_median_ms", filtering.medianMs());
            fields.put("layout_median_ms", layout.medianMs());
            fields.put("filter_cpu_median_ms", filtering.cpuMedianMs());
            fields.put("layout_cpu_median_ms", layout.cpuMedianMs());
            fields.put("display", display);
            fields.put("target_ms", 100);
            Report.emit(Result.of("table-update", MeshSizes.label(size), "app", samples, fields));
        } finally {
            Platform.exit();
        }
    }

    /** The product rows of the generated catalog, built as the window builds them. */
    private List<ProductRow> rows() {
        SyntheticMesh mesh = SyntheticMesh.generate(MeshSizes.spec(size), seed);
        MeshContent.Collector collector = new MeshContent.Collector();
        mesh.writeTo(collector);
        MeshContent content = collector.content();
        Snapshot snapshot = new Snapshot(1, Stores.DAY_ZERO, SyntheticMesh.CLUSTER, content.sources(), "generator");
        CatalogState state = new CatalogState(SyntheticMesh.CLUSTER, snapshot, Map.of(), content);
        LineageGraph graph = LineageGraph.build(state, LineageOptions.defaults());
        LoadedCatalog loaded = new LoadedCatalog(state, snapshot, new LineageFacts(state, graph));
        SchemaFieldReader schemas = new SchemaFieldReader();
        List<ProductRow> rows = new ArrayList<>();
        for (DataProduct product : loaded.products()) {
            rows.add(ProductRow.of(loaded, product, schemas));
        }
        return rows;
    }

    /** The names of products spread over the catalog, lower-case, as a user would type them. */
    private static List<String> phrases(List<ProductRow> rows) {
        List<String> phrases = new ArrayList<>();
        for (int i = 1; i <= PHRASES && !rows.isEmpty(); i++) {
            phrases.add(rows.get(rows.size() * i / (PHRASES + 1)).product().name().toLowerCase(Locale.ROOT));
        }
        return phrases;
    }

    /** Starts JavaFX: on the desktop when there is one, else headless Monocle; says which. */
    private static String startJavaFx() throws InterruptedException {
        String display = System.getenv("DISPLAY");
        String used;
        if (display == null || display.isBlank()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            used = "monocle-headless";
        } else {
            used = "x11 " + display;
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.join();
        return used;
    }

    /** The product table on a stage of the window's default size, with the catalog's rows. */
    private static Parent show(List<ProductRow> rows) {
        CatalogViewModel viewModel = new CatalogViewModel();
        CatalogView view = new CatalogView(viewModel, List.of());
        Stage stage = new Stage();
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
        viewModel.setRows(rows);
        view.applyCss();
        view.layout();
        return view;
    }

    /** Runs {@code work} on the JavaFX thread and waits for its result. */
    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(5, TimeUnit.MINUTES);
    }
}
