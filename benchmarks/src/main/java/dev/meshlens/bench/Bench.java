package dev.meshlens.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark harness behind {@code benchmarks/run}: runs every benchmark phase in a JVM of its own (a clean
 * heap per phase, a bounded heap where memory is the question), prints one JSON line per result as it arrives,
 * then the results, ratios and targets as Markdown tables.
 *
 * <pre>
 * Bench [--quick] [--pg JDBC_URL] [--sizes M,L] [--only lineage,sql,import,history,canvas,table] [--work DIR]
 *       [--seed 42] [--sql-heap 2g] [--sql-timeout-s 30] [--sql-roots 100] [--sql-max-failures 5]
 *       [--import-lines 1000000]
 *       [--history-size M] [--history-days 365] [--heap L=12g] [--out FILE]
 * </pre>
 */
public final class Bench {
    private static final Logger LOG = LoggerFactory.getLogger(Bench.class);
    private static final PrintStream OUT = System.out;
    /** The environment variable through which a phase gets the PostgreSQL URL. */
    static final String PG_URL_VARIABLE = "MESHLENS_BENCH_PG";
    /**
     * Logback's configuration property. The harness names its own configuration: the app's jar on the class path
     * has a {@code logback.xml} too, and logback would warn about the two on standard output, among the results.
     */
    private static final String LOGBACK_CONFIG = "logback.configurationFile";

    private final Options options;
    private final List<Result> results = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    private Bench(Options options) {
        this.options = options;
    }

    /**
     * Runs the benchmarks.
     *
     * @param args see the class comment; {@code --help} prints them
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("benchmarks: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            OUT.println(Options.USAGE);
            return;
        }
        new Bench(options).run();
    }

    private void run() throws IOException, InterruptedException {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String loadAtStart = Machine.loadAverage();
        List<String> header = List.of(
                "# Meshlens benchmarks",
                "",
                "- started: " + start + (options.quick() ? " (quick mode)" : " (full run)"),
                "- command: `benchmarks/run " + String.join(" ", options.redactedArgs()) + "`",
                "- machine: " + Machine.cores() + " cores (" + Machine.cpu() + "), " + Machine.memory()
                        + " memory; JVM " + Machine.jvm(),
                "- load average (1, 5, 15 min) at start: " + loadAtStart
                        + "  (more than the core count means other work competed for the CPU)",
                "- sizes: " + String.join(", ", options.sizes()) + "; seed " + options.seed()
                        + "; roots: the 100 fixed random roots of each mesh"
                        + (options.quick() ? "; quick mode: " + options.quickNote() : ""));
        header.forEach(OUT::println);
        OUT.println();
        OUT.flush();

        Path work = options.work();
        Files.createDirectories(work);
        for (String size : options.sizes()) {
            Path dir = work.resolve("lineage-" + size);
            if (options.runs("lineage")) {
                boolean ok = phase("lineage " + size, options.lineageHeap(size), "lineage", "--size", size,
                        "--work", dir.toString(), "--seed", Long.toString(options.seed()),
                        "--warmup", Integer.toString(options.quick() ? 1 : 3),
                        "--rounds", Integer.toString(options.quick() ? 3 : 5),
                        "--build-reps", Integer.toString(options.quick() ? 1 : size.equals("L") ? 2 : 3),
                        "--search-rounds", Integer.toString(size.equals("M") ? (options.quick() ? 3 : 10) : 0),
                        // quick mode has no minute for M's store import: M's catalog comes from the generator
                        "--source", options.quick() && !size.equals("S") ? "generator" : "store");
                if (!ok) {
                    continue;
                }
            }
            if (options.runs("sql") && Files.exists(dir.resolve("roots.tsv"))) {
                String h2 = Stores.url(dir) + ";CACHE_SIZE=65536";
                for (String direction : List.of("downstream", "upstream")) {
                    if (!options.quick()) {
                        // the textbook query first, briefly: H2 keeps duplicates and loops on cycles, say so
                        sqlPhase(size, direction, "h2", h2, null, EdgeTable.Form.UNION,
                                Math.min(10, options.sqlTimeoutSeconds()), 3);
                    }
                    sqlPhase(size, direction, "h2", h2, null, EdgeTable.Form.DEPTH_BOUNDED,
                            options.sqlTimeoutSeconds(), options.sqlMaxFailures());
                    if (options.pg() != null) {
                        // the URL may hold a password: it goes to the child in its environment, not its command
                        sqlPhase(size, direction, "postgresql", "env:" + PG_URL_VARIABLE,
                                direction.equals("downstream") ? Stores.url(dir) : null, EdgeTable.Form.UNION,
                                options.sqlTimeoutSeconds(), options.sqlMaxFailures());
                    }
                }
            }
            if (options.runs("sql")) {
                cleanUp(dir);
            }
        }
        if (options.runs("import")) {
            phase("file import", options.importHeap(), "import", "--work", work.resolve("import").toString(),
                    "--lines", Long.toString(options.importLines()), "--seed", Long.toString(options.seed()));
            cleanUp(work.resolve("import"));
        }
        if (options.runs("history")) {
            phase("snapshot history", options.lineageHeap(options.historySize()), "history",
                    "--size", options.historySize(), "--work", work.resolve("history").toString(),
                    "--seed", Long.toString(options.seed()), "--days", Integer.toString(options.historyDays()),
                    "--open-samples", Integer.toString(options.quick() ? 2 : 10));
            cleanUp(work.resolve("history"));
        }

        if (options.runs("canvas")) {
            // the synthetic M mesh holds neighbourhoods of every size asked for; quick mode measures fewer runs
            phase("canvas first frame", "2g", "canvas", "--size", "M", "--seed", Long.toString(options.seed()),
                    "--warmup", options.quick() ? "1" : "2", "--rounds", options.quick() ? "3" : "5",
                    "--nodes", "500,2000");
        }
        if (options.runs("table")) {
            // the window's search on a 10,000-product catalog (size M): keystroke to updated product table
            phase("table update M", "2g", "table", "--size", "M", "--seed", Long.toString(options.seed()),
                    "--rounds", Integer.toString(options.quick() ? 1 : 3));
        }

        List<String> report = new ArrayList<>(header);
        report.add("- load average at end: " + Machine.loadAverage() + "; wall time "
                + Math.round((Instant.now().getEpochSecond() - start.getEpochSecond()) / 60.0) + " min");
        report.add("");
        report.addAll(ResultTable.render(results, failures, options.quick()));
        OUT.println();
        report.subList(header.size(), report.size()).forEach(OUT::println);
        OUT.flush();
        if (options.out() != null) {
            List<String> file = new ArrayList<>(report);
            file.add("");
            file.add("## JSON lines");
            file.add("");
            file.add("```");
            results.forEach(r -> file.add(r.toJson()));
            file.add("```");
            Files.write(options.out(), file, StandardCharsets.UTF_8);
            LOG.info("results written to {}", options.out());
        }
    }

    /**
     * Deletes a phase's work directory once nothing else needs it: the stores of L and of a year of history take
     * gigabytes. {@code --keep-work} keeps them for a look.
     */
    private void cleanUp(Path dir) {
        if (!options.keepWork() && Files.exists(dir)) {
            Stores.delete(dir);
            LOG.info("deleted {}", dir);
        }
    }

