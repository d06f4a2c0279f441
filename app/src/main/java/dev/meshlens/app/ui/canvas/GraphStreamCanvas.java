package dev.meshlens.app.ui.canvas;

import dev.meshlens.engine.layout.LayoutPoint;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import org.graphstream.graph.Edge;
import org.graphstream.graph.Graph;
import org.graphstream.graph.Node;
import org.graphstream.graph.implementations.MultiGraph;
import org.graphstream.ui.fx_viewer.FxDefaultView;
import org.graphstream.ui.fx_viewer.FxViewer;
import org.graphstream.ui.geom.Point3;
import org.graphstream.ui.graphicGraph.GraphicElement;
import org.graphstream.ui.graphicGraph.GraphicGraph;
import org.graphstream.ui.javafx.FxGraphRenderer;
import org.graphstream.ui.layout.springbox.implementations.SpringBox;
import org.graphstream.ui.view.View;
import org.graphstream.ui.view.camera.Camera;
import org.graphstream.ui.view.util.InteractiveElement;
import org.graphstream.ui.view.util.MouseManager;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Draws a {@link CanvasDrawing} with GraphStream inside the JavaFX window: one GraphStream graph, viewed by an
 * {@link FxViewer} whose panel is {@link #node()}. Nodes are placed at the drawing's positions (the layered
 * layout, no auto layout) or by GraphStream's spring box (force-directed); classes carry kind, tier, edge style and
 * marks, and {@link CanvasStyles} styles them. Mouse: click selects, double-click activates, drag pans, the wheel
 * zooms about the pointer, hovering an edge labels it with its lag.
 *
 * <p>Use on the JavaFX thread only (the viewer runs in the GUI-thread model: the graph is changed where it is
 * drawn, so a whole new graph lands in one go between two frames).
 */
public final class GraphStreamCanvas {
    private static final int MAX_LABEL = 28;
    /** Labels are shown while a graph unit is at least this many pixels: below, 12 px text outgrows its box. */
    private static final double LABEL_MIN_PX_PER_GU = 0.4;
    /** The largest zoom a graph opens at: node boxes and their 11 px labels then still match. */
    private static final double LARGEST_PX_PER_GU = 0.75;
    /** The scale a graph too big to read when fitted opens at, around its focus. */
    private static final double CLOSE_UP_PX_PER_GU = 0.55;
    /** Beyond this many nodes, drawing without antialiasing keeps the software renderer's frames short. */
    private static final int ANTIALIAS_LIMIT = 600;

    static {
        // GraphStream picks its UI backend from this property
        System.setProperty("org.graphstream.ui", "javafx");
    }

    private final Graph graph = new MultiGraph("lineage-canvas", false, true, 2048, 4096);
    private final FxViewer viewer;
    private final FrameRenderer renderer = new FrameRenderer();
    private final FxDefaultView view;
    private final Map<String, CanvasEdge> edgesById = new HashMap<>();
    private final Map<String, String> nodeClasses = new HashMap<>();
    private final Map<String, String> edgeClasses = new HashMap<>();

    private CanvasDrawing drawing;
    private boolean dark;
    /** Whether ordinary labels are shown; decided from the zoom after each frame. */
    private boolean labelsShown = true;
    private String selected;
    private String hoveredEdge;
    private Consumer<String> onSelect = id -> { };
    private Consumer<String> onActivate = id -> { };
    private Consumer<String> onHover = text -> { };
    private Runnable onFrame = () -> { };

    private double pressX;
    private double pressY;
    private Point3 pressCenter;
    private boolean dragged;

    /** Creates the viewer and its panel, empty. */
    public GraphStreamCanvas() {
        viewer = new FxViewer(graph, FxViewer.ThreadingModel.GRAPH_IN_GUI_THREAD);
        view = (FxDefaultView) viewer.addDefaultView(false, renderer);
        view.setMouseManager(new NoMouseManager());
        view.setId("lineage-canvas");
        view.setMinSize(100, 100);
        view.getStyleClass().add("lineage-canvas");
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        view.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        view.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        view.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        view.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        applyStylesheet();
    }

    /** The JavaFX node that shows the canvas; it fills whatever space its parent gives it. */
    public Region node() {
        return view;
    }

    /** Sets what a click does with the id of the node or edge clicked, null for empty space. */
    public void setOnSelect(Consumer<String> onSelect) {
        this.onSelect = Objects.requireNonNull(onSelect);
    }

