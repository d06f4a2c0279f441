package dev.meshlens.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResultTableTest {

    private static Result impact(String method, double median, Map<String, Object> fields) {
        return new Result("impact-downstream", "M", method, median, median * 2, 100, fields);
    }

    @Test
    void ratiosCompareTheEngineWithSqlAndTheFloor() {
        List<String> lines = ResultTable.render(List.of(impact("engine", 0.5, Map.of()),
                impact("recursive-sql", 100, Map.of("db", "h2")), impact("int-array", 0.25, Map.of())),
                List.of(), false);

        assertThat(lines).contains("| downstream | M | 0.5000 | 100 (h2) | 0.00500 | 200x | 0.2500 | 2 |");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("| downstream M: engine at least 100x faster")
                .contains("200x faster").endsWith("| met |"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("| downstream M: engine within 3x")
                .endsWith("| met |"));
    }

    @Test
    void missedTargetSaysSo() {
        List<String> lines = ResultTable.render(List.of(impact("engine", 1, Map.of()),
                impact("int-array", 0.1, Map.of())), List.of(), false);

        assertThat(lines).anySatisfy(l -> assertThat(l).contains("within 3x").contains("10x the floor")
                .endsWith("| MISSED |"));
    }

    @Test
    void timedOutSqlIsShownAsALowerBound() {
        List<String> lines = ResultTable.render(List.of(impact("engine", 1, Map.of()),
                impact("recursive-sql", 30000, Map.of("db", "h2", "lower_bound", true))), List.of(), false);

        assertThat(lines).anySatisfy(l -> assertThat(l).contains(">= 30,000 (h2)").contains("<= 3.33e-05")
                .contains(">= 30,000x"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("at least 30,000x faster").endsWith("| met |"));
    }

    @Test
    void sqlThatNeverAnsweredRightGivesNoRatio() {
        List<String> lines = ResultTable.render(List.of(impact("engine", 1, Map.of()),
                impact("recursive-sql", 10_000, Map.of("db", "h2", "query", "UNION", "answered", 0,
                        "lower_bound", true, "failure", "stopped after 3 failed queries"))), List.of(), false);

        assertThat(lines).anySatisfy(l -> assertThat(l).contains("(h2, UNION) | n/a | n/a |"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("gave no right answer")
                .endsWith("| no baseline number |"));
    }

    @Test
    void ratioUsesTheEngineOverTheRootsTheSqlRunGotThrough() {
        List<String> lines = ResultTable.render(List.of(impact("engine", 1, Map.of()),
                impact("recursive-sql", 100, Map.of("db", "postgresql", "engine_same_roots_ms", 0.5))),
                List.of(), false);

        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("| downstream | M | 1 (0.5000) | 100 (postgresql)")
                .contains("| 200x |"));
    }

    @Test
    void failedPhasesAreListed() {
        List<String> lines = ResultTable.render(List.of(), List.of("lineage L: the phase failed"), false);

        assertThat(lines).contains("## Failures", "- lineage L: the phase failed");
    }
}
