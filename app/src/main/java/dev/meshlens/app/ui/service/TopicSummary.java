package dev.meshlens.app.ui.service;

import java.time.Instant;
import java.util.Objects;

/**
 * What the product table shows about a topic: cheap to know for every topic at once, unlike the full
 * {@link TopicFacts} of a product page.
 *
 * @param consumers         how many consumers (principal and group pairs) read the topic
 * @param worstUpstreamTier the weakest tier anywhere upstream, or null when nothing upstream declares one
 * @param newestRecord      the time of the newest record seen on the topic, or null when unknown
 */
public record TopicSummary(String topic, int consumers, Integer worstUpstreamTier, Instant newestRecord) {

    public TopicSummary {
        Objects.requireNonNull(topic, "topic");
    }
}