    /** Sets what a double-click on a node does with its id. */
    public void setOnActivate(Consumer<String> onActivate) {
        this.onActivate = Objects.requireNonNull(onActivate);
    }

    /** Sets what receives a one-line description of what the pointer is over ("" over empty space). */
    public void setOnHover(Consumer<String> onHover) {
        this.onHover = Objects.requireNonNull(onHover);
    }

    /** Sets what runs after every frame GraphStream renders (on the JavaFX thread). */
    public void setOnFrame(Runnable onFrame) {
        this.onFrame = Objects.requireNonNull(onFrame);
    }

    /** How many frames GraphStream has rendered so far. */
    public long framesRendered() {
        return renderer.frames;
    }

    /**
     * Replaces what is drawn by {@code next}: the GraphStream graph is rebuilt (elements, classes, labels and
     * positions set in one pass) and the camera fits the whole graph.
     */
    public void show(CanvasDrawing next) {
        Objects.requireNonNull(next, "next");
        this.drawing = next;
        hoveredEdge = null;
        viewer.disableAutoLayout();
        graph.clear();
        edgesById.clear();
        nodeClasses.clear();
        edgeClasses.clear();
        CanvasGraph g = next.graph();
        boolean layered = next.layout() == CanvasLayoutKind.LAYERED;
        Bounds bounds = Bounds.of(next.positions().values());
        double atFit = pxPerGuAtFit(bounds);
        LayoutPoint focus = g.focus() == null ? null : next.positions().get(g.focus());
        // a graph too big to read when fitted opens readable around its focus; Fit shows all of it
        boolean closeUp = layered && focus != null && atFit < LABEL_MIN_PX_PER_GU;
        labelsShown = !layered || closeUp || atFit >= LABEL_MIN_PX_PER_GU;
        applyStylesheet();
        if (g.nodes().size() <= ANTIALIAS_LIMIT) {
            graph.setAttribute("ui.antialias");
            graph.setAttribute("ui.quality");
        }
        for (CanvasNode n : g.nodes()) {
            Node node = graph.addNode(n.id());
            String classes = nodeClassList(n, n.id().equals(selected));
            nodeClasses.put(n.id(), classes);
            node.setAttribute("ui.class", classes);
            node.setAttribute("ui.label", shorten(n.label()));
            LayoutPoint p = next.positions().get(n.id());
            if (p != null) {
                // GraphStream's y axis points up; the layout's points down
                node.setAttribute("xyz", p.x(), -p.y(), 0);
            }
        }
        for (CanvasEdge e : g.edges()) {
            Edge edge = graph.addEdge(e.id(), e.from(), e.to(), true);
            String classes = edgeClassList(e, e.id().equals(selected));
            edgeClasses.put(e.id(), classes);
            edge.setAttribute("ui.class", classes);
            edgesById.put(e.id(), e);
        }
        if (selected != null && graph.getNode(selected) == null && graph.getEdge(selected) == null) {
            selected = null;
        }
        if (!layered) {
            viewer.enableAutoLayout(new SpringBox(false));
        }
        zoomToFit();
        if (closeUp) {
            Camera camera = view.getCamera();
            camera.setAutoFitView(false);
            camera.setViewCenter(focus.x(), -focus.y(), 0);
            camera.setViewPercent(atFit / CLOSE_UP_PX_PER_GU);
        } else if (layered && bounds != null && atFit > LARGEST_PX_PER_GU) {
            // a small graph fitted to the view would be blown up until its end nodes leave it: keep it at the
            // size its labels were made for, centred
            Camera camera = view.getCamera();
            camera.setAutoFitView(false);
            camera.setViewCenter((bounds.minX() + bounds.maxX()) / 2, -(bounds.minY() + bounds.maxY()) / 2, 0);
            camera.setViewPercent(atFit / LARGEST_PX_PER_GU);
        }
    }

    /** Draws {@code id} (a node or an edge) as selected, and nothing else; null clears the selection. */
    public void select(String id) {
        if (Objects.equals(id, selected) || drawing == null) {
            return;
        }
        String old = selected;
        selected = id;
        restyle(old);
        restyle(id);
    }

