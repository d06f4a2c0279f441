package dev.meshlens.bench;

import java.util.Arrays;

/**
 * Timings of one measured thing, in nanoseconds: wall-clock time and, where the work runs on the measuring
 * thread, that thread's CPU time. On a shared machine the wall clock includes time spent waiting for a core;
 * the CPU time does not, so both are reported.
 */
final class Samples {
    private long[] wall = new long[64];
    private long[] cpu = new long[64];
    private int size;

    /** Adds one measurement; {@code cpuNanos} is negative when the CPU time is unknown. */
    void add(long wallNanos, long cpuNanos) {
        if (size == wall.length) {
            wall = Arrays.copyOf(wall, size * 2);
            cpu = Arrays.copyOf(cpu, size * 2);
        }
        wall[size] = wallNanos;
        cpu[size] = cpuNanos;
        size++;
    }

    /** The wall time of the latest measurement, in nanoseconds. */
    long last() {
        if (size == 0) {
            throw new IllegalStateException("no measurement yet");
        }
        return wall[size - 1];
    }

    /** The number of measurements. */
    int count() {
        return size;
    }

    /** The median wall time in milliseconds; NaN without measurements. */
    double medianMs() {
        return percentileMs(wall, 50);
    }

    /** The 90th percentile of the wall time in milliseconds; NaN without measurements. */
    double p90Ms() {
        return percentileMs(wall, 90);
    }

    /** The median CPU time in milliseconds; NaN when any measurement lacks its CPU time. */
    double cpuMedianMs() {
        for (int i = 0; i < size; i++) {
            if (cpu[i] < 0) {
                return Double.NaN;
            }
        }
        return percentileMs(cpu, 50);
    }

    /** The total wall time in milliseconds. */
    double totalMs() {
        long total = 0;
        for (int i = 0; i < size; i++) {
            total += wall[i];
        }
        return total / 1e6;
    }

    /**
     * The nearest-rank percentile (the smallest value with at least {@code p} % of the values at or below it).
     */
    private double percentileMs(long[] values, int p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
