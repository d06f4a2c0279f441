package dev.meshlens.app.ui.canvas.modes;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void plainFieldsAreWrittenAsTheyAre() {
        assertThat(Csv.record(List.of("product", "sales.orders.placed", "1"))).isEqualTo("product,sales.orders.placed,1\r\n");
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
    }

    @Test
    void nullIsAnEmptyField() {
        assertThat(Csv.record(Arrays.asList("a", null, "c"))).isEqualTo("a,,c\r\n");
    }

    @Test
    void aTableIsItsHeaderThenEveryRowEachEndedByCrlf() {
        String table = Csv.table(List.of("k", "v"), List.of(List.of("a", "1"), List.of("b", "2")));

        assertThat(table).isEqualTo("k,v\r\na,1\r\nb,2\r\n");
    }
}
