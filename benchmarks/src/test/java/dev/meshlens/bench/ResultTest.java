package dev.meshlens.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultTest {

    @Test
    void jsonLineStartsWithTheAgreedFieldsInOrder() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("lines_per_s", 123456);
        Result result = new Result("impact-downstream", "M", "engine", 1.23, 2.0, 100, fields);

        assertThat(result.toJson()).isEqualTo("{\"benchmark\":\"impact-downstream\",\"size\":\"M\",\"method\":\"engine\","
                + "\"median_ms\":1.23,\"p90_ms\":2.0,\"n\":100,\"lines_per_s\":123456}");
    }

    @Test
    void missingMedianIsWrittenAsNull() {
        Result result = new Result("impact-upstream", "L", "recursive-sql", Double.NaN, Double.NaN, 0,
                Map.of("failure", "out of memory"));

        assertThat(result.toJson()).contains("\"median_ms\":null").contains("\"failure\":\"out of memory\"");
    }

    @Test
    void parsingAPrintedLineGivesTheResultBack() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("db", "h2");
        fields.put("timeouts", 3);
        fields.put("lower_bound", true);
        Result result = new Result("impact-upstream", "L", "recursive-sql", 30000.0, 30002.0, 7, fields);

        Result parsed = Result.parse(result.toJson());

        assertThat(parsed).isEqualTo(result);
    }

    @Test
    void lineWithoutTheAgreedFieldsIsRejected() {
        assertThatThrownBy(() -> Result.parse("{\"benchmark\":\"x\"}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundingKeepsMoreDecimalsForSmallerValues() {
        assertThat(Result.round(0.123456)).isEqualTo(0.1235);
        assertThat(Result.round(1.23456)).isEqualTo(1.235);
        assertThat(Result.round(123.456)).isEqualTo(123.46);
        assertThat(Result.round(12345.6)).isEqualTo(12346.0);
    }
}
