package dev.meshlens.importers.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * What sampling one topic found.
 *
 * @param records           records read
 * @param withLineage       records that carry at least one {@code lineage} header
 * @param withoutLineage    records without any: a producer that writes none, a gap in record lineage
 * @param malformedHeaders  {@code lineage} headers that could not be read (skipped)
 * @param hops              distinct hops the sampled records and their chains revealed
 * @param timeLimitReached  whether the time limit ended the sample before its record limit or the topic's end
 */
public record TopicSample(String topic, int partitions, long records, long withLineage, long withoutLineage,
                          long malformedHeaders, long hops, boolean timeLimitReached, Duration elapsed) {

    public TopicSample {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** {@code 120 records from 3 partitions, 40 without lineage header, 310 hops}. */
    public String summary() {
        StringBuilder s = new StringBuilder().append(records).append(" records from ").append(partitions)
                .append(partitions == 1 ? " partition, " : " partitions, ").append(withoutLineage)
                .append(" without lineage header");
        if (malformedHeaders > 0) {
            s.append(", ").append(malformedHeaders).append(" unreadable headers");
        }
        s.append(", ").append(hops).append(" hops");
        if (timeLimitReached) {
            s.append(" (time limit reached)");
        }
        return s.toString();
    }
}
