package dev.meshlens.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness's phases end to end on a micro mesh (150 products): they run, agree, and report. */
class PhaseSmokeTest {

    private final List<Result> results = new ArrayList<>();

    @TempDir
    Path work;

    @AfterEach
    void printAgain() {
        Report.reset();
    }

    private static Args args(String... pairs) {
        return new Args(pairs, 0);
    }

    private Result only(String benchmark, String method) {
        List<Result> found = results.stream()
                .filter(r -> r.benchmark().equals(benchmark) && r.method().equals(method)).toList();
        assertThat(found).as(benchmark + " " + method).hasSize(1);
        return found.get(0);
    }

    @Test
    void lineageAndRecursiveSqlPhasesMeasureTheSameReach() throws Exception {
        Report.receiveIn(results::add);
        Path dir = work.resolve("lineage");

        new LineagePhase(args("--size", "150", "--work", dir.toString(), "--warmup", "0", "--rounds", "1",
                "--build-reps", "1", "--search-rounds", "1")).run();
        for (String direction : List.of("downstream", "upstream")) {
            new SqlPhase(args("--size", "150", "--work", dir.toString(), "--db", Stores.url(dir),
                    "--db-name", "h2", "--direction", direction, "--form", "DEPTH_BOUNDED", "--roots", "10",
                    "--warmup", "0")).run();
        }

        assertThat(Files.readAllLines(dir.resolve("roots.tsv"))).hasSize(100);
        assertThat(only("graph-build", "engine").number("edges")).isPositive();
        assertThat(only("catalog-search", "engine").n()).isPositive();
        for (String benchmark : List.of("impact-downstream", "impact-upstream")) {
            assertThat(only(benchmark, "engine").n()).isEqualTo(100);
            assertThat(only(benchmark, "engine-count").n()).isEqualTo(100);
            assertThat(only(benchmark, "int-array").n()).isEqualTo(100);
            Result sql = only(benchmark, "recursive-sql");
            assertThat(sql.n()).isEqualTo(10);
            assertThat(sql.field("count_mismatches")).isEqualTo(0);
            assertThat(sql.field("timeouts")).isEqualTo(0);
        }
    }

    @Test
    void historyPhaseReportsStorageAndOpeningAsOfADay() throws Exception {
        Report.receiveIn(results::add);

        new HistoryPhase(args("--size", "150", "--work", work.resolve("history").toString(), "--days", "3",
                "--open-samples", "2", "--rate", "0.05")).run();

        Result storage = only("history-storage", "engine");
        assertThat(storage.n()).isEqualTo(2);
        assertThat(storage.number("ratio")).isGreaterThan(0.5);
        assertThat(storage.number("compact_ratio")).isGreaterThanOrEqualTo(1.0);
        assertThat(only("history-open-as-of", "engine").n()).isEqualTo(2);
    }

    @Test
    void importPhaseReportsLinesPerSecondAndPeakHeap() throws Exception {
        Report.receiveIn(results::add);

        new ImportPhase(args("--work", work.resolve("import").toString(), "--lines", "3000")).run();

        Result imported = only("file-import", "engine");
        assertThat(imported.size()).isEqualTo("3k lines");
        assertThat(imported.number("acl_lines")).isEqualTo(3000);
        assertThat(imported.number("lines")).isGreaterThan(3000);
        assertThat(imported.number("lines_per_s")).isPositive();
        assertThat(imported.number("peak_heap_mb")).isPositive();
    }
}