    private void sqlPhase(String size, String direction, String db, String url, String copyFrom,
                          EdgeTable.Form form, int timeoutSeconds, int maxFailures)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("sql", "--size", size,
                "--work", options.work().resolve("lineage-" + size).toString(), "--db", url, "--db-name", db,
                "--direction", direction, "--form", form.name(), "--timeout-s", Integer.toString(timeoutSeconds),
                "--max-failures", Integer.toString(maxFailures),
                "--roots", Integer.toString(options.sqlRoots()), "--warmup", options.quick() ? "1" : "2"));
        if (copyFrom != null) {
            args.addAll(List.of("--copy-from", copyFrom));
        }
        int before = results.size();
        boolean ok = phase("recursive SQL " + db + " (" + form.label() + ") " + size + " " + direction,
                db.equals("h2") ? options.sqlHeap() : "512m", args.toArray(String[]::new));
        if (!ok && results.size() == before) {
            // The JVM died without a word, e.g. killed by the kernel or out of memory outside a query.
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("db", db);
            fields.put("query", form.label());
            fields.put("failure", "the SQL JVM ended without a result (" + (db.equals("h2") ? "heap "
                    + options.sqlHeap() + ", " : "") + "see the log)");
            fields.put("lower_bound", true);
            record(new Result("impact-" + direction, size, "recursive-sql", Double.NaN, Double.NaN, 0, fields));
        }
    }

    /**
     * Runs one phase in a JVM of its own; its results are recorded and printed as they come.
     *
     * @return whether the phase ended normally
     */
    private boolean phase(String what, String heap, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseG1GC", "-D" + LOGBACK_CONFIG + "=" + System.getProperty(LOGBACK_CONFIG,
                        "meshlens-bench-logback.xml"),
                "-cp", System.getProperty("java.class.path"),
                Phase.class.getName()));
        command.addAll(Arrays.asList(args));
        LOG.info("{}: starting (heap {}), load average {}", what, heap, Machine.loadAverage());
        long t0 = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (options.pg() != null) {
            builder.environment().put(PG_URL_VARIABLE, options.pg());
        }
        Process process = builder.start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(Report.PREFIX)) {
                    record(Result.parse(line.substring(Report.PREFIX.length())));
                } else {
                    System.err.println(line);
                }
            }
        }
        int exit = process.waitFor();
        long seconds = (System.nanoTime() - t0) / 1_000_000_000;
        if (exit != 0) {
            failures.add(what + ": the phase failed (exit code " + exit + ") after " + seconds + " s; see the log");
            LOG.warn("{}: failed with exit code {} after {} s", what, exit, seconds);
            return false;
        }
        LOG.info("{}: done in {} s", what, seconds);
        return true;
    }

    private void record(Result result) {
        results.add(result);
        OUT.println(result.toJson());
        OUT.flush();
    }
}
