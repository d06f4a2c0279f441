package dev.meshlens.app.cli;

import dev.meshlens.engine.change.AffectedConsumer;
import dev.meshlens.engine.change.AffectedNode;
import dev.meshlens.engine.change.BreakingChangeImpact;
import dev.meshlens.engine.change.ChangeImpact;
import dev.meshlens.engine.change.ProposedSchema;
import dev.meshlens.engine.lineage.LineageGraph;
import dev.meshlens.engine.lineage.LineageNode;
import dev.meshlens.engine.lineage.ProductNode;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.SchemaVersion;
import dev.meshlens.engine.schema.CompatibilityMode;
import dev.meshlens.engine.schema.Incompatibility;
import dev.meshlens.engine.schema.SchemaType;
import dev.meshlens.engine.store.CatalogStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code meshlens change PRODUCT --schema FILE}: would this schema break the product's consumers, and whose? */
@Command(name = "change", mixinStandardHelpOptions = true, description = {
        "Judge a proposed schema for a product against the versions registered for its subject, and list who "
                + "depends on the product: direct consumers (principal, group, state, lag, owner, tier) and every "
                + "product and service downstream (owner, tier, depth), strongest tier first.",
        "The subject is the one the catalog's Schema URI names (registry:<subject>), else <topic>-value. The schema "
                + "type comes from the file name (.avsc, .json, .proto), else from the registered versions.",
        "Exit codes: 0 compatible, or no registered versions (anything is compatible with nothing); 1 incompatible, "
                + "or not judged (Protobuf, some JSON Schema constructs: nobody can promise it is safe); 2 bad "
                + "input."})
final class ChangeCommand implements Callable<Integer> {
    @ParentCommand
    MeshlensCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    AsOfOptions asOf;

    @Parameters(paramLabel = "PRODUCT", description = "A topic or a catalog product name.")
    String product;

    @Option(names = "--schema", paramLabel = "FILE", required = true, description = "The proposed schema.")
    Path schema;

    @Option(names = "--mode", paramLabel = "MODE", description = "Judge under this compatibility mode instead of the "
            + "subject's own level: ${COMPLETION-CANDIDATES}.")
    CompatibilityMode mode;

    @Option(names = "--notify-csv", paramLabel = "FILE", description = "Also write the people to notify as CSV "
            + "(Owner,Kind,Name,Tier,Depth,Reason): one row per owner and affected node.")
    Path notifyCsv;

    @Option(names = "--format", defaultValue = "table", description = "table or json")
    OutputFormat format;

