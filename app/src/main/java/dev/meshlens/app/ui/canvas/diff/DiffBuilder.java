package dev.meshlens.app.ui.canvas.diff;

import dev.meshlens.app.ui.canvas.CanvasEdge;
import dev.meshlens.app.ui.canvas.CanvasGraph;
import dev.meshlens.app.ui.canvas.CanvasNode;
import dev.meshlens.app.ui.canvas.Detail;
import dev.meshlens.app.ui.canvas.Mark;
import dev.meshlens.app.ui.canvas.modes.GraphAssembly;
import dev.meshlens.app.ui.canvas.modes.Layering;
import dev.meshlens.app.ui.canvas.modes.LineageIds;
import dev.meshlens.app.ui.canvas.modes.NodeFacts;
import dev.meshlens.engine.diff.Changed;
import dev.meshlens.engine.diff.ConsumerRow;
import dev.meshlens.engine.diff.EdgeRow;
import dev.meshlens.engine.diff.FieldChange;
import dev.meshlens.engine.diff.SectionDiff;
import dev.meshlens.engine.diff.SnapshotDiff;
import dev.meshlens.engine.diff.TierChange;
import dev.meshlens.engine.lineage.GroupNode;
import dev.meshlens.engine.lineage.LineageEdge;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.ServiceNode;
import dev.meshlens.engine.model.AclBinding;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.Topic;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Draws the engine's {@link SnapshotDiff} of two snapshots: every lineage node and edge that was added, removed or
 * changed, over the whole cluster (a change far from the focus is still a change the user asked to see), with the
 * unchanged nodes at the ends of changed edges dimmed for context. Nodes: ADDED or REMOVED when only one lineage
 * graph has them; CHANGED when both do and their catalog entry, services.csv row, topic, tier or schema changed.
 * Edges: the diff's edges section (evidence, state, hosts), and consumer rows whose state or lag changed. Columns
 * follow the data flow of what is drawn ({@link Layering}). Pure and thread-safe.
 */
public final class DiffBuilder {

