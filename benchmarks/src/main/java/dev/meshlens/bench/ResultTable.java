package dev.meshlens.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The report's Markdown tables: every result, the impact ratios, and each target met or missed. */
final class ResultTable {
    /** Fields shown in the details column, in this order, when a result has them. */
    private static final List<String> DETAILS = List.of("db", "cpu_median_ms", "mean_reach", "max_reach",
            "query", "answered", "timeouts", "timeout_s", "skipped", "count_mismatches", "failure",
            "jvm_heap_limit_mb", "load_ms", "build_ms", "index_ms", "heap_mb", "graph_heap_mb", "nodes", "edges",
            "lines", "lines_per_s", "acl_read_lines_per_s", "commit_ms", "peak_heap_mb", "disk_mb",
            "one_snapshot_disk_mb", "ratio", "compact_disk_mb", "one_snapshot_compact_mb", "compact_ratio", "days",
            "mean_changed_facts_per_day", "products", "keystrokes", "mean_matches");
    private static final Set<String> SKIP_WITH_NAN = Set.of("cpu_median_ms");

    private ResultTable() {
    }

    /** The tables, as Markdown lines. */
    static List<String> render(List<Result> results, List<String> failures, boolean quick) {
        List<String> out = new ArrayList<>();
        out.add("## Results");
        out.add("");
        out.add("Times are wall-clock milliseconds per operation (median and 90th percentile over n operations);"
                + " cpu_median_ms is the measuring thread's CPU time, which waiting for a busy core does not"
                + " inflate.");
        out.add("");
        out.add("| benchmark | size | method | median ms | p90 ms | n | details |");
        out.add("|---|---|---|---:|---:|---:|---|");
        for (Result r : results) {
            out.add("| " + r.benchmark() + " | " + r.size() + " | " + r.method() + " | " + median(r) + " | "
                    + number(r.p90Ms()) + " | " + r.n() + " | " + details(r) + " |");
        }
        out.add("");
        out.addAll(ratios(results));
        out.addAll(targets(results, quick));
        if (!failures.isEmpty()) {
            out.add("## Failures");
            out.add("");
            failures.forEach(f -> out.add("- " + f));
            out.add("");
        }
        return out;
    }

    private static List<String> ratios(List<Result> results) {
        List<String> out = new ArrayList<>();
        out.add("## Impact query ratios");
        out.add("");
        out.add("a = the engine (full answer: nodes with depths, edges with facts), b = recursive SQL over the edge"
                + " table, c = breadth-first search over int arrays (count only). Medians per query.");
        out.add("");
        out.add("a/b compares the engine with SQL over the roots the SQL run got through (its own median of"
                + " the engine over those roots, shown in brackets when they are not all 100); b/a is how many"
                + " times faster the engine is.");
        out.add("");
        out.add("| query | size | a engine ms | b recursive SQL ms | a/b | b/a | c int-array ms | a/c |");
        out.add("|---|---|---:|---:|---:|---:|---:|---:|");
        for (Result a : results) {
            if (!a.benchmark().startsWith("impact-") || !a.method().equals("engine")) {
                continue;
            }
            Optional<Result> c = find(results, a.benchmark(), a.size(), "int-array", null);
            for (Result b : results) {
                if (b.benchmark().equals(a.benchmark()) && b.size().equals(a.size())
                        && b.method().equals("recursive-sql")) {
                    double same = engineOver(a, b);
                    String engine = number(a.medianMs()) + (same != a.medianMs() ? " (" + number(same) + ")" : "");
                    out.add("| " + a.benchmark().substring("impact-".length()) + " | " + a.size() + " | "
                            + engine + " | " + median(b) + " (" + sql(b) + ") | " + ratio(same, b) + " | "
                            + speedup(same, b) + " | " + c.map(r -> number(r.medianMs())).orElse("-")
                            + " | " + c.map(r -> number(a.medianMs() / r.medianMs())).orElse("-") + " |");
                }
            }
            if (results.stream().noneMatch(b -> b.benchmark().equals(a.benchmark()) && b.size().equals(a.size())
                    && b.method().equals("recursive-sql"))) {
                out.add("| " + a.benchmark().substring("impact-".length()) + " | " + a.size() + " | "
                        + number(a.medianMs()) + " | not run | - | - | " + c.map(r -> number(r.medianMs())).orElse("-")
                        + " | " + c.map(r -> number(a.medianMs() / r.medianMs())).orElse("-") + " |");
            }
        }
        out.add("");
        return out;
    }

