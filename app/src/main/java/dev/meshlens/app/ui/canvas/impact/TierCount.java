package dev.meshlens.app.ui.canvas.impact;

/**
 * How many impacted products and services declare one SLA tier.
 *
 * @param tier  1 to 4, or null for the nodes without a declared tier (groups included)
 * @param count how many
 */
public record TierCount(Integer tier, int count) {

    /** {@code Tier 2} or {@code unknown tier}. */
    public String label() {
        return tier == null ? "unknown tier" : "Tier " + tier;
    }
}
