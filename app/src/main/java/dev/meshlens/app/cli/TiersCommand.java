package dev.meshlens.app.cli;

import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.SlaTier;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.engine.tiers.TierChains;
import dev.meshlens.engine.tiers.TierReport;
import dev.meshlens.engine.tiers.TierViolation;
import dev.meshlens.engine.tiers.UnknownTier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code meshlens tiers}: SLA tier promises that the upstream cannot keep. */
@Command(name = "tiers", mixinStandardHelpOptions = true, description = {
        "Check SLA tier chains: a product or service cannot promise a better tier (1 strongest .. 4) than the worst "
                + "tier declared anywhere upstream of it. Each violation shows the limiting path, from the node up "
                + "to the node that caps it, and the tier it could honestly promise (cappedAt).",
        "Products and services without a declared tier are listed as unknown; they cap nothing.",
        "JSON: {\"violations\":[{\"kind\",\"name\",\"declaredTier\",\"cappedAt\",\"path\"}],"
                + "\"unknown\":[{\"kind\",\"name\"}],\"policyViolations\":[...]}.",
        "Exit code 1 when there are violations or policy violations, 0 otherwise."})
final class TiersCommand implements Callable<Integer> {
    private static final String PATH_SEPARATOR = " <- ";

    @ParentCommand
    MeshlensCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    AsOfOptions asOf;

    @Option(names = "--min-production-tier", paramLabel = "N",
            description = "Policy: every production service (services.csv Production=true) must have no tier worse "
                    + "than N upstream; breaking services are listed as policy violations.")
    Integer minProductionTier;

    @Option(names = "--format", defaultValue = "table", description = "table or json")
    OutputFormat format;

    @Override
    public Integer call() {
        if (minProductionTier != null
                && (minProductionTier < SlaTier.STRONGEST || minProductionTier > SlaTier.WEAKEST)) {
            throw new CliException("--min-production-tier must be a tier from " + SlaTier.STRONGEST + " to "
                    + SlaTier.WEAKEST + ", got " + minProductionTier);
        }
        try (CatalogStore store = root.openStore()) {
            CatalogState state = asOf.resolve(store);
            LineageGraph graph = Lineage.build(store, state);
            TierChains chains = new TierChains(graph, state);
            TierReport report = minProductionTier == null ? chains.report() : chains.report(minProductionTier);
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.json) {
                out.println(Json.write(report));
            } else {
                printTables(report, out);
            }
            return report.hasFindings() ? MeshlensCli.EXIT_FINDINGS : MeshlensCli.EXIT_OK;
        }
    }

    private void printTables(TierReport report, PrintWriter out) {
        printViolations("Tier violations", report.violations(), out);
        if (minProductionTier != null) {
            out.println();
            printViolations("Policy violations (production services with an upstream tier worse than "
                    + minProductionTier + ")", report.policyViolations(), out);
        }
        out.println();
        List<UnknownTier> unknown = report.unknown();
        out.println("Without a declared tier: " + (unknown.isEmpty() ? "none" : unknown.size()));
        if (!unknown.isEmpty()) {
            Table table = new Table("KIND", "NAME");
            unknown.forEach(u -> table.row(u.kind(), u.name()));
            table.print(out);
        }
        out.flush();
    }

    private static void printViolations(String title, List<TierViolation> violations, PrintWriter out) {
        out.println(title + ": " + (violations.isEmpty() ? "none" : violations.size()));
        if (violations.isEmpty()) {
            return;
        }
        Table table = new Table("KIND", "NAME", "DECLARED", "CAPPED AT", "PATH");
        violations.forEach(v -> table.row(v.kind(), v.name(), v.declaredTier(), v.cappedAt(),
                String.join(PATH_SEPARATOR, v.path())));
        table.print(out);
    }
}
