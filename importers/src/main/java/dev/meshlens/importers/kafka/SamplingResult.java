package dev.meshlens.importers.kafka;

import java.util.List;

/**
 * What a record-header sample found, topic by topic.
 *
 * @param topics in the order sampled
 * @param hops   distinct hops stored, over all topics
 */
public record SamplingResult(List<TopicSample> topics, long hops) {

    public SamplingResult {
        topics = List.copyOf(topics);
    }

    /** Records read, over all topics. */
    public long records() {
        return topics.stream().mapToLong(TopicSample::records).sum();
    }

    /** Records that carried no {@code lineage} header, over all topics. */
    public long withoutLineage() {
        return topics.stream().mapToLong(TopicSample::withoutLineage).sum();
    }
}
