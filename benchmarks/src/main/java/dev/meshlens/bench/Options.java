package dev.meshlens.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The harness's command line.
 *
 * @param sizes      the mesh sizes of the lineage benchmarks (impact, graph build; catalog search runs on M)
 * @param only       the phases to run: lineage, sql, import, history, table
 * @param pg         a PostgreSQL JDBC URL for the recursive SQL baseline there, or null
 * @param heaps      JVM heap per mesh size for the lineage and history phases
 * @param rawArgs    the arguments as given, for the report
 */
record Options(boolean help, boolean quick, boolean keepWork, List<String> sizes, Set<String> only, String pg, Path work, long seed,
               String sqlHeap, int sqlTimeoutSeconds, int sqlRoots, int sqlMaxFailures, long importLines, String importHeap,
               String historySize, int historyDays, Map<String, String> heaps, Path out, List<String> rawArgs) {

    static final String USAGE = """
            usage: benchmarks/run [--quick] [--pg JDBC_URL] [options]
              --quick              sizes S and M only (M's catalog straight from the generator, not the store),
                                   fewer rounds, 20 roots and 2 s timeouts for SQL, a 100,000-line import,
                                   5 days of history on S: about a minute on a quiet machine
              --pg JDBC_URL        also run the recursive SQL baseline in PostgreSQL (user and password in the URL)
              --sizes S,M,L        mesh sizes of the impact and graph build benchmarks (default M,L; quick S,M)
              --only PHASES        some of lineage,sql,import,history,canvas,table (default all; sql needs lineage's
                                   output; canvas draws with the software renderer on $DISPLAY or Monocle)
              --seed N             generator seed (default 42)
              --sql-heap SIZE      heap of the JVM running H2's recursive queries (default 2g)
              --sql-timeout-s N    timeout of one recursive query (default 30; quick 2)
              --sql-roots N        roots for the recursive queries (default 100; quick 20)
              --sql-max-failures N failed recursive queries (timeouts, wrong answers) before the rest of the
                                   roots are skipped (default 5; quick 2)
              --import-lines N     lines of the kafka-acls listing to import (default 1000000; quick 100000)
              --import-heap SIZE   heap of the import JVM (default 2g)
              --history-size S|M|L mesh of the snapshot history (default M; quick S)
              --history-days N     daily snapshots (default 365; quick 5)
              --heap SIZE=HEAP     heap of the lineage and history JVMs for a size (default S=1g, M=4g, L=12g)
              --work DIR           work directory, emptied per phase (default benchmarks/target/bench-work)
              --keep-work          keep the phases' stores and files instead of deleting them when done
              --out FILE           also write the report and JSON lines to FILE
            """;

    /**
     * @throws IllegalArgumentException naming a bad or unknown argument
     */
    static Options parse(String[] args) {
        boolean quick = false;
        boolean help = false;
        boolean keepWork = false;
        Map<String, String> values = new HashMap<>();
        Map<String, String> heaps = new HashMap<>(Map.of("S", "1g", "M", "4g", "L", "12g"));
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> quick = true;
                case "--keep-work" -> keepWork = true;
                case "--help", "-h" -> help = true;
                case "--pg", "--sizes", "--only", "--seed", "--sql-heap", "--sql-timeout-s", "--sql-roots",
                     "--sql-max-failures", "--import-lines", "--import-heap", "--history-size", "--history-days", "--work", "--out",
                     "--heap" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    String value = args[++i];
                    if (a.equals("--heap")) {
                        String[] kv = value.split("=", 2);
                        if (kv.length != 2) {
                            throw new IllegalArgumentException("--heap takes SIZE=HEAP, e.g. L=12g");
                        }
                        heaps.put(kv[0].toUpperCase(java.util.Locale.ROOT), kv[1]);
                    } else {
                        values.put(a.substring(2), value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        List<String> sizes = List.of(values.getOrDefault("sizes", quick ? "S,M" : "M,L")
                .toUpperCase(java.util.Locale.ROOT).split(","));
        for (String size : sizes) {
            if (!List.of("S", "M", "L").contains(size)) {
                throw new IllegalArgumentException("unknown size " + size + ", expected S, M or L");
            }
        }
        Set<String> only = Set.of(values.getOrDefault("only", "lineage,sql,import,history,canvas,table").split(","));
        for (String phase : only) {
            if (!List.of("lineage", "sql", "import", "history", "canvas", "table").contains(phase)) {
                throw new IllegalArgumentException("unknown phase " + phase);
            }
        }
        String historySize = values.getOrDefault("history-size", quick ? "S" : "M").toUpperCase(java.util.Locale.ROOT);
        if (!List.of("S", "M", "L").contains(historySize)) {
            throw new IllegalArgumentException("unknown history size " + historySize);
        }
        try {
            return new Options(help, quick, keepWork, sizes, only, values.get("pg"),
                    Path.of(values.getOrDefault("work", "benchmarks/target/bench-work")),
                    Long.parseLong(values.getOrDefault("seed", "42")),
                    values.getOrDefault("sql-heap", "2g"),
                    Integer.parseInt(values.getOrDefault("sql-timeout-s", quick ? "2" : "30")),
                    Integer.parseInt(values.getOrDefault("sql-roots", quick ? "20" : "100")),
                    Integer.parseInt(values.getOrDefault("sql-max-failures", quick ? "2" : "5")),
                    Long.parseLong(values.getOrDefault("import-lines", quick ? "100000" : "1000000")),
                    values.getOrDefault("import-heap", "2g"),
                    historySize,
                    Integer.parseInt(values.getOrDefault("history-days", quick ? "5" : "365")),
                    Map.copyOf(heaps),
                    values.containsKey("out") ? Path.of(values.get("out")) : null,
                    List.of(args));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + e.getMessage());
        }
    }

    /** Whether {@code phase} runs. */
    boolean runs(String phase) {
        return only.contains(phase);
    }

    /** The heap of the lineage or history JVM for {@code size}. */
    String lineageHeap(String size) {
        return heaps.getOrDefault(size, "4g");
    }

    /** What quick mode leaves out, for the report header. */
    String quickNote() {
        return "sizes " + String.join(",", sizes) + " (M's catalog from the generator, not the store)"
                + ", 1 warm-up and 3 measured rounds, recursive SQL on the first "
                + sqlRoots + " roots with a " + sqlTimeoutSeconds + " s timeout, a " + importLines
                + "-line import, " + historyDays + " daily snapshots of " + historySize + " (not 365 of M)";
    }

    /** The arguments with the PostgreSQL URL's password removed. */
    List<String> redactedArgs() {
        List<String> out = new ArrayList<>();
        for (String a : rawArgs) {
            out.add(a.replaceAll("(?i)(password=)[^&;]*", "$1***"));
        }
        return out;
    }
}
