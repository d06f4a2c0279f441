package dev.meshlens.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recursive SQL baseline, in a JVM of its own with a bounded heap (H2 runs inside it): the same roots as the
 * engine, one {@code WITH RECURSIVE ... UNION} query per root over the edge table, every row fetched, each
 * query bounded by a timeout. Each answer's size is checked against the engine's.
 *
 * <p>Failures are results, not crashes: a query that times out counts with the time it was given (so the median
 * becomes a lower bound); a wrong answer (a row count other than the engine's reach) is counted and not timed;
 * an out-of-memory error ends the phase with a result saying after how many queries it happened; and after
 * {@code max-failures} failures the remaining roots are skipped and counted as such.
 */
final class SqlPhase {
    private static final Logger LOG = LoggerFactory.getLogger(SqlPhase.class);
    /** H2's error code for an out-of-memory error it caught. */
    private static final int H2_OUT_OF_MEMORY = 90108;
    /** H2's error code for a statement cancelled by its timeout. */
    private static final int H2_STATEMENT_CANCELED = 57014;
    /** The SQLState of a cancelled statement in PostgreSQL (query_canceled). */
    private static final String SQLSTATE_CANCELED = "57014";

    private final String size;
    private final Path work;
    private final String url;
    private final String dbName;
    private final boolean downstream;
    private final int timeoutSeconds;
    private final int maxFailures;
    private final int rootLimit;
    private final int warmup;
    private final String copyFrom;
    private final EdgeTable.Form form;

    SqlPhase(Args args) {
        this.size = MeshSizes.label(args.get("size"));
        this.work = Path.of(args.get("work"));
        this.url = resolve(args.get("db"));
        this.dbName = args.get("db-name");
        this.downstream = args.get("direction").equals("downstream");
        this.timeoutSeconds = args.getInt("timeout-s", 30);
        this.maxFailures = args.getInt("max-failures", 3);
        this.rootLimit = args.getInt("roots", Integer.MAX_VALUE);
        this.warmup = args.getInt("warmup", 2);
        this.copyFrom = args.get("copy-from", null);
        this.form = EdgeTable.Form.valueOf(args.get("form", "UNION"));
    }

    /** {@code env:NAME} stands for the value of environment variable NAME (a URL that may hold a password). */
    private static String resolve(String url) {
        if (!url.startsWith("env:")) {
            return url;
        }
        String value = System.getenv(url.substring("env:".length()));
        if (value == null) {
            throw new IllegalArgumentException("environment variable " + url.substring(4) + " is not set");
        }
        return value;
    }

    /** @param engineMs the engine's median for this root and direction, NaN when unknown */
    private record Root(int id, String topic, int expected, int depth, double engineMs) {
    }

    void run() throws IOException, SQLException {
        List<Root> roots = new ArrayList<>();
        for (String line : Files.readAllLines(work.resolve("roots.tsv"))) {
            String[] f = line.split("\t");
            roots.add(new Root(Integer.parseInt(f[0]), f[1], Integer.parseInt(downstream ? f[2] : f[3]),
                    Integer.parseInt(downstream ? f[4] : f[5]),
                    f.length > 7 ? Double.parseDouble(downstream ? f[6] : f[7]) : Double.NaN));
        }
        roots = roots.subList(0, Math.min(rootLimit, roots.size()));
        String direction = downstream ? "downstream" : "upstream";
        Samples samples = new Samples();
        int timeouts = 0;
        int mismatches = 0;
        int attempted = 0;
        int answered = 0;
        Samples engine = new Samples();
        String failure = null;
        try (Connection c = DriverManager.getConnection(url)) {
            if (copyFrom != null) {
                long t0 = System.nanoTime();
                try (Connection source = DriverManager.getConnection(copyFrom)) {
                    EdgeTable.copy(source, c);
                }
                LOG.info("{}: edge table copied into {} in {} ms", size, dbName, (System.nanoTime() - t0) / 1_000_000);
            }
            if (dbName.equals("h2")) {
                try (Statement s = c.createStatement()) {
                    // H2 may hand back a query's previous result when it runs again with the same parameters
                    s.execute("SET OPTIMIZE_REUSE_RESULTS 0");
                }
            }
            PreparedStatement query = prepare(c);
            try {
                int warm = Math.min(warmup, roots.size());
                for (int i = 0; i < warm; i++) {
                    Outcome outcome = run(query, roots.get(roots.size() - 1 - i), new Samples());
                    query = freshAfter(outcome, query, c);
                    if (outcome != Outcome.OK) {
                        LOG.info("{} {} {}: warm-up query {} ({}), no more warm-up", size, dbName, direction,
                                outcome, roots.get(roots.size() - 1 - i).topic());
                        break;
                    }
                }
                int failures = 0;
                for (Root root : roots) {
                    if (failures >= maxFailures) {
                        break;
                    }
                    attempted++;
                    if (!Double.isNaN(root.engineMs())) {
                        engine.add(Math.round(root.engineMs() * 1e6), -1);
                    }
                    Outcome outcome = run(query, root, samples);
                    query = freshAfter(outcome, query, c);
                    switch (outcome) {
                        case OK -> answered++;
                        case MISMATCH -> {
                            mismatches++;
                            failures++;
                        }
                        case TIMEOUT -> {
                            timeouts++;
                            failures++;
                        }
                        case OUT_OF_MEMORY -> {
                            failure = "out of memory after " + (attempted - 1) + " queries, "
                                    + Heap.maxMb() + " MiB heap";
                            failures = maxFailures;
                        }
                    }
                    if (failures >= maxFailures && failure == null && attempted < roots.size()) {
                        failure = "stopped after " + maxFailures + " failed queries (timeouts or wrong answers)";
                    }
                    if (attempted % 10 == 0) {
                        LOG.info("{} {} {}: {} queries, median {} ms, {} timeouts", size, dbName, direction,
                                attempted, Result.round(samples.medianMs()), timeouts);
                    }
                }
            } finally {
                query.close();
            }
        } catch (OutOfMemoryError e) {
            // Outside a query (setting up): nothing to measure, but say so.
            failure = "out of memory outside a query, " + Heap.maxMb() + " MiB heap";
        } catch (SQLException e) {
            if (failure == null) {
                throw e;
            }
            // closing a connection whose database ran out of memory may fail too; the failure is already known
            LOG.debug("closing after {}: {}", failure, e.getMessage());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("db", dbName);
        fields.put("query", form.label());
        fields.put("roots", roots.size());
        fields.put("attempted", attempted);
        fields.put("answered", answered);
        // the engine's median over the roots attempted here: a/b over the same roots
        fields.put("engine_same_roots_ms", engine.medianMs());
        fields.put("timeouts", timeouts);
        fields.put("timeout_s", timeoutSeconds);
        fields.put("skipped", roots.size() - attempted);
        fields.put("count_mismatches", mismatches);
        fields.put("lower_bound", timeouts > 0 || failure != null);
        if (failure != null) {
            fields.put("failure", failure);
        }
        if (dbName.equals("h2")) {
            fields.put("jvm_heap_limit_mb", Heap.maxMb());
        }
        Report.emit(Result.of("impact-" + direction, size, "recursive-sql", samples, fields));
    }

    private enum Outcome { OK, MISMATCH, TIMEOUT, OUT_OF_MEMORY }

    private PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement query = c.prepareStatement(EdgeTable.reachQuery(downstream, form));
        query.setQueryTimeout(timeoutSeconds);
        return query;
    }

    /**
     * The statement to run next: a new one after a cancelled query, because H2 then answers the next executions
     * of the same statement with rows left over from the cancelled one, whatever the root.
     */
    private PreparedStatement freshAfter(Outcome outcome, PreparedStatement query, Connection c)
            throws SQLException {
        if (outcome != Outcome.TIMEOUT) {
            return query;
        }
        query.close();
        return prepare(c);
    }

    /** Runs one query, fetching every row; adds its time to {@code samples} when it answered right or timed out. */
    private Outcome run(PreparedStatement query, Root root, Samples samples) throws SQLException {
        long cpu0 = Clock.cpu();
        long t0 = System.nanoTime();
        try {
            query.setInt(1, root.id());
            if (form == EdgeTable.Form.DEPTH_BOUNDED) {
                query.setInt(2, root.depth());
            }
            int rows = 0;
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rs.getInt(1);
                    rows++;
                }
            }
            long wall = System.nanoTime() - t0;
            long cpu = dbName.equals("h2") ? Clock.cpu() - cpu0 : -1;
            if (rows != root.expected()) {
                LOG.warn("{} {} {}: {} rows from {}, the engine reaches {} nodes", size, dbName, form.label(), rows,
                        root.topic(), root.expected());
                return Outcome.MISMATCH; // a wrong answer is no measurement
            }
            samples.add(wall, cpu);
            return Outcome.OK;
        } catch (OutOfMemoryError e) {
            LOG.warn("{} {}: out of memory on the query from {}", size, dbName, root.topic());
            return Outcome.OUT_OF_MEMORY;
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_OUT_OF_MEMORY || e.getCause() instanceof OutOfMemoryError) {
                LOG.warn("{} {}: out of memory on the query from {}", size, dbName, root.topic());
                return Outcome.OUT_OF_MEMORY;
            }
            if (e.getErrorCode() == H2_STATEMENT_CANCELED || SQLSTATE_CANCELED.equals(e.getSQLState())) {
                // counted with the time it ran: a lower bound of what it would have taken
                samples.add(System.nanoTime() - t0, dbName.equals("h2") ? Clock.cpu() - cpu0 : -1);
                LOG.info("{} {}: the query from {} timed out after {} s", size, dbName, root.topic(), timeoutSeconds);
                return Outcome.TIMEOUT;
            }
            throw e;
        }
    }
}
