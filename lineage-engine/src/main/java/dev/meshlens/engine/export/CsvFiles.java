package dev.meshlens.engine.export;

import dev.meshlens.engine.lineage.ConsumerState;
import dev.meshlens.engine.lineage.EdgeKind;
import dev.meshlens.engine.lineage.LineageEdge;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.LineageTraversal;
import dev.meshlens.engine.lineage.TraversalResult;
import dev.meshlens.engine.lineage.VisitedNode;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the CSV tables (RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a comma, a quote,
 * a line break or surrounding spaces; lists joined with {@code ;}; unknown values empty):
 * <ul>
 *   <li>{@code nodes.csv}: {@code id,kind,name,label,owner,domain,tier,quality,lifecycle,tags,registered,
 *       production,state} for every node;</li>
 *   <li>{@code edges.csv}: {@code id,source,target,kind,evidence,state,lag,groups,hosts} for every edge;</li>
 *   <li>{@code impact.csv}: {@code depth,id,kind,name,label,owner,domain,tier,quality,lifecycle,state} for every
 *       node transitively downstream of a product, nearest first, the product itself left out. A consumer's
 *       state lists the states of its reads from the reached products.</li>
 * </ul>
 */
final class CsvFiles {
    static final String NODES_FILE = "nodes.csv";
    static final String EDGES_FILE = "edges.csv";
    static final String IMPACT_FILE = "impact.csv";

    private static final List<String> NODE_COLUMNS = List.of("id", "kind", "name", "label", "owner", "domain", "tier",
            "quality", "lifecycle", "tags", "registered", "production", "state");
    private static final List<String> EDGE_COLUMNS = List.of("id", "source", "target", "kind", "evidence", "state",
            "lag", "groups", "hosts");
    private static final List<String> IMPACT_COLUMNS = List.of("depth", "id", "kind", "name", "label", "owner",
            "domain", "tier", "quality", "lifecycle", "state");
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[,\"\\r\\n]|^\\s|\\s$");
    private static final String CRLF = "\r\n";

    private CsvFiles() {
    }

    static void writeNodes(ExportGraph graph, Writer out) throws IOException {
        row(out, NODE_COLUMNS);
        for (LineageNode node : graph.nodes()) {
            Map<String, Object> a = graph.attributes(node);
            List<String> cells = new ArrayList<>(NODE_COLUMNS.size());
            cells.add(ExportGraph.id(node));
            NODE_COLUMNS.subList(1, NODE_COLUMNS.size()).forEach(c -> cells.add(cell(a.get(c))));
            row(out, cells);
        }
    }

    static void writeEdges(ExportGraph graph, Writer out) throws IOException {
        row(out, EDGE_COLUMNS);
        for (LineageEdge edge : graph.edges()) {
            Map<String, Object> a = graph.attributes(edge);
            row(out, List.of(ExportGraph.id(edge), ExportGraph.id(edge.from()), ExportGraph.id(edge.to()),
                    cell(a.get("kind")), cell(a.get("evidence")), cell(a.get("state")), cell(a.get("lag")),
                    cell(a.get("groups")), cell(a.get("hosts"))));
        }
    }

    /**
     * Writes the impact list of {@code root}: its whole downstream, however deep.
     */
    static void writeImpact(ExportGraph graph, LineageNode root, Writer out) throws IOException {
        TraversalResult downstream = new LineageTraversal(graph.lineage()).downstream(root);
        Set<LineageNode> reached = downstream.nodeSet();
        row(out, IMPACT_COLUMNS);
        for (VisitedNode visited : downstream.nodes()) {
            if (visited.depth() == 0) {
                continue;
            }
            LineageNode node = visited.node();
            Map<String, Object> a = graph.attributes(node);
            List<String> cells = new ArrayList<>(IMPACT_COLUMNS.size());
            cells.add(Integer.toString(visited.depth()));
            cells.add(ExportGraph.id(node));
            for (String column : IMPACT_COLUMNS.subList(2, IMPACT_COLUMNS.size() - 1)) {
                cells.add(cell(a.get(column)));
            }
            cells.add(readStates(graph, node, reached));
            row(out, cells);
        }
    }

    /** The states of the reads into {@code node} from reached products, in {@link ConsumerState} order. */
    private static String readStates(ExportGraph graph, LineageNode node, Set<LineageNode> reached) {
        EnumSet<ConsumerState> states = EnumSet.noneOf(ConsumerState.class);
        for (LineageEdge edge : graph.lineage().graph().incomingEdgesOf(node)) {
            ConsumerState state = graph.facts(edge).state();
            if (edge.kind() == EdgeKind.READ && reached.contains(edge.from()) && state != null) {
                states.add(state);
            }
        }
        return String.join(";", states.stream().map(ConsumerState::label).toList());
    }

    private static String cell(Object value) {
        return value == null ? "" : ExportGraph.text(value);
    }

    private static void row(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write(CRLF);
    }

    static String quote(String cell) {
        if (!NEEDS_QUOTES.matcher(cell).find()) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
