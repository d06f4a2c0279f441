package dev.meshlens.app.cli;

import dev.meshlens.engine.lineage.ConsumerDetail;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.store.CatalogStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code meshlens consumers PRODUCT}: who reads a product, by which evidence, and whether they keep up. */
@Command(name = "consumers", mixinStandardHelpOptions = true, description = "List who reads a product: principal, group, evidence (acl, group), lag "
        + "and state (up-to-date, lagging, stopped, never-consumed, unauthorized).")
final class ConsumersCommand implements Callable<Integer> {
    @ParentCommand
    MeshlensCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    AsOfOptions asOf;

    @Parameters(paramLabel = "PRODUCT", description = "A topic or a catalog product name.")
    String product;

    @Option(names = "--format", defaultValue = "table", description = "table or json")
    OutputFormat format;

    @Override
    public Integer call() {
        try (CatalogStore store = root.openStore()) {
            CatalogState state = asOf.resolve(store);
            LineageGraph graph = Lineage.build(store, state);
            LineageNode node = Lineage.focus(graph, product, state);
            if (!(node instanceof ProductNode productNode)) {
                throw new CliException("'" + product + "' is a " + node.kind() + ", not a product");
            }
            List<ConsumerDetail> consumers = graph.consumers(productNode.topic());
            var out = spec.commandLine().getOut();
            if (format == OutputFormat.json) {
                out.println(Json.write(consumers));
            } else {
                Table table = new Table("PRINCIPAL", "GROUP", "EVIDENCE", "LAG", "STATE");
                consumers.forEach(c -> table.row(c.principal(), c.group(), String.join(",", c.evidence()), c.lag(),
                        c.state().label()));
                table.print(out);
            }
            return MeshlensCli.EXIT_OK;
        }
    }
}
