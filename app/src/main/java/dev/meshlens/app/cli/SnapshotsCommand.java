package dev.meshlens.app.cli;

import dev.meshlens.engine.model.Snapshot;
import dev.meshlens.engine.model.SourceKind;
import dev.meshlens.engine.store.CatalogStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code meshlens snapshots}: every import, oldest first. */
@Command(name = "snapshots", mixinStandardHelpOptions = true, description = "List the snapshots (imports) in the catalog, oldest first.")
final class SnapshotsCommand implements Callable<Integer> {
    @ParentCommand
    MeshlensCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", description = "table or json")
    OutputFormat format;

    @Override
    public Integer call() {
        try (CatalogStore store = root.openStore()) {
            List<Snapshot> snapshots = store.snapshots();
            var out = spec.commandLine().getOut();
            if (format == OutputFormat.json) {
                out.println(Json.write(snapshots.stream().map(SnapshotsCommand::toJson).toList()));
            } else {
                Table table = new Table("ID", "TAKEN AT", "CLUSTER", "SOURCES", "ORIGIN");
                snapshots.forEach(s -> table.row(s.id(), s.takenAt(), s.cluster(), labels(s), s.origin()));
                table.print(out);
            }
            return MeshlensCli.EXIT_OK;
        }
    }

    static Map<String, Object> toJson(Snapshot s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id());
        json.put("takenAt", s.takenAt().toString());
        json.put("cluster", s.cluster());
        json.put("sources", labels(s));
        json.put("origin", s.origin());
        return json;
    }

    static List<String> labels(Snapshot s) {
        return s.sources().stream().sorted().map(SourceKind::label).toList();
    }
}
