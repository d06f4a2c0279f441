package dev.meshlens.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The table-update phase on a micro mesh (150 products): the real product table filters and reports. */
class TablePhaseTest {
    private final List<Result> results = new ArrayList<>();

    @AfterEach
    void printAgain() {
        Report.reset();
    }

    @Test
    void everyKeystrokeOfEveryPhraseIsTimedOnTheRealTable() throws Exception {
        Report.receiveIn(results::add);

        new TablePhase(new Args(new String[] {"--size", "150", "--rounds", "1"}, 0)).run();

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.benchmark()).isEqualTo("table-update");
            assertThat(result.method()).isEqualTo("app");
            assertThat(result.n()).isEqualTo(((Number) result.field("keystrokes")).intValue()).isPositive();
            double products = result.number("products");
            assertThat(products).isBetween(100.0, 150.0);
            // typing a whole product name narrows the table: on average fewer rows than products are shown
            assertThat(result.number("mean_rows_shown")).isPositive().isLessThan(products);
            assertThat(result.medianMs()).isPositive();
        });
    }
}
