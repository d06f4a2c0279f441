package dev.meshlens.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One benchmark result, printed as one JSON line:
 * {@code {"benchmark":"impact-downstream","size":"M","method":"engine","median_ms":1.23,"p90_ms":2.0,"n":100}}
 * followed by the result's own fields ({@code lines_per_s}, {@code heap_mb}, {@code disk_mb}, ...).
 *
 * @param medianMs NaN when nothing completed (then {@code null} in JSON)
 * @param fields   further fields in print order; numbers, strings or booleans
 */
record Result(String benchmark, String size, String method, double medianMs, double p90Ms, int n,
              Map<String, Object> fields) {
    private static final ObjectMapper JSON = new ObjectMapper();

    Result {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(method, "method");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A timing result from samples, with the CPU median as a field when known. */
    static Result of(String benchmark, String size, String method, Samples samples, Map<String, Object> fields) {
        Map<String, Object> all = new LinkedHashMap<>();
        double cpu = samples.cpuMedianMs();
        if (!Double.isNaN(cpu)) {
            all.put("cpu_median_ms", round(cpu));
        }
        all.putAll(fields);
        return new Result(benchmark, size, method, samples.medianMs(), samples.p90Ms(), samples.count(), all);
    }

    /** A field, or null when absent. */
    Object field(String name) {
        return fields.get(name);
    }

    /** A numeric field, or NaN when absent or not a number. */
    double number(String name) {
        return fields.get(name) instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    /** The JSON line. */
    String toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", benchmark);
        out.put("size", size);
        out.put("method", method);
        out.put("median_ms", Double.isNaN(medianMs) ? null : round(medianMs));
        out.put("p90_ms", Double.isNaN(p90Ms) ? null : round(p90Ms));
        out.put("n", n);
        fields.forEach((k, v) -> out.put(k, v instanceof Double d ? (Double.isNaN(d) ? null : round(d)) : v));
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a result as JSON", e);
        }
    }

    /**
     * Reads a line printed by {@link #toJson()}.
     *
     * @throws IllegalArgumentException when the line is not such a result
     */
    static Result parse(String line) {
        Map<String, Object> in;
        try {
            in = JSON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a result line: " + line, e);
        }
        Map<String, Object> fields = new LinkedHashMap<>(in);
        String benchmark = (String) fields.remove("benchmark");
        String size = (String) fields.remove("size");
        String method = (String) fields.remove("method");
        Object median = fields.remove("median_ms");
        Object p90 = fields.remove("p90_ms");
        Object n = fields.remove("n");
        if (benchmark == null || size == null || method == null || !(n instanceof Number)) {
            throw new IllegalArgumentException("not a result line: " + line);
        }
        return new Result(benchmark, size, method, toDouble(median), toDouble(p90), ((Number) n).intValue(),
                fields);
    }

    private static double toDouble(Object value) {
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    /** Rounds to four decimals below 1, three below 10, two below 1000, none above: enough for a table. */
    static double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        double abs = Math.abs(value);
        double scale = abs < 1 ? 10_000 : abs < 10 ? 1000 : abs < 1000 ? 100 : 1;
        return Math.round(value * scale) / scale;
    }
}
