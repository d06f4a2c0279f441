package dev.meshlens.app.ui.canvas;

import dev.meshlens.app.ui.service.LoadedCatalog;
import dev.meshlens.app.ui.task.BackgroundTask;
import dev.meshlens.app.ui.task.TaskExecutor;
import dev.meshlens.engine.lineage.LineageTraversal;
import dev.meshlens.engine.model.DataProduct;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The state and commands of the lineage canvas window: focus with a browser-like history, depths each way,
 * layout, clustering key, the drawn graph, selection with its details, and a busy flag. Neighbourhoods are built
 * on a {@link BackgroundTask}, never on the UI thread; a newer request supersedes (and cancels) an older one, whose
 * result is then dropped. It is also the {@link CanvasHost} the canvas's modes run in.
 *
 * <p>Properties change and methods are called on the UI thread only.
 */
public final class LineageCanvasViewModel implements CanvasHost {
    private static final Logger LOG = LoggerFactory.getLogger(LineageCanvasViewModel.class);
    /** The depths offered each way: 1 to 10, then unlimited. */
    public static final List<Integer> DEPTH_CHOICES = IntStream.concat(IntStream.rangeClosed(1, 10),
            IntStream.of(LineageTraversal.UNLIMITED)).boxed().toList();

    private final LoadedCatalog catalog;
    private final TaskExecutor executor;
    private final Consumer<DataProduct> opener;
    /** Built on the first worker task: constructing it freezes the lineage index, which takes long on big meshes. */
    private volatile Neighbourhood builder;

    private final List<String> history = new ArrayList<>();
    private int historyIndex = -1;
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(this, "canGoBack");
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper(this, "canGoForward");

    private final ObjectProperty<Integer> upstreamDepth =
            new SimpleObjectProperty<>(this, "upstreamDepth", NeighbourhoodRequest.DEFAULT_DEPTH);
    private final ObjectProperty<Integer> downstreamDepth =
            new SimpleObjectProperty<>(this, "downstreamDepth", NeighbourhoodRequest.DEFAULT_DEPTH);
    private final ObjectProperty<CanvasLayoutKind> layout =
            new SimpleObjectProperty<>(this, "layout", CanvasLayoutKind.LAYERED);
    private final ObjectProperty<GroupBy> groupBy = new SimpleObjectProperty<>(this, "groupBy", GroupBy.DOMAIN);
    private final javafx.beans.property.IntegerProperty clusterThreshold =
            new javafx.beans.property.SimpleIntegerProperty(this, "clusterThreshold",
                    NeighbourhoodRequest.DEFAULT_CLUSTER_THRESHOLD);
    private final ReadOnlyObjectWrapper<NeighbourhoodRequest> request = new ReadOnlyObjectWrapper<>(this, "request");

    private final ReadOnlyObjectWrapper<CanvasGraph> neighbourhood = new ReadOnlyObjectWrapper<>(this, "neighbourhood");
    private final ReadOnlyObjectWrapper<CanvasDrawing> drawing = new ReadOnlyObjectWrapper<>(this, "drawing");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper(this, "selected");
    private final ReadOnlyStringWrapper selectedTitle = new ReadOnlyStringWrapper(this, "selectedTitle", "");
    private final ObservableList<Detail> details = FXCollections.observableArrayList();

    private BackgroundTask<?> running;
    /** Bumped by every request and every draw: results of older builds are dropped. */
    private long generation;

