package dev.meshlens.engine.export;

import dev.meshlens.engine.lineage.LineageEdge;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.lineage.ServiceNode;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.ExportException;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.graphml.GraphMLExporter.AttributeCategory;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the lineage graph with JGraphT's own exporters: GraphML with a typed key per attribute (what Gephi and
 * yEd read) and Graphviz DOT (what {@code dot -Tsvg} renders). Both carry the attributes of {@link ExportGraph};
 * DOT adds a label, a shape per node kind and a colour per consumer state so the rendering reads at a glance.
 */
final class GraphFiles {
    static final String GRAPHML_FILE = "lineage.graphml";
    static final String DOT_FILE = "lineage.dot";

    /** The GraphML keys: name, what they describe and their type. Registered in this order, so key ids are stable. */
    private static final List<Key> KEYS = List.of(
            new Key("kind", AttributeCategory.ALL, AttributeType.STRING),
            new Key("name", AttributeCategory.NODE, AttributeType.STRING),
            new Key("label", AttributeCategory.NODE, AttributeType.STRING),
            new Key("owner", AttributeCategory.NODE, AttributeType.STRING),
            new Key("domain", AttributeCategory.NODE, AttributeType.STRING),
            new Key("tier", AttributeCategory.NODE, AttributeType.INT),
            new Key("quality", AttributeCategory.NODE, AttributeType.STRING),
            new Key("lifecycle", AttributeCategory.NODE, AttributeType.STRING),
            new Key("tags", AttributeCategory.NODE, AttributeType.STRING),
            new Key("registered", AttributeCategory.NODE, AttributeType.BOOLEAN),
            new Key("production", AttributeCategory.NODE, AttributeType.BOOLEAN),
            new Key("state", AttributeCategory.ALL, AttributeType.STRING),
            new Key("evidence", AttributeCategory.EDGE, AttributeType.STRING),
            new Key("lag", AttributeCategory.EDGE, AttributeType.LONG),
            new Key("groups", AttributeCategory.EDGE, AttributeType.STRING),
            new Key("hosts", AttributeCategory.EDGE, AttributeType.STRING));

    private GraphFiles() {
    }

    private record Key(String name, AttributeCategory category, AttributeType type) {
    }

    /**
     * Writes GraphML; lists are joined with {@code ;}. GraphML ids must be XML name tokens, which principals and
     * group ids often are not ({@code User:CN=a,OU=b}), so nodes are {@code n0, n1, ...} and edges
     * {@code e0, e1, ...} in export order; {@code kind} and {@code name} say what each node is.
     */
    static void writeGraphMl(ExportGraph graph, Writer out) throws IOException {
        Map<LineageNode, String> nodeIds = new HashMap<>();
        graph.nodes().forEach(n -> nodeIds.put(n, "n" + nodeIds.size()));
        Map<LineageEdge, String> edgeIds = new HashMap<>();
        graph.edges().forEach(e -> edgeIds.put(e, "e" + edgeIds.size()));
        GraphMLExporter<LineageNode, LineageEdge> exporter = new GraphMLExporter<>(nodeIds::get);
        KEYS.forEach(k -> exporter.registerAttribute(k.name(), k.category(), k.type()));
        exporter.setEdgeIdProvider(edgeIds::get);
        exporter.setVertexAttributeProvider(node -> typed(graph.attributes(node)));
        exporter.setEdgeAttributeProvider(edge -> typed(graph.attributes(edge)));
        PortableWriter portable = new PortableWriter(out);
        export(() -> exporter.exportGraph(graph.sortedCopy(), portable));
        portable.check();
    }

