package dev.meshlens.importers.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of each topic a sample reads: at most {@code recordsPerTopic} of its newest records, and for at most
 * {@code timePerTopic}, whichever comes first. A sample never reads a whole topic unless it is that small.
 */
public record SampleLimits(int recordsPerTopic, Duration timePerTopic) {

    /** The default number of records per topic. */
    public static final int DEFAULT_RECORDS = 1_000;

    /** @throws IllegalArgumentException when the record limit is not positive or the time limit is negative */
    public SampleLimits {
        Objects.requireNonNull(timePerTopic, "timePerTopic");
        if (recordsPerTopic <= 0) {
            throw new IllegalArgumentException("the number of records to sample must be positive, got "
                    + recordsPerTopic);
        }
        if (timePerTopic.isNegative()) {
            throw new IllegalArgumentException("the sampling time must not be negative, got " + timePerTopic);
        }
    }
}
