package dev.meshlens.app.cli;

import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.LineageOptions;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.SourceKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/** Builds the lineage graph of a catalog state and resolves what the user named in it. */
final class Lineage {
    private static final Logger LOG = LoggerFactory.getLogger(Lineage.class);

    private Lineage() {
    }

    static LineageGraph build(CatalogState state) {
        if (!state.has(SourceKind.ACLS)) {
            LOG.warn("no ACLs imported for cluster {}: producers are unknown and every consumer group shows as "
                    + "unauthorized", state.cluster());
        }
        return LineageGraph.build(state, LineageOptions.defaults());
    }

    /**
     * The node named by {@code text}.
     *
     * @throws CliException naming up to five similar names when nothing matches
     */
    static LineageNode focus(LineageGraph graph, String text, CatalogState state) {
        return graph.findNode(text).orElseThrow(() -> new CliException("no product, service or group '" + text
                + "' in cluster " + state.cluster() + " as of snapshot " + state.asOf().id() + suggestions(graph, text)));
    }

    private static String suggestions(LineageGraph graph, String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        var similar = Stream.concat(graph.products().stream(), graph.services().stream())
                .map(LineageNode::name)
                .filter(n -> n.toLowerCase(Locale.ROOT).contains(needle) || needle.contains(n.toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparingInt(String::length))
                .limit(5)
                .toList();
        return similar.isEmpty() ? "" : "; did you mean " + String.join(", ", similar) + "?";
    }
}