    @Override
    public Integer call() {
        String text = read(schema);
        try (CatalogStore store = root.openStore()) {
            CatalogState state = asOf.resolve(store);
            LineageGraph graph = Lineage.build(store, state);
            LineageNode node = Lineage.focus(graph, product, state);
            if (!(node instanceof ProductNode productNode)) {
                throw new CliException("'" + product + "' is a " + node.kind() + ", not a product");
            }
            BreakingChangeImpact analysis = new BreakingChangeImpact(state, graph);
            String subject = analysis.subjectOf(productNode.topic());
            SchemaType type = schemaType(analysis.registeredVersions(subject), subject);
            ChangeImpact impact = analysis.assess(productNode.topic(),
                    new ProposedSchema(schema.toString(), type, text), mode);
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.json) {
                out.println(Json.write(toJson(impact)));
            } else {
                printTable(impact, out);
            }
            if (notifyCsv != null) {
                int rows = NotifyCsv.write(notifyCsv, impact.notifications());
                if (format == OutputFormat.table) {
                    out.println();
                    out.println("Wrote " + rows + (rows == 1 ? " row" : " rows") + " to notify to " + notifyCsv);
                }
            }
            out.flush();
            return exitCode(impact);
        }
    }

    private int exitCode(ChangeImpact impact) {
        return switch (impact.verdict()) {
            case COMPATIBLE, NOTHING_REGISTERED -> MeshlensCli.EXIT_OK;
            case INCOMPATIBLE -> MeshlensCli.EXIT_FINDINGS;
            case NOT_JUDGED -> {
                spec.commandLine().getErr().println("meshlens: cannot judge " + schema + " against "
                        + impact.subject() + " under " + impact.compatibility().mode()
                        + ": nobody can promise this change is safe; ask the Schema Registry");
                yield MeshlensCli.EXIT_FINDINGS;
            }
        };
    }

    /** The file's text, UTF-8; a missing or unreadable file is bad input naming it. */
    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), 0, "no such file");
        } catch (CharacterCodingException e) {
            throw new InputException(file.toString(), 0, "not UTF-8 text; save the file as UTF-8");
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    /** The type the file name says, else the type of the subject's latest registered version. */
    private SchemaType schemaType(List<SchemaVersion> registered, String subject) {
        String name = schema.getFileName() == null ? schema.toString() : schema.getFileName().toString();
        return SchemaType.forFileName(name).orElseGet(() -> {
            if (registered.isEmpty()) {
                throw new CliException("cannot tell the schema type of " + schema + ": name it .avsc, .json or "
                        + ".proto (subject " + subject + " has no registered version to go by)");
            }
            return SchemaType.parse(registered.get(registered.size() - 1).schemaType());
        });
    }

    /** The stable JSON shape: product, subject, mode, verdict, problems, direct consumers, downstream. */
    static Map<String, Object> toJson(ChangeImpact impact) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("product", impact.product());
        json.put("subject", impact.subject());
        json.put("mode", impact.compatibility().mode());
        json.put("compatible", impact.compatibility().compatible());
        json.put("judged", impact.compatibility().judged());
        json.put("verdict", verdict(impact.verdict()));
        json.put("registeredVersions", impact.registeredVersions());
        json.put("problems", impact.compatibility().problems().stream().map(p -> {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("againstVersion", p.againstVersion());
            j.put("fieldPath", p.fieldPath());
            j.put("kind", p.kind());
            j.put("message", p.message());
            return j;
        }).toList());
        json.put("directConsumers", impact.directConsumers().stream().map(c -> {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("principal", c.principal());
            j.put("group", c.group());
            j.put("state", c.state().label());
            j.put("lag", c.lag());
            j.put("owner", c.owner());
            j.put("tier", c.tier());
            return j;
        }).toList());
        json.put("downstream", impact.downstream().stream().map(n -> {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("kind", n.kind());
            j.put("name", n.name());
            j.put("owner", n.owner());
            j.put("tier", n.tier());
            j.put("depth", n.depth());
            return j;
        }).toList());
        return json;
    }

    /** {@code compatible}, {@code incompatible}, {@code not-judged} or {@code no-registered-versions}. */
    static String verdict(ChangeImpact.Verdict verdict) {
        return switch (verdict) {
            case COMPATIBLE -> "compatible";
            case INCOMPATIBLE -> "incompatible";
            case NOT_JUDGED -> "not-judged";
            case NOTHING_REGISTERED -> "no-registered-versions";
        };
    }

    private static void printTable(ChangeImpact impact, PrintWriter out) {
        out.println("Product:  " + impact.product());
        out.println("Subject:  " + impact.subject() + (impact.registeredVersions().isEmpty() ? ""
                : " (versions " + impact.registeredVersions().stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + ")"));
        out.println("Mode:     " + impact.compatibility().mode());
        out.println("Verdict:  " + switch (impact.verdict()) {
            case NOTHING_REGISTERED -> "no registered versions: any schema is compatible with nothing registered";
            case NOT_JUDGED -> "cannot judge: nobody can promise this change is safe";
            case COMPATIBLE -> "compatible";
            case INCOMPATIBLE -> "incompatible (" + impact.compatibility().problems().size()
                    + (impact.compatibility().problems().size() == 1 ? " problem)" : " problems)");
        });
        List<Incompatibility> problems = impact.compatibility().problems();
        if (!problems.isEmpty()) {
            out.println();
            Table table = new Table("VERSION", "FIELD", "KIND", "MESSAGE");
            problems.forEach(p -> table.row(p.againstVersion(), p.fieldPath().isEmpty() ? "-" : p.fieldPath(),
                    p.kind(), p.message()));
            table.print(out);
        }
        out.println();
        out.println(impact.verdict() == ChangeImpact.Verdict.INCOMPATIBLE ? "Direct consumers it breaks:"
                : "Direct consumers:");
        if (impact.directConsumers().isEmpty()) {
            out.println("(none)");
        } else {
            Table table = new Table("PRINCIPAL", "GROUP", "STATE", "LAG", "OWNER", "TIER");
            for (AffectedConsumer c : impact.directConsumers()) {
                table.row(c.principal(), c.group(), c.state().label(), c.lag(), c.owner(), c.tier());
            }
            table.print(out);
        }
        out.println();
        out.println("Downstream:");
        if (impact.downstream().isEmpty()) {
            out.println("(none)");
        } else {
            Table table = new Table("TIER", "KIND", "NAME", "OWNER", "DEPTH");
            for (AffectedNode n : impact.downstream()) {
                table.row(n.tier(), n.kind(), n.name(), n.owner(), n.depth());
            }
            table.print(out);
        }
    }
}