    private void restyle(String id) {
        if (id == null) {
            return;
        }
        boolean on = id.equals(selected);
        Node node = graph.getNode(id);
        if (node != null) {
            drawing.graph().node(id).ifPresent(n -> {
                String classes = nodeClassList(n, on);
                nodeClasses.put(id, classes);
                node.setAttribute("ui.class", classes);
            });
            return;
        }
        Edge edge = graph.getEdge(id);
        CanvasEdge e = edgesById.get(id);
        if (edge != null && e != null) {
            String classes = edgeClassList(e, on);
            edgeClasses.put(id, classes);
            edge.setAttribute("ui.class", classes);
        }
    }

    /** Switches the colours to the dark or the light theme, keeping what is drawn. */
    public void setDark(boolean dark) {
        this.dark = dark;
        applyStylesheet();
    }

    /** Fits the whole graph in the view. */
    public void zoomToFit() {
        Camera camera = view.getCamera();
        camera.setAutoFitView(true);
        camera.resetView();
    }

    /** Zooms by {@code factor} (above 1 zooms in) about the view's centre. */
    public void zoom(double factor) {
        Camera camera = view.getCamera();
        camera.setAutoFitView(false);
        camera.setViewPercent(Math.max(0.005, Math.min(4, camera.getViewPercent() / factor)));
    }

    /** Stops the viewer's timer and any running layout; the canvas cannot be used afterwards. */
    public void close() {
        viewer.close();
    }