    /** Writes DOT: quoted ids ({@code "product:orders"}), attribute values escaped for Graphviz. */
    static void writeDot(ExportGraph graph, Writer out) throws IOException {
        DOTExporter<LineageNode, LineageEdge> exporter = new DOTExporter<>(node -> quoted(ExportGraph.id(node)));
        exporter.setGraphIdProvider(() -> "lineage");
        exporter.setGraphAttributeProvider(() -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("rankdir", DefaultAttribute.createAttribute("LR"));
            return a;
        });
        exporter.setVertexAttributeProvider(node -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            Map<String, Object> attributes = graph.attributes(node);
            a.put("label", dotLabel(String.valueOf(attributes.get("label"))));
            a.put("shape", DefaultAttribute.createAttribute(shape(node)));
            attributes.forEach((name, value) -> {
                if (!"label".equals(name)) {
                    a.put(name, dotText(ExportGraph.text(value)));
                }
            });
            return a;
        });
        exporter.setEdgeAttributeProvider(edge -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            Map<String, Object> attributes = graph.attributes(edge);
            a.put("color", DefaultAttribute.createAttribute(colour(attributes.get("state"))));
            if ("never-consumed".equals(attributes.get("state"))) {
                a.put("style", DefaultAttribute.createAttribute("dashed"));
            }
            attributes.forEach((name, value) -> a.put(name, dotText(ExportGraph.text(value))));
            return a;
        });
        PortableWriter portable = new PortableWriter(out);
        export(() -> exporter.exportGraph(graph.sortedCopy(), portable));
        portable.check();
    }

    private static Map<String, Attribute> typed(Map<String, Object> attributes) {
        Map<String, Attribute> typed = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            Attribute attribute;
            if (value instanceof Integer i) {
                attribute = DefaultAttribute.createAttribute(i);
            } else if (value instanceof Long l) {
                attribute = DefaultAttribute.createAttribute(l);
            } else if (value instanceof Boolean b) {
                attribute = DefaultAttribute.createAttribute(b);
            } else {
                attribute = DefaultAttribute.createAttribute(ExportGraph.text(value));
            }
            typed.put(name, attribute);
        });
        return typed;
    }

    private static String shape(LineageNode node) {
        if (node instanceof ProductNode) {
            return "ellipse";
        }
        return node instanceof ServiceNode ? "box" : "diamond";
    }

    /** Graphviz colours by consumer state: trouble stands out, writes and healthy reads stay black. */
    private static String colour(Object state) {
        if (state == null) {
            return "black";
        }
        return switch (state.toString()) {
            case "lagging" -> "orange";
            case "replaying" -> "blue";
            case "stopped", "never-consumed" -> "gray";
            case "unauthorized" -> "red";
            default -> "black";
        };
    }

    /**
     * A double-quoted DOT id. In DOT's quoted strings only {@code \"} is an escape (a backslash stays a
     * backslash), so quotes are escaped and nothing else, except what DOT cannot hold: see {@link #dotSafe}.
     */
    static String quoted(String id) {
        return "\"" + dotSafe(id).replace("\"", "\\\"") + "\"";
    }

    /** A string attribute, made {@link #dotSafe}; the exporter escapes its quotes. */
    private static Attribute dotText(String value) {
        return DefaultAttribute.createAttribute(dotSafe(value));
    }

    /**
     * A label: as {@link #dotText}, with backslashes doubled, because Graphviz reads escapes such as {@code \N}
     * and {@code \l} in labels and {@code \\} stands for one backslash there.
     */
    private static Attribute dotLabel(String value) {
        return DefaultAttribute.createAttribute(dotSafe(value).replace("\\", "\\\\"));
    }

    /**
     * Control characters become spaces (a quoted string cannot break a line), and a value ending in a backslash
     * gets a trailing space, since {@code \"} would escape the closing quote.
     */
    private static String dotSafe(String value) {
        String safe = value.replaceAll("\\p{Cntrl}", " ");
        return safe.endsWith("\\") ? safe + " " : safe;
    }

    private interface ExportCall {
        void run();
    }

    /** JGraphT wraps I/O failures in its own unchecked exception; they are I/O failures of the export. */
    private static void export(ExportCall call) throws IOException {
        try {
            call.run();
        } catch (ExportException e) {
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof IOException)) {
                cause = cause.getCause();
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * What JGraphT's exporters write through. They end lines with the platform's separator, so carriage returns
     * are dropped to keep the files byte-identical across platforms (values never hold one: DOT values have
     * control characters replaced, and the XML serializer writes one inside a value as a character reference).
     * They also write through a {@link java.io.PrintWriter}, which swallows I/O errors: the first failure is kept
     * here and rethrown by {@link #check()}.
     */
    private static final class PortableWriter extends FilterWriter {
        private IOException failure;

        PortableWriter(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            if (c != '\r') {
                guard(() -> out.write(c));
            }
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            int run = offset;
            int end = offset + length;
            for (int i = offset; i < end; i++) {
                if (buffer[i] == '\r') {
                    int from = run;
                    int count = i - from;
                    guard(() -> out.write(buffer, from, count));
                    run = i + 1;
                }
            }
            int from = run;
            guard(() -> out.write(buffer, from, end - from));
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            write(text.toCharArray(), offset, length);
        }

        @Override
        public void flush() throws IOException {
            guard(out::flush);
        }

        /** Never closes the file: the caller owns it. */
        @Override
        public void close() throws IOException {
            flush();
        }

        /** @throws IOException the first write failure the exporter swallowed */
        void check() throws IOException {
            flush();
            if (failure != null) {
                throw failure;
            }
        }

        private void guard(IoCall call) throws IOException {
            try {
                call.run();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
                throw e;
            }
        }

        private interface IoCall {
            void run() throws IOException;
        }
    }
}
