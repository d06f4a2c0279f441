package dev.meshlens.app.ui.canvas;

import java.util.Objects;

/** One line of a node's or edge's details in the side panel, e.g. {@code Owner: team-sales}. */
public record Detail(String label, String value) {
    public Detail {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }
}