    private static List<String> targets(List<Result> results, boolean quick) {
        List<String> out = new ArrayList<>();
        out.add("## Targets");
        out.add("");
        out.add("| target | measured | verdict |");
        out.add("|---|---|---|");
        for (Result a : results) {
            if (!a.benchmark().startsWith("impact-") || !a.method().equals("engine")) {
                continue;
            }
            String query = a.benchmark().substring("impact-".length()) + " " + a.size();
            for (Result b : results) {
                if (b.benchmark().equals(a.benchmark()) && b.size().equals(a.size())
                        && b.method().equals("recursive-sql")) {
                    String measured;
                    String verdict;
                    if (Double.isNaN(b.medianMs()) || b.number("answered") == 0) {
                        measured = "recursive SQL (" + sql(b) + ") gave no right answer: " + b.field("failure")
                                + (b.number("count_mismatches") > 0 ? ", " + format(b.number("count_mismatches"))
                                + " wrong answers" : "");
                        verdict = "no baseline number";
                    } else {
                        double speedup = b.medianMs() / engineOver(a, b);
                        boolean lowerBound = Boolean.TRUE.equals(b.field("lower_bound"));
                        measured = (lowerBound ? "at least " : "") + format(speedup) + "x faster than recursive SQL ("
                                + sql(b) + ")";
                        verdict = speedup >= 100 ? "met" : lowerBound ? "not shown (SQL median is a lower bound)"
                                : "MISSED";
                    }
                    out.add("| " + query + ": engine at least 100x faster than recursive SQL | " + measured + " | "
                            + verdict + " |");
                }
            }
            find(results, a.benchmark(), a.size(), "int-array", null).ifPresent(c -> {
                double x = a.medianMs() / c.medianMs();
                out.add("| " + query + ": engine within 3x of the int-array floor | " + format(x)
                        + "x the floor | " + (x <= 3 ? "met" : "MISSED") + " |");
            });
        }
        find(results, "graph-build", "L", "engine", null).ifPresent(r -> {
            out.add("| graph build L under 5 s | " + format(r.medianMs() / 1000) + " s | "
                    + (r.medianMs() < 5000 ? "met" : "MISSED") + " |");
            out.add("| graph build L under 1 GiB of heap | " + format(r.number("heap_mb")) + " MiB | "
                    + (r.number("heap_mb") < 1024 ? "met" : "MISSED") + " |");
        });
        for (Result r : results) {
            if (r.benchmark().equals("file-import")) {
                double rate = r.number("lines_per_s");
                out.add("| file import over 100,000 lines/s (" + r.size() + ") | " + format(rate) + " lines/s, peak heap "
                        + format(r.number("peak_heap_mb")) + " MiB of " + format(r.number("jvm_heap_limit_mb"))
                        + " | " + (rate > 100_000 ? "met" : "MISSED") + " |");
            }
            if (r.benchmark().equals("history-storage")) {
                double ratio = r.number("ratio");
                out.add("| " + format(r.number("days")) + " daily snapshots of " + r.size()
                        + " under 5x one snapshot on disk | " + format(ratio) + "x as the store leaves the file"
                        + (Double.isNaN(r.number("compact_ratio")) ? ""
                        : ", " + format(r.number("compact_ratio")) + "x compacted") + " | "
                        + (ratio < 5 ? "met" : "MISSED") + (quick ? " (quick: fewer days)" : "") + " |");
            }
            if (r.benchmark().equals("history-open-as-of")) {
                out.add("| open lineage as of any day (" + r.size() + ") under 1 s | " + format(r.medianMs())
                        + " ms median, " + format(r.p90Ms()) + " ms p90 | " + (r.p90Ms() < 1000 ? "met" : "MISSED")
                        + " |");
            }
            if (r.benchmark().equals("catalog-search")) {
                out.add("| catalog search as you type (" + r.size() + ") under 50 ms | " + format(r.medianMs())
                        + " ms median | " + (r.medianMs() < 50 ? "met" : "MISSED") + " |");
            }
            if (r.benchmark().equals("table-update")) {
                out.add("| keystroke to updated product table in the window (" + r.size() + ", " + r.field("display")
                        + ") under 100 ms | " + format(r.medianMs()) + " ms median, " + format(r.p90Ms())
                        + " ms p90 | " + (r.medianMs() < 100 ? "met" : "MISSED") + " |");
            }
        }
        out.add("");
        return out;
    }