    /** The diff of {@code diff}'s two states, whose lineage graphs are {@code fromGraph} and {@code toGraph}. */
    public DiffAnalysis build(SnapshotDiff diff, LineageGraph fromGraph, LineageGraph toGraph, String focusId) {
        Objects.requireNonNull(diff, "diff");
        NodeFacts before = new NodeFacts(diff.from());
        NodeFacts after = new NodeFacts(diff.to());
        Map<String, LineageNode> nodes = new LinkedHashMap<>();
        Map<String, Mark> nodeMarks = new LinkedHashMap<>();
        Map<String, List<Detail>> nodeDetails = new LinkedHashMap<>();
        List<DiffRow> rows = new ArrayList<>();

        for (LineageNode n : toGraph.graph().vertexSet()) {
            if (!fromGraph.graph().containsVertex(n)) {
                mark(nodes, nodeMarks, n, Mark.ADDED);
            }
        }
        for (LineageNode n : fromGraph.graph().vertexSet()) {
            if (!toGraph.graph().containsVertex(n)) {
                mark(nodes, nodeMarks, n, Mark.REMOVED);
            }
        }
        section(diff.products(), "product", DataProduct::topic, p -> new ProductNode(p.topic()), rows, nodes,
                nodeMarks, nodeDetails, fromGraph, toGraph);
        section(diff.services(), "service", ServiceInfo::principal, s -> new ServiceNode(s.principal()), rows,
                nodes, nodeMarks, nodeDetails, fromGraph, toGraph);
        section(diff.topics(), "topic", Topic::name, t -> new ProductNode(t.name()), rows, nodes, nodeMarks,
                nodeDetails, fromGraph, toGraph);
        for (TierChange t : diff.tiers()) {
            String text = "tier " + tierText(t.from()) + " → " + tierText(t.to());
            rows.add(new DiffRow("changed", "tier", t.kind() + " " + t.name(), text));
            LineageNode node = t.kind().equals(ProductNode.KIND) ? new ProductNode(t.name()) : new ServiceNode(t.name());
            changedNode(node, text, nodes, nodeMarks, nodeDetails, fromGraph, toGraph);
        }
        SectionDiff<SchemaVersion> schemas = diff.schemas();
        schemas.added().forEach(s -> schemaRow("added", s, "", rows, nodes, nodeMarks, nodeDetails, fromGraph, toGraph));
        schemas.removed().forEach(s -> schemaRow("removed", s, "", rows, nodes, nodeMarks, nodeDetails, fromGraph,
                toGraph));
        schemas.changed().forEach(c -> schemaRow("changed", c.after(), fields(c.changes()), rows, nodes, nodeMarks,
                nodeDetails, fromGraph, toGraph));
        SectionDiff<AclBinding> acls = diff.acls();
        acls.added().forEach(a -> rows.add(new DiffRow("added", "acl", acl(a), "")));
        acls.removed().forEach(a -> rows.add(new DiffRow("removed", "acl", acl(a), "")));

        Map<String, CanvasEdge> edges = new LinkedHashMap<>();
        SectionDiff<EdgeRow> edgeDiff = diff.edges();
        for (EdgeRow e : edgeDiff.added()) {
            rows.add(new DiffRow("added", "edge", e.edge().toString(), ""));
            edge(edges, nodes, e.edge(), NodeFacts.edge(e.edge(), e.facts(), GraphAssembly.marks(Mark.ADDED)));
        }
        for (EdgeRow e : edgeDiff.removed()) {
            rows.add(new DiffRow("removed", "edge", e.edge().toString(), ""));
            edge(edges, nodes, e.edge(), NodeFacts.edge(e.edge(), e.facts(), GraphAssembly.marks(Mark.REMOVED)));
        }
        for (Changed<EdgeRow> c : edgeDiff.changed()) {
            String text = fields(c.changes());
            rows.add(new DiffRow("changed", "edge", c.after().edge().toString(), text));
            edge(edges, nodes, c.after().edge(), withDetail(NodeFacts.edge(c.after().edge(), c.after().facts(),
                    GraphAssembly.marks(Mark.CHANGED)), text));
        }
        SectionDiff<ConsumerRow> consumers = diff.consumers();
        consumers.added().forEach(c -> rows.add(new DiffRow("added", "consumer", consumer(c), "")));
        consumers.removed().forEach(c -> rows.add(new DiffRow("removed", "consumer", consumer(c), "")));
        for (Changed<ConsumerRow> c : consumers.changed()) {
            String text = fields(c.changes());
            rows.add(new DiffRow("changed", "consumer", consumer(c.after()), text));
            LineageNode reader = c.after().consumer().principal() != null
                    ? new ServiceNode(c.after().consumer().principal()) : new GroupNode(c.after().consumer().group());
            LineageNode product = new ProductNode(c.after().topic());
            LineageEdge read = toGraph.graph().getEdge(product, reader);
            String id = LineageIds.id(product) + "->" + LineageIds.id(reader);
            if (read != null && fromGraph.graph().containsEdge(product, reader) && !edges.containsKey(id)) {
                edge(edges, nodes, read, withDetail(NodeFacts.edge(read, toGraph.facts(read),
                        GraphAssembly.marks(Mark.CHANGED)), text));
            }
        }

        List<String> ids = new ArrayList<>(nodes.keySet());
        Map<String, Integer> layers = Layering.longestPath(ids, edges.values().stream()
                .map(e -> new String[] {e.from(), e.to()}).toList());
        GraphAssembly graph = new GraphAssembly();
        for (String id : ids) {
            LineageNode node = nodes.get(id);
            Mark mark = nodeMarks.getOrDefault(id, Mark.DIMMED);
            Set<Mark> marks = EnumSet.of(mark);
            if (id.equals(focusId)) {
                marks.add(Mark.FOCUS);
            }
            NodeFacts facts = mark == Mark.REMOVED ? before : after;
            List<Detail> extra = new ArrayList<>();
            extra.add(new Detail("In the diff", switch (mark) {
                case ADDED -> "only in snapshot #" + diff.to().asOf().id();
                case REMOVED -> "only in snapshot #" + diff.from().asOf().id();
                case CHANGED -> "changed";
                default -> "unchanged, drawn for context";
            }));
            nodeDetails.getOrDefault(id, List.of()).forEach(extra::add);
            CanvasNode drawn = facts.node(node, layers.get(id), marks, extra);
            graph.add(drawn);
        }
        edges.values().forEach(graph::add);
        String title = "Changes from snapshot #" + diff.from().asOf().id() + " to #" + diff.to().asOf().id()
                + " · " + rows.size() + " changes";
        return new DiffAnalysis(diff.from().asOf().id(), diff.to().asOf().id(), graph.build(title, focusId), rows);
    }

