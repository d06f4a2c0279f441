package dev.meshlens.app.ui.service;

import java.util.List;
import java.util.Objects;

/**
 * The weakest SLA tier upstream of a topic and how it is reached.
 *
 * @param tier the weakest (largest) tier found upstream, 1 to 4
 * @param path the limiting path, from the upstream topic that declares {@code tier} down to the topic itself
 */
public record UpstreamTier(int tier, List<String> path) {

    public UpstreamTier {
        path = List.copyOf(Objects.requireNonNull(path, "path"));
    }

    /** Whether a promise of {@code promisedTier} is stronger than this upstream can support. */
    public boolean isViolatedBy(Integer promisedTier) {
        return promisedTier != null && promisedTier < tier;
    }
}
