package dev.meshlens.app.ui.service;

import java.util.Map;

/** Facts given up front, one {@link TopicFacts} per topic; summaries are derived from them. */
public final class MapCatalogFacts implements CatalogFacts {
    private final Map<String, TopicFacts> byTopic;

    /** @param byTopic the facts per topic name; topics not in it are unknown */
    public MapCatalogFacts(Map<String, TopicFacts> byTopic) {
        this.byTopic = Map.copyOf(byTopic);
    }

    /** No facts at all: every topic is unknown. */
    public static MapCatalogFacts none() {
        return new MapCatalogFacts(Map.of());
    }

    /** Derived from the topic's facts. */
    @Override
    public TopicSummary summary(String topic) {
        TopicFacts facts = facts(topic);
        return new TopicSummary(topic, facts.consumers().size(),
                facts.worstUpstream() == null ? null : facts.worstUpstream().tier(), facts.newestRecord());
    }

    /** The facts given for {@code topic}, or unknown ones. */
    @Override
    public TopicFacts facts(String topic) {
        TopicFacts facts = byTopic.get(topic);
        return facts != null ? facts : TopicFacts.unknown(topic);
    }
}
