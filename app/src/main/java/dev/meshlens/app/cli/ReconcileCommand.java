package dev.meshlens.app.cli;

import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.reconcile.NotJudged;
import dev.meshlens.engine.reconcile.ReconcileFinding;
import dev.meshlens.engine.reconcile.Reconciliation;
import dev.meshlens.engine.reconcile.ReconciliationReport;
import dev.meshlens.engine.store.CatalogStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code meshlens reconcile}: declared (ACLs, catalog) versus observed (groups, topics), side by side. */
@Command(name = "reconcile", mixinStandardHelpOptions = true, description = {
        "Reconcile what is declared with what is observed: READ permissions nobody uses (unusedPermissions), groups "
                + "consuming without a matching READ ACL (groupsWithoutAcl), topics nobody may write "
                + "(topicsWithoutWriter), existing topics no catalog entry describes (unregisteredTopics), catalog "
                + "entries whose topic does not exist (catalogEntriesWithoutTopic, as name and topic) and deprecated "
                + "products that still have active consumers (deprecatedWithConsumers). Kafka's internal topics are "
                + "never reported.",
        "A finding needing a source that was never imported (acls, topics, groups, catalog) is not judged: it is "
                + "null in JSON and explained under notJudged.",
        "Informational: exit code 0 whatever is found, unless --fail-on-findings is given."})
final class ReconcileCommand implements Callable<Integer> {
    @ParentCommand
    MeshlensCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    AsOfOptions asOf;

    @Option(names = "--fail-on-findings",
            description = "Exit with code 1 when any judged finding is not empty (findings not judged do not count).")
    boolean failOnFindings;

    @Option(names = "--format", defaultValue = "table", description = "table or json")
    OutputFormat format;

    @Override
    public Integer call() {
        try (CatalogStore store = root.openStore()) {
            CatalogState state = asOf.resolve(store);
            LineageGraph graph = Lineage.build(store, state);
            ReconciliationReport report = new Reconciliation(graph, state).report();
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.json) {
                out.println(Json.write(report));
            } else {
                printTables(report, out);
            }
            return failOnFindings && report.hasFindings() ? MeshlensCli.EXIT_FINDINGS : MeshlensCli.EXIT_OK;
        }
    }

    private static void printTables(ReconciliationReport report, PrintWriter out) {
        Map<String, String> notJudged = report.notJudged().stream()
                .collect(Collectors.toMap(NotJudged::key, NotJudged::reason));
        section(out, ReconcileFinding.UNUSED_PERMISSIONS, notJudged, report.unusedPermissions(),
                rows -> table(out, rows, new Table("PRINCIPAL", "TOPIC"), r -> new Object[]{r.principal(), r.topic()}));
        section(out, ReconcileFinding.GROUPS_WITHOUT_ACL, notJudged, report.groupsWithoutAcl(),
                rows -> table(out, rows, new Table("GROUP", "TOPIC", "PRINCIPAL"),
                        r -> new Object[]{r.group(), r.topic(), r.principal()}));
        section(out, ReconcileFinding.TOPICS_WITHOUT_WRITER, notJudged, report.topicsWithoutWriter(),
                rows -> table(out, rows, new Table("TOPIC"), r -> new Object[]{r}));
        section(out, ReconcileFinding.UNREGISTERED_TOPICS, notJudged, report.unregisteredTopics(),
                rows -> table(out, rows, new Table("TOPIC"), r -> new Object[]{r}));
        section(out, ReconcileFinding.CATALOG_ENTRIES_WITHOUT_TOPIC, notJudged, report.catalogEntriesWithoutTopic(),
                rows -> table(out, rows, new Table("NAME", "TOPIC"), r -> new Object[]{r.name(), r.topic()}));
        section(out, ReconcileFinding.DEPRECATED_WITH_CONSUMERS, notJudged, report.deprecatedWithConsumers(),
                rows -> table(out, rows, new Table("TOPIC", "NAME", "ACTIVE CONSUMERS"),
                        r -> new Object[]{r.topic(), r.name(), String.join(", ", r.consumers())}));
        out.flush();
    }

    /** A heading with the finding's JSON key and count (or why it is not judged), then its rows. */
    private static <T> void section(PrintWriter out, ReconcileFinding finding, Map<String, String> notJudged,
                                    List<T> rows, Consumer<List<T>> printRows) {
        if (finding.ordinal() > 0) {
            out.println();
        }
        String reason = notJudged.get(finding.key());
        if (rows == null) {
            out.println(finding.key() + ": not judged, " + Optional.ofNullable(reason).orElse("a source is missing"));
        } else if (rows.isEmpty()) {
            out.println(finding.key() + ": none");
        } else {
            out.println(finding.key() + ": " + rows.size());
            printRows.accept(rows);
        }
    }

    private static <T> void table(PrintWriter out, List<T> rows, Table table,
                                  Function<T, Object[]> cells) {
        rows.forEach(r -> table.row(cells.apply(r)));
        table.print(out);
    }
}
