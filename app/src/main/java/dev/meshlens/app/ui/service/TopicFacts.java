package dev.meshlens.app.ui.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the lineage says about one topic, as the window shows it.
 *
 * @param producers        principals that write the topic
 * @param consumers        principals and groups that read it, with evidence and state
 * @param worstUpstream    the weakest tier anywhere upstream and the path to it, or null when nothing upstream
 *                         declares a tier
 * @param newestRecord     the time of the newest record seen on the topic, or null when unknown
 * @param upstreamTopics   topics this one is derived from, directly or transitively, nearest first
 * @param downstreamTopics topics derived from this one, directly or transitively, nearest first
 */
public record TopicFacts(String topic, List<ProducerRow> producers, List<ConsumerRow> consumers,
                         UpstreamTier worstUpstream, Instant newestRecord, List<String> upstreamTopics,
                         List<String> downstreamTopics) {

    public TopicFacts {
        Objects.requireNonNull(topic, "topic");
        producers = producers == null ? List.of() : List.copyOf(producers);
        consumers = consumers == null ? List.of() : List.copyOf(consumers);
        upstreamTopics = upstreamTopics == null ? List.of() : List.copyOf(upstreamTopics);
        downstreamTopics = downstreamTopics == null ? List.of() : List.copyOf(downstreamTopics);
    }

    /** Facts for a topic the lineage does not know: nobody writes or reads it. */
    public static TopicFacts unknown(String topic) {
        return new TopicFacts(topic, List.of(), List.of(), null, null, List.of(), List.of());
    }
}
