package dev.meshlens.app.cli;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.store.CatalogInUseException;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.engine.store.StoreException;
import dev.meshlens.importers.profile.ConnectionProfiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The {@code meshlens} command line. Every subcommand answers from the same engine the desktop app uses.
 * Exit codes: 0 success, 1 a check found problems (e.g. tier violations), 2 usage or input error (one line on
 * stderr), 3 an unexpected internal error, 130 cancelled (Ctrl-C).
 */
@Command(name = "meshlens", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Data catalog and lineage explorer for event-driven data meshes on Apache Kafka.",
        subcommands = {ImportCommand.class, ProductsCommand.class, LineageCommand.class, ConsumersCommand.class,
                SnapshotsCommand.class, DemoCommand.class, TiersCommand.class, ReconcileCommand.class,
                AccessCommand.class, ChangeCommand.class, TraceCommand.class, DiffCommand.class,
                ProfileCommand.class, DemoClusterCommand.class, ExportCommand.class, VerifyCommand.class,
                CommandLine.HelpCommand.class})
public final class MeshlensCli implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERNAL = 3;
    /** Cancelled by Ctrl-C, as shells report a command ended by SIGINT. */
    public static final int EXIT_CANCELLED = 130;
    /** The environment variable naming the connection profiles file; default {@code ~/.meshlens/profiles.json}. */
    public static final String PROFILES_ENV = "MESHLENS_PROFILES";
    private static final Logger LOG = LoggerFactory.getLogger(MeshlensCli.class);

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", paramLabel = "URL",
            description = "The catalog: a JDBC URL (jdbc:h2:..., jdbc:postgresql:...) or the path of an H2 file. "
                    + "Default: $MESHLENS_DB, else ~/.meshlens/catalog.")
    String db;

    @Option(names = "--read-only",
            description = "Open the catalog read-only: every query works, imports are refused. Reads a catalog "
                    + "that another Meshlens (e.g. the window) has open.")
    boolean readOnly;

    private final Map<String, String> env;

    MeshlensCli(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The JDBC URL of the catalog chosen by {@code --db} or the environment. */
    String jdbcUrl() {
        return CatalogLocation.resolve(db, env);
    }

    /**
     * Opens the chosen catalog, creating it when it does not exist yet; a shared catalog with the credentials
     * of the environment or the credentials file (see {@link CatalogCredentials}).
     */
    CatalogStore openStore() {
        return openStore(jdbcUrl());
    }

    /** Opens the catalog at {@code jdbcUrl} as {@link #openStore()} does: read-only with {@code --read-only}. */
    CatalogStore openStore(String jdbcUrl) {
        return CatalogLocation.open(jdbcUrl, env, readOnly);
    }

    /** The connection profiles: {@code $MESHLENS_PROFILES}, else {@code ~/.meshlens/profiles.json}. */
    ConnectionProfiles profiles() {
        String file = env.get(PROFILES_ENV);
        return new ConnectionProfiles(file == null || file.isBlank() ? ConnectionProfiles.defaultFile() : Path.of(file));
    }

    /** Runs the command line with the process's streams and environment. */
    public static int run(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return commandLine(out, err, System.getenv()).execute(args);
    }

    /** A configured command line writing to the given streams; tests drive it directly. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env) {
        MeshlensCli root = new MeshlensCli(env);
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("meshlens: " + ex.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName()
                    + " --help')");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof CancellationException) {
                cmd.getErr().println("meshlens: cancelled; nothing was written");
                return EXIT_CANCELLED;
            }
            if (ex instanceof CatalogInUseException inUse && inUse.readableReadOnly() && !root.readOnly) {
                cmd.getErr().println("meshlens: catalog " + inUse.location() + " is in use by another Meshlens"
                        + " (the window?); use --read-only to read it");
                return EXIT_USAGE;
            }
            if (ex instanceof InputException || ex instanceof StoreException || ex instanceof CliException
                    || ex instanceof IllegalArgumentException) {
                cmd.getErr().println("meshlens: " + oneLine(ex.getMessage()));
                return EXIT_USAGE;
            }
            LOG.error("unexpected failure", ex);
            cmd.getErr().println("meshlens: internal error: " + oneLine(String.valueOf(ex)));
            return EXIT_INTERNAL;
        });
        return cl;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