    private static <T> void section(SectionDiff<T> section, String name, Function<T, String> subject,
                                    Function<T, LineageNode> node, List<DiffRow> rows, Map<String, LineageNode> nodes,
                                    Map<String, Mark> marks, Map<String, List<Detail>> details,
                                    LineageGraph fromGraph, LineageGraph toGraph) {
        for (T added : section.added()) {
            rows.add(new DiffRow("added", name, subject.apply(added), ""));
            changedNode(node.apply(added), name + " entry added", nodes, marks, details, fromGraph, toGraph);
        }
        for (T removed : section.removed()) {
            rows.add(new DiffRow("removed", name, subject.apply(removed), ""));
            changedNode(node.apply(removed), name + " entry removed", nodes, marks, details, fromGraph, toGraph);
        }
        for (Changed<T> c : section.changed()) {
            String text = fields(c.changes());
            rows.add(new DiffRow("changed", name, subject.apply(c.after()), text));
            changedNode(node.apply(c.after()), text, nodes, marks, details, fromGraph, toGraph);
        }
    }

    /** Marks a node present in both graphs as changed, with why; a node of one graph only keeps ADDED/REMOVED. */
    private static void changedNode(LineageNode node, String why, Map<String, LineageNode> nodes,
                                    Map<String, Mark> marks, Map<String, List<Detail>> details,
                                    LineageGraph fromGraph, LineageGraph toGraph) {
        boolean inFrom = fromGraph.graph().containsVertex(node);
        boolean inTo = toGraph.graph().containsVertex(node);
        if (!inFrom && !inTo) {
            return; // a catalog entry whose topic is in neither lineage: listed, not drawn
        }
        String id = LineageIds.id(node);
        if (inFrom && inTo) {
            mark(nodes, marks, node, Mark.CHANGED);
        }
        details.computeIfAbsent(id, k -> new ArrayList<>()).add(new Detail("Change", why));
    }

    private static void mark(Map<String, LineageNode> nodes, Map<String, Mark> marks, LineageNode node, Mark mark) {
        String id = LineageIds.id(node);
        nodes.putIfAbsent(id, node);
        marks.putIfAbsent(id, mark);
    }

    private static void schemaRow(String change, SchemaVersion s, String detail, List<DiffRow> rows,
                                  Map<String, LineageNode> nodes, Map<String, Mark> marks,
                                  Map<String, List<Detail>> details, LineageGraph fromGraph, LineageGraph toGraph) {
        rows.add(new DiffRow(change, "schema", s.subject() + " v" + s.version(), detail));
        String subject = s.subject();
        String topic = subject.endsWith("-value") ? subject.substring(0, subject.length() - 6)
                : subject.endsWith("-key") ? subject.substring(0, subject.length() - 4) : null;
        if (topic != null) {
            changedNode(new ProductNode(topic), "schema " + subject + " v" + s.version() + " " + change, nodes, marks,
                    details, fromGraph, toGraph);
        }
    }

    private static void edge(Map<String, CanvasEdge> edges, Map<String, LineageNode> nodes, LineageEdge edge,
                             CanvasEdge drawn) {
        nodes.putIfAbsent(LineageIds.id(edge.from()), edge.from());
        nodes.putIfAbsent(LineageIds.id(edge.to()), edge.to());
        edges.putIfAbsent(drawn.id(), drawn);
    }

    private static CanvasEdge withDetail(CanvasEdge edge, String change) {
        List<Detail> details = new ArrayList<>(edge.details());
        details.add(new Detail("Change", change));
        return new CanvasEdge(edge.from(), edge.to(), edge.style(), edge.lag(), edge.marks(), details);
    }

    /** {@code state up-to-date → stopped; lag 0 → 170}. */
    static String fields(Map<String, FieldChange> changes) {
        List<String> parts = new ArrayList<>();
        changes.forEach((field, change) -> parts.add(field + " " + value(change.from()) + " → " + value(change.to())));
        return String.join("; ", parts);
    }

    private static String value(Object value) {
        return value == null ? "none" : value.toString();
    }

    private static String tierText(Integer tier) {
        return tier == null ? "none" : tier.toString();
    }

    private static String acl(AclBinding a) {
        return a.permission() + " " + a.principal() + " " + a.operation() + " " + a.resourceType() + " "
                + a.patternType() + " " + a.resourceName() + (a.host().equals("*") ? "" : " from " + a.host());
    }

    private static String consumer(ConsumerRow c) {
        return c.topic() + " read by " + (c.consumer().principal() == null ? "(no principal)" : c.consumer().principal())
                + (c.consumer().group() == null ? "" : " group " + c.consumer().group());
    }
}
