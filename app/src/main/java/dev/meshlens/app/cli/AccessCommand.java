package dev.meshlens.app.cli;

import dev.meshlens.engine.access.SensitiveReach;
import dev.meshlens.engine.access.SensitiveReachReport;
import dev.meshlens.engine.access.SensitiveReader;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.store.CatalogStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code meshlens access --tag PII}: who can read sensitive products, and by which path. */
@Command(name = "access", mixinStandardHelpOptions = true, description = {
        "List every principal that can read a product carrying a tag (ignoring case), directly or through a product "
                + "derived from it, with the shortest path from the tagged product to the reader.",
        "Flags: hasGroup=false when no group of the reader consumes the topic it reads (permission without use), "
                + "registered=false when the principal is not in services.csv, authorized=false when it consumes "
                + "without a matching READ ACL. A consumer group no principal can be named for is listed by group.",
        "JSON: {\"tag\",\"products\":[tagged topics],\"readers\":[{\"principal\",\"product\",\"readsTopic\","
                + "\"direct\",\"path\",\"hasGroup\",\"registered\",\"authorized\"}]}; a flag is null where its source "
                + "was never imported.",
        "Informational: exit code 0."})
final class AccessCommand implements Callable<Integer> {
    @ParentCommand
    MeshlensCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    AsOfOptions asOf;

    @Option(names = "--tag", required = true, paramLabel = "TAG", description = "The tag, e.g. PII or financial.")
    String tag;

    @Option(names = "--format", defaultValue = "table", description = "table or json")
    OutputFormat format;

    @Override
    public Integer call() {
        if (tag.isBlank()) {
            throw new CliException("--tag must not be blank");
        }
        try (CatalogStore store = root.openStore()) {
            CatalogState state = asOf.resolve(store);
            LineageGraph graph = Lineage.build(store, state);
            SensitiveReachReport report = new SensitiveReach(graph, state).readersOf(tag);
            if (report.products().isEmpty()) {
                // Said on stderr so JSON stays clean: an empty answer must not pass for "nobody can read it".
                spec.commandLine().getErr().println("meshlens: no catalog product of cluster " + state.cluster()
                        + " is tagged '" + report.tag() + "'");
            }
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.json) {
                out.println(Json.write(report));
            } else {
                Table table = new Table("PRODUCT", "READER", "READS", "DIRECT", "HAS GROUP", "REGISTERED",
                        "AUTHORIZED", "PATH");
                for (SensitiveReader r : report.readers()) {
                    table.row(r.product(), r.principal() != null ? r.principal() : "group " + r.group(), r.readsTopic(),
                            yesNo(r.direct()), yesNo(r.hasGroup()), yesNo(r.registered()), yesNo(r.authorized()),
                            String.join(" -> ", r.path()));
                }
                table.print(out);
            }
            return MeshlensCli.EXIT_OK;
        }
    }

    /** yes, no, or ? where the source needed to tell was never imported. */
    private static String yesNo(Boolean value) {
        return value == null ? "?" : value ? "yes" : "no";
    }
}
