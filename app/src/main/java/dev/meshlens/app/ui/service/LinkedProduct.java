package dev.meshlens.app.ui.service;

import java.util.Objects;

/**
 * A topic upstream or downstream of a product, with the catalog entry that describes it if there is one.
 *
 * @param name  the product's name, or null for a topic no catalog entry describes
 * @param tier  the product's tier, or null
 * @param owner the product's owner, or null
 */
public record LinkedProduct(String topic, String name, Integer tier, String owner) {

    public LinkedProduct {
        Objects.requireNonNull(topic, "topic");
    }

    /** The name, or the topic for an unregistered stream. */
    public String displayName() {
        return name != null ? name : topic;
    }
}