    /**
     * Writes what the canvas shows now as a PNG of the canvas's size.
     *
     * @throws IOException when the file cannot be written
     */
    public void writePng(Path file) throws IOException {
        WritableImage image = view.snapshot(new SnapshotParameters(), null);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        // PNG has no use for the alpha channel here: the canvas paints its whole background
        BufferedImage opaque = new BufferedImage(buffered.getWidth(), buffered.getHeight(), BufferedImage.TYPE_INT_RGB);
        opaque.getGraphics().drawImage(buffered, 0, 0, null);
        if (!ImageIO.write(opaque, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    /** What GraphStream's graphic graph holds now: the structure that is drawn. */
    public CanvasSnapshot snapshot() {
        GraphicGraph drawn = viewer.getGraphicGraph();
        List<String> nodeIds = new ArrayList<>();
        Map<String, NodeKind> kinds = new LinkedHashMap<>();
        Map<String, Set<Mark>> marks = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        String selectedNow = null;
        for (Node n : (Iterable<Node>) drawn.nodes()::iterator) {
            nodeIds.add(n.getId());
            EnumSet<Mark> nodeMarks = EnumSet.noneOf(Mark.class);
            for (String cls : classes(n)) {
                Mark mark = CanvasStyles.markOf(cls);
                if (mark != null) {
                    nodeMarks.add(mark);
                }
                for (NodeKind kind : NodeKind.values()) {
                    if (CanvasStyles.kindClass(kind).equals(cls)) {
                        kinds.put(n.getId(), kind);
                    }
                }
            }
            if (nodeMarks.contains(Mark.SELECTED)) {
                selectedNow = n.getId();
            }
            marks.put(n.getId(), Set.copyOf(nodeMarks));
            Object label = n.getAttribute("ui.label");
            labels.put(n.getId(), label == null ? "" : label.toString());
        }
        List<String> edgeIds = new ArrayList<>();
        Map<String, EdgeStyle> styles = new LinkedHashMap<>();
        Map<String, String> colours = new LinkedHashMap<>();
        for (Edge e : (Iterable<Edge>) drawn.edges()::iterator) {
            edgeIds.add(e.getId());
            if (e instanceof org.graphstream.ui.graphicGraph.GraphicElement graphic
                    && graphic.getStyle().getFillColorCount() > 0) {
                org.graphstream.ui.graphicGraph.stylesheet.Color c = graphic.getStyle().getFillColor(0);
                colours.put(e.getId(), String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue()));
            }
            for (String cls : classes(e)) {
                for (EdgeStyle style : EdgeStyle.values()) {
                    if (CanvasStyles.styleClass(style).equals(cls)) {
                        styles.put(e.getId(), style);
                    }
                }
                if (CanvasStyles.markClass(Mark.SELECTED).equals(cls)) {
                    selectedNow = e.getId();
                }
            }
        }
        return new CanvasSnapshot(nodeIds, edgeIds, kinds, marks, styles, selectedNow, labels, colours);
    }

    private static List<String> classes(org.graphstream.graph.Element element) {
        Object value = element.getAttribute("ui.class");
        if (value == null) {
            return List.of();
        }
        return List.of(value.toString().trim().split("\\s*,\\s*"));
    }

    // ---- classes and labels

    private static String nodeClassList(CanvasNode n, boolean selected) {
        List<String> classes = markClasses(n.marks(), selected);
        if (n.kind() != NodeKind.CLUSTER) {
            classes.add(CanvasStyles.tierClass(n.tier()));
        }
        classes.add(CanvasStyles.kindClass(n.kind()));
        return String.join(", ", classes);
    }

    private static String edgeClassList(CanvasEdge e, boolean selected) {
        List<String> classes = markClasses(e.marks(), selected);
        classes.add(CanvasStyles.styleClass(e.style()));
        return String.join(", ", classes);
    }

    /**
     * The classes of {@code marks}, strongest first: where two classes of an element set the same property,
     * GraphStream takes the FIRST one listed. So the selection comes first, then the marks of a mode (added,
     * removed, breaks, ...), then dimmed, and the element's own tier or state last: a removed edge is drawn
     * red even when its state would draw it dashed purple.
     */
    private static List<String> markClasses(java.util.Set<Mark> marks, boolean selected) {
        List<String> classes = new java.util.ArrayList<>();
        if (selected || marks.contains(Mark.SELECTED)) {
            classes.add(CanvasStyles.markClass(Mark.SELECTED));
        }
        for (Mark mark : Mark.values()) {
            if (mark != Mark.DIMMED && mark != Mark.SELECTED && marks.contains(mark)) {
                classes.add(CanvasStyles.markClass(mark));
            }
        }
        if (marks.contains(Mark.DIMMED)) {
            classes.add(CanvasStyles.markClass(Mark.DIMMED));
        }
        return classes;
    }

    private static String shorten(String label) {
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
    }

    /** How many pixels a graph unit will be once the camera fits {@code bounds} in the view. */
    private double pxPerGuAtFit(Bounds bounds) {
        if (bounds == null) {
            return 1;
        }
        double width = view.getWidth() > 0 ? view.getWidth() : 1000;
        double height = view.getHeight() > 0 ? view.getHeight() : 700;
        return Math.min((width - 200) / Math.max(1, bounds.maxX() - bounds.minX()),
                (height - 80) / Math.max(1, bounds.maxY() - bounds.minY()));
    }

    /** The box around a drawing's positions, in layout coordinates. */
    private record Bounds(double minX, double maxX, double minY, double maxY) {
        /** The box around {@code points}; null when there are none. */
        static Bounds of(java.util.Collection<LayoutPoint> points) {
            if (points.isEmpty()) {
                return null;
            }
            double minX = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (LayoutPoint p : points) {
                minX = Math.min(minX, p.x());
                maxX = Math.max(maxX, p.x());
                minY = Math.min(minY, p.y());
                maxY = Math.max(maxY, p.y());
            }
            return new Bounds(minX, maxX, minY, maxY);
        }
    }

    private void applyStylesheet() {
        boolean layered = drawing == null || drawing.layout() == CanvasLayoutKind.LAYERED;
        graph.setAttribute("ui.stylesheet", CanvasStyles.stylesheet(dark, layered, labelsShown || !layered));
    }

    /**
     * After each frame: shows labels once a graph unit is big enough on screen, hides them below; the stylesheet
     * is only swapped when that changes, since restyling touches every element.
     */
    private void checkLabels() {
        if (drawing == null || drawing.layout() != CanvasLayoutKind.LAYERED) {
            return;
        }
        double pxPerGu = view.getCamera().getMetrics().ratioPx2Gu;
        boolean want = pxPerGu >= LABEL_MIN_PX_PER_GU;
        if (pxPerGu > 0 && want != labelsShown) {
            labelsShown = want;
            javafx.application.Platform.runLater(this::applyStylesheet);
        }
    }

    // ---- mouse

    private GraphicElement elementAt(double x, double y, EnumSet<InteractiveElement> types) {
        try {
            return view.findGraphicElementAt(types, x, y);
        } catch (RuntimeException e) {
            // before the first frame the camera has no metrics to hit-test with
            return null;
        }
    }

    private void pressed(MouseEvent event) {
        view.requestFocus();
        pressX = event.getX();
        pressY = event.getY();
        pressCenter = view.getCamera().getViewCenter();
        dragged = false;
    }

    private void dragged(MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY || pressCenter == null) {
            return;
        }
        double dx = event.getX() - pressX;
        double dy = event.getY() - pressY;
        if (!dragged && Math.hypot(dx, dy) < 4) {
            return;
        }
        dragged = true;
        Camera camera = view.getCamera();
        double pxPerGu = camera.getMetrics().ratioPx2Gu;
        if (pxPerGu <= 0) {
            return;
        }
        camera.setAutoFitView(false);
        camera.setViewCenter(pressCenter.x - dx / pxPerGu, pressCenter.y + dy / pxPerGu, pressCenter.z);
    }

    private void clicked(MouseEvent event) {
        if (dragged || event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        GraphicElement node = elementAt(event.getX(), event.getY(), EnumSet.of(InteractiveElement.NODE));
        GraphicElement hit = node != null ? node
                : elementAt(event.getX(), event.getY(), EnumSet.of(InteractiveElement.EDGE));
        String id = hit == null ? null : hit.getId();
        if (event.getClickCount() >= 2 && node != null) {
            onActivate.accept(id);
        } else {
            onSelect.accept(id);
        }
    }

    private void moved(MouseEvent event) {
        GraphicElement node = elementAt(event.getX(), event.getY(), EnumSet.of(InteractiveElement.NODE));
        GraphicElement edge = node != null ? null
                : elementAt(event.getX(), event.getY(), EnumSet.of(InteractiveElement.EDGE));
        String edgeId = edge == null ? null : edge.getId();
        if (!Objects.equals(edgeId, hoveredEdge)) {
            if (hoveredEdge != null && graph.getEdge(hoveredEdge) != null) {
                graph.getEdge(hoveredEdge).removeAttribute("ui.label");
            }
            hoveredEdge = edgeId;
            if (edgeId != null && graph.getEdge(edgeId) != null) {
                graph.getEdge(edgeId).setAttribute("ui.label", edgeHoverLabel(edgesById.get(edgeId)));
            }
        }
        if (node != null && drawing != null) {
            onHover.accept(drawing.graph().node(node.getId()).map(GraphStreamCanvas::nodeHoverText).orElse(""));
        } else if (edgeId != null) {
            onHover.accept(edgeHoverText(edgesById.get(edgeId)));
        } else {
            onHover.accept("");
        }
    }

    private void scrolled(ScrollEvent event) {
        if (event.getDeltaY() == 0) {
            return;
        }
        Camera camera = view.getCamera();
        if (camera.getMetrics().ratioPx2Gu <= 0) {
            return;
        }
        Point3 before = camera.transformPxToGu(event.getX(), event.getY());
        zoom(event.getDeltaY() > 0 ? 1.2 : 1 / 1.2);
        Point3 after = camera.transformPxToGu(event.getX(), event.getY());
        Point3 center = camera.getViewCenter();
        // keep the point under the pointer where it is
        camera.setViewCenter(center.x + before.x - after.x, center.y + before.y - after.y, center.z);
        event.consume();
    }

    /** The label an edge gets while hovered: its lag, or its state when the lag is unknown. */
    static String edgeHoverLabel(CanvasEdge edge) {
        if (edge == null) {
            return "";
        }
        String state = edge.style().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return edge.lag() == null ? state : String.format(Locale.ROOT, "lag %,d · %s", edge.lag(), state);
    }

    private static String edgeHoverText(CanvasEdge edge) {
        return edge == null ? "" : edge.from() + " → " + edge.to() + ": " + edgeHoverLabel(edge);
    }

    private static String nodeHoverText(CanvasNode n) {
        String tier = n.tier() == null ? "" : " · " + n.tier();
        return n.label() + tier + (n.owner() == null ? "" : " · " + n.owner());
    }

    /** GraphStream's full renderer, counting frames and telling when one is done. */
    private final class FrameRenderer extends FxGraphRenderer {
        private long frames;

        @Override
        protected void endFrame() {
            super.endFrame();
            frames++;
            checkLabels();
            onFrame.run();
        }
    }

    /** Leaves the mouse to the canvas's own handlers: GraphStream's default one drags nodes around. */
    private static final class NoMouseManager implements MouseManager {
        @Override
        public void init(GraphicGraph graphicGraph, View view) {
            // the canvas handles mouse events itself
        }

        @Override
        public void release() {
            // nothing was registered
        }

        @Override
        public EnumSet<InteractiveElement> getManagedTypes() {
            return EnumSet.noneOf(InteractiveElement.class);
        }
    }
}