    private static Optional<Result> find(List<Result> results, String benchmark, String size, String method,
                                         String db) {
        return results.stream().filter(r -> r.benchmark().equals(benchmark) && r.size().equals(size)
                && r.method().equals(method) && (db == null || db.equals(r.field("db")))).findFirst();
    }

    /** {@code h2, UNION} */
    private static String sql(Result r) {
        return r.field("query") == null ? String.valueOf(r.field("db")) : r.field("db") + ", " + r.field("query");
    }

    private static String median(Result r) {
        if (Double.isNaN(r.medianMs())) {
            return "n/a";
        }
        return (Boolean.TRUE.equals(r.field("lower_bound")) ? ">= " : "") + number(r.medianMs());
    }

    /** The engine's median over the roots {@code sql} attempted, or over all roots when not known. */
    private static double engineOver(Result engine, Result sql) {
        double same = sql.number("engine_same_roots_ms");
        return Double.isNaN(same) ? engine.medianMs() : same;
    }

    /** a/b with b possibly a lower bound (then a/b is an upper bound) or missing. */
    private static String ratio(double a, Result b) {
        if (Double.isNaN(b.medianMs()) || b.number("answered") == 0) {
            return "n/a";
        }
        return (Boolean.TRUE.equals(b.field("lower_bound")) ? "<= " : "")
                + String.format(Locale.ROOT, "%.3g", a / b.medianMs());
    }

    /** b/a: how many times faster the engine is; a lower bound when b is. */
    private static String speedup(double a, Result b) {
        if (Double.isNaN(b.medianMs()) || b.number("answered") == 0) {
            return "n/a";
        }
        return (Boolean.TRUE.equals(b.field("lower_bound")) ? ">= " : "") + format(b.medianMs() / a) + "x";
    }

    private static String details(Result r) {
        List<String> parts = new ArrayList<>();
        for (String key : DETAILS) {
            Object value = r.field(key);
            if (value == null || SKIP_WITH_NAN.contains(key) && value instanceof Double d && d.isNaN()) {
                continue;
            }
            parts.add(key + " " + (value instanceof Number n ? format(n.doubleValue()) : value));
        }
        for (Map.Entry<String, Object> e : r.fields().entrySet()) {
            if (!DETAILS.contains(e.getKey()) && !List.of("lower_bound", "roots", "rounds", "attempted", "snapshot", "engine_same_roots_ms",
                    "churn_rate", "file_mb", "acl_lines", "group_lines", "index_cpu_ms", "phrases")
                    .contains(e.getKey())) {
                parts.add(e.getKey() + " " + e.getValue());
            }
        }
        return String.join(", ", parts);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "n/a" : format(value);
    }

    /** Up to four significant decimals below 1, three below 10, two below 1000, thousands separators above. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, abs < 1 ? "%.4f" : abs < 10 ? "%.3f" : "%.2f", value);
    }
}
