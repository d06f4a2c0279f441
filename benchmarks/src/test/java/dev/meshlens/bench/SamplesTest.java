package dev.meshlens.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SamplesTest {

    private static Samples millis(long... values) {
        Samples samples = new Samples();
        for (long v : values) {
            samples.add(v * 1_000_000, v * 500_000);
        }
        return samples;
    }

    @Test
    void medianAndP90AreNearestRankPercentiles() {
        Samples samples = millis(10, 1, 9, 2, 8, 3, 7, 4, 6, 5);

        assertThat(samples.medianMs()).isEqualTo(5.0);
        assertThat(samples.p90Ms()).isEqualTo(9.0);
        assertThat(samples.count()).isEqualTo(10);
    }

    @Test
    void cpuMedianIsUnknownWhenAnyMeasurementLacksIt() {
        Samples samples = millis(4, 2);
        assertThat(samples.cpuMedianMs()).isEqualTo(1.0);

        samples.add(3_000_000, -1);
        assertThat(samples.cpuMedianMs()).isNaN();
    }

    @Test
    void noMeasurementsHaveNoMedian() {
        assertThat(new Samples().medianMs()).isNaN();
    }

    @Test
    void growsPastItsInitialCapacity() {
        Samples samples = new Samples();
        for (int i = 1; i <= 1000; i++) {
            samples.add(i * 1_000_000L, -1);
        }
        assertThat(samples.medianMs()).isEqualTo(500.0);
        assertThat(samples.p90Ms()).isEqualTo(900.0);
    }
}