    /**
     * @param catalog  the catalog whose lineage is shown
     * @param executor runs the neighbourhood builds
     * @param opener   opens a product's page (the "Open product" action)
     */
    public LineageCanvasViewModel(LoadedCatalog catalog, TaskExecutor executor, Consumer<DataProduct> opener) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.opener = Objects.requireNonNull(opener, "opener");
        upstreamDepth.addListener((o, a, b) -> rebuild());
        downstreamDepth.addListener((o, a, b) -> rebuild());
        groupBy.addListener((o, a, b) -> rebuild());
        clusterThreshold.addListener((o, a, b) -> rebuild());
        layout.addListener((o, a, b) -> relayout());
    }

    // ---- focus and history

    /**
     * Centres the canvas on {@code id} (a canvas node id such as {@code product:orders}), remembering it in the
     * history; the forward history is dropped, as in a browser. Refocusing on the current focus does nothing.
     */
    public void refocus(String id) {
        Objects.requireNonNull(id, "id");
        if (historyIndex >= 0 && history.get(historyIndex).equals(id)) {
            return;
        }
        while (history.size() > historyIndex + 1) {
            history.remove(history.size() - 1);
        }
        history.add(id);
        historyIndex = history.size() - 1;
        updateHistoryFlags();
        rebuild();
    }

    /**
     * Centres the canvas on what the user typed: a product name or topic, a service name or principal, a group.
     *
     * @return false, with {@link #errorProperty()} saying why, when the text names nothing in the lineage
     */
    public boolean focusOn(String text) {
        Optional<String> id = builder().resolve(text);
        if (id.isEmpty()) {
            error.set("Nothing in the lineage is called '" + (text == null ? "" : text.trim()) + "'");
            return false;
        }
        refocus(id.get());
        return true;
    }

    /** Goes back to the previous focus, if there is one. */
    public void back() {
        if (historyIndex > 0) {
            historyIndex--;
            updateHistoryFlags();
            rebuild();
        }
    }

    /** Goes forward to the focus left by {@link #back()}, if there is one. */
    public void forward() {
        if (historyIndex + 1 < history.size()) {
            historyIndex++;
            updateHistoryFlags();
            rebuild();
        }
    }

    /** The focuses visited, oldest first (for tests and a history menu). */
    public List<String> history() {
        return List.copyOf(history);
    }

    private void updateHistoryFlags() {
        canGoBack.set(historyIndex > 0);
        canGoForward.set(historyIndex + 1 < history.size());
    }

    /**
     * What a double-click does: expands a cluster, refocuses on any other node of the lineage; nodes that are not
     * in the lineage (a record of a trace) are only selected.
     */
    public void activate(String id) {
        if (CanvasIds.isCluster(id)) {
            expand(id);
        } else if (CanvasIds.node(id, catalog.lineage()).isPresent()) {
            refocus(id);
        } else {
            select(id);
        }
    }

    /** Shows the members of the cluster {@code clusterId} (or its sub-clusters when it is still big). */
    public void expand(String clusterId) {
        NeighbourhoodRequest current = request.get();
        if (current != null) {
            build(current.expanding(clusterId));
        }
    }

    /** Folds every expanded cluster again. */
    public void collapseAll() {
        rebuild();
    }

    /** Every product and service name a user may type into the focus field, sorted, for completion. */
    public List<String> focusSuggestions() {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        catalog.products().forEach(p -> names.add(p.name()));
        catalog.lineage().products().forEach(p -> names.add(p.topic()));
        catalog.state().content().services().forEach(s -> names.add(s.name() != null ? s.name() : s.principal()));
        catalog.lineage().services().forEach(s -> names.add(s.principal()));
        return List.copyOf(names);
    }

    // ---- building

    private void rebuild() {
        if (historyIndex < 0) {
            return;
        }
        build(new NeighbourhoodRequest(history.get(historyIndex), upstreamDepth.get(), downstreamDepth.get(),
                groupBy.get(), java.util.Set.of(), clusterThreshold.get()));
    }

    private void build(NeighbourhoodRequest wanted) {
        request.set(wanted);
        long mine = ++generation;
        if (running != null) {
            running.cancel();
        }
        CanvasLayoutKind kind = layout.get();
        busy.set(true);
        error.set("");
        BackgroundTask<CanvasDrawing> task = BackgroundTask.<CanvasDrawing>of("Drawing the lineage", context -> {
            CanvasGraph graph = builder().build(wanted);
            context.checkCancelled();
            return CanvasDrawing.of(graph, kind);
        }).onSuccess(result -> {
            if (mine == generation) {
                neighbourhood.set(result.graph());
                show(result);
            }
        }).onFailure(failure -> {
            if (mine == generation) {
                LOG.warn("Could not draw the lineage of {}: {}", wanted.focus(), failure.getMessage());
                error.set("Cannot draw the lineage of " + wanted.focus() + ": " + failure.getMessage());
            }
        }).onFinished(() -> {
            if (mine == generation) {
                busy.set(false);
                running = null;
            }
        });
        running = task;
        executor.execute(task);
    }

    private void relayout() {
        CanvasDrawing now = drawing.get();
        if (now != null) {
            show(CanvasDrawing.of(now.graph(), layout.get()));
        }
    }

    private void show(CanvasDrawing result) {
        drawing.set(result);
        CanvasGraph graph = result.graph();
        title.set(graph.title());
        status.set(graph.nodes().size() + " nodes · " + graph.edges().size() + " edges");
        String keep = selected.get();
        if (keep != null && graph.node(keep).isEmpty()
                && graph.edges().stream().noneMatch(e -> e.id().equals(keep))) {
            select(null);
        } else {
            select(keep);
        }
    }

    private Neighbourhood builder() {
        Neighbourhood b = builder;
        if (b == null) {
            synchronized (this) {
                b = builder;
                if (b == null) {
                    b = new Neighbourhood(catalog.lineage(), catalog.state());
                    builder = b;
                }
            }
        }
        return b;
    }

    // ---- selection

    /** Selects the node or edge {@code id} of the drawn graph and shows its details; null clears the selection. */
    public void select(String id) {
        CanvasDrawing now = drawing.get();
        if (id == null || now == null) {
            selected.set(null);
            selectedTitle.set("");
            details.clear();
            return;
        }
        Optional<CanvasNode> node = now.graph().node(id);
        if (node.isPresent()) {
            selected.set(id);
            selectedTitle.set(node.get().label());
            details.setAll(node.get().details());
            return;
        }
        Optional<CanvasEdge> edge = now.graph().edges().stream().filter(e -> e.id().equals(id)).findFirst();
        if (edge.isPresent()) {
            selected.set(id);
            selectedTitle.set(label(edge.get().from()) + " → " + label(edge.get().to()));
            details.setAll(edge.get().details());
        } else {
            select(null);
        }
    }

    private String label(String nodeId) {
        CanvasDrawing now = drawing.get();
        return now == null ? nodeId : now.graph().node(nodeId).map(CanvasNode::label).orElse(nodeId);
    }

    /** The catalog product the selection stands for, if a registered product is selected. */
    public Optional<DataProduct> selectedProduct() {
        String id = selected.get();
        if (id == null || !id.startsWith(dev.meshlens.engine.lineage.ProductNode.KIND + ":")) {
            return Optional.empty();
        }
        return catalog.productOn(id.substring(id.indexOf(':') + 1));
    }

    /** Opens the page of the selected product, when a registered product is selected. */
    public void openSelected() {
        selectedProduct().ifPresent(opener);
    }

    /** Refocuses on the selected node, when it is a lineage node. */
    public void focusSelected() {
        String id = selected.get();
        if (id != null && CanvasIds.node(id, catalog.lineage()).isPresent()) {
            refocus(id);
        }
    }

    /** A file name for saving the canvas, e.g. {@code lineage-sales.orders.placed.png}. */
    public String suggestedFileName() {
        String focus = focus();
        String name = focus == null ? "canvas" : focus.substring(focus.indexOf(':') + 1);
        return "lineage-" + name.replaceAll("[^A-Za-z0-9._-]+", "_") + ".png";
    }

    // ---- CanvasHost

    @Override
    public LoadedCatalog catalog() {
        return catalog;
    }

    @Override
    public String focus() {
        return historyIndex < 0 ? null : history.get(historyIndex);
    }

    @Override
    public CanvasGraph neighbourhood() {
        return neighbourhood.get();
    }

    /** Draws {@code graph} at once, laid out by the current layout; a neighbourhood build under way is dropped. */
    @Override
    public void draw(CanvasGraph graph) {
        Objects.requireNonNull(graph, "graph");
        generation++;
        if (running != null) {
            running.cancel();
            running = null;
        }
        busy.set(false);
        show(CanvasDrawing.of(graph, layout.get()));
    }

    @Override
    public void restore() {
        CanvasGraph plain = neighbourhood.get();
        if (plain != null) {
            draw(plain);
        }
    }

    // ---- properties

    /** Whether {@link #back()} has somewhere to go. */
    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    /** Whether {@link #forward()} has somewhere to go. */
    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }

    /** Hops upstream, one of {@link #DEPTH_CHOICES}; changing it redraws. */
    public ObjectProperty<Integer> upstreamDepthProperty() {
        return upstreamDepth;
    }

    /** Hops downstream, one of {@link #DEPTH_CHOICES}; changing it redraws. */
    public ObjectProperty<Integer> downstreamDepthProperty() {
        return downstreamDepth;
    }

    /** The layout; changing it re-lays the drawn graph out. */
    public ObjectProperty<CanvasLayoutKind> layoutProperty() {
        return layout;
    }

    /** What big fan-outs are clustered by; changing it redraws with every cluster folded. */
    public ObjectProperty<GroupBy> groupByProperty() {
        return groupBy;
    }

    /**
     * More nodes than this in one layer behind one neighbour are clustered (default
     * {@link NeighbourhoodRequest#DEFAULT_CLUSTER_THRESHOLD}); {@code Integer.MAX_VALUE} draws every node.
     */
    public javafx.beans.property.IntegerProperty clusterThresholdProperty() {
        return clusterThreshold;
    }

    /** The request behind the neighbourhood drawn or being built. */
    public ReadOnlyObjectProperty<NeighbourhoodRequest> requestProperty() {
        return request.getReadOnlyProperty();
    }

    /** The neighbourhood of the focus as last built, without any mode's marks. */
    public ReadOnlyObjectProperty<CanvasGraph> neighbourhoodProperty() {
        return neighbourhood.getReadOnlyProperty();
    }

    /** What the canvas draws now, laid out. */
    public ReadOnlyObjectProperty<CanvasDrawing> drawingProperty() {
        return drawing.getReadOnlyProperty();
    }

    /** The drawn graph's caption. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** {@code 42 nodes · 57 edges}. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the last request failed; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while a neighbourhood is being built. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The id of the selected node or edge, null when nothing is selected. */
    public ReadOnlyStringProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected node's label, or {@code from → to} for an edge. */
    public ReadOnlyStringProperty selectedTitleProperty() {
        return selectedTitle.getReadOnlyProperty();
    }

    /** The selection's details, in order; empty when nothing is selected. */
    public ObservableList<Detail> details() {
        return details;
    }

    /** How a depth reads in a chooser: {@code 3}, or {@code all} for unlimited. */
    public static String depthLabel(Integer depth) {
        return depth == null ? "" : depth == LineageTraversal.UNLIMITED ? "all" : depth.toString();
    }
}
