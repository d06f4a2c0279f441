package dev.meshlens.app.ui.canvas.modes.mount;

import javafx.scene.Node;

import java.util.Objects;

/**
 * One canvas mode ready to be mounted beside the canvas.
 *
 * @param id    stable: {@code impact}, {@code change}, {@code tiers}, {@code trace} or {@code diff}
 * @param title what a mode switch shows, e.g. {@code Impact}
 * @param panel the mode's panel
 * @param enter what to run when the user switches to the mode (compute the impact, list violations, index record
 *              hops, list snapshots); the panel's "Back to lineage" button restores the canvas
 */
public record MountedMode(String id, String title, Node panel, Runnable enter) {

    /** @throws NullPointerException when a component is null */
    public MountedMode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(enter, "enter");
    }
}
