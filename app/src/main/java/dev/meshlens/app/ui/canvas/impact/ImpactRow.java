package dev.meshlens.app.ui.canvas.impact;

import java.util.List;
import java.util.Objects;

/**
 * One node downstream of the focus, as the impact table lists it.
 *
 * @param id    the canvas node id, e.g. {@code service:User:billing-svc}
 * @param kind  {@code product}, {@code service} or {@code group}
 * @param name  the topic, principal or group id
 * @param owner the declared owner, or null
 * @param tier  the declared SLA tier, or null when unknown
 * @param state the consumer state of the read edge that reaches the node ({@code up-to-date}, {@code stopped}, ...),
 *              {@code writes} for a product reached through a write
 * @param depth graph hops from the focus, 1 or more
 * @param via   the name of the node it is reached from at {@code depth - 1}
 */
public record ImpactRow(String id, String kind, String name, String owner, Integer tier, String state, int depth,
                        String via) {

    /** The CSV header, in the order of {@link #csvFields()}. */
    public static final List<String> CSV_HEADER = List.of("kind", "name", "owner", "tier", "state", "depth", "via");

    /** @throws NullPointerException when {@code id}, {@code kind}, {@code name} or {@code state} is null */
    public ImpactRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }

    /** The row's fields as the CSV export writes them: an unknown owner or tier is an empty field. */
    public List<String> csvFields() {
        return java.util.Arrays.asList(kind, name, owner, tier == null ? null : tier.toString(), state,
                Integer.toString(depth), via);
    }
}
