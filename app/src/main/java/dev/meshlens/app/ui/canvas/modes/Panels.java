package dev.meshlens.app.ui.canvas.modes;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The common parts of the canvas mode panels, so every mode looks the same beside the canvas: a title, wrapped
 * sentences, section titles, buttons with ids. Styles come from the window's theme (base.css classes).
 */
public final class Panels {
    /** The width a mode panel prefers beside the canvas. */
    public static final double PREF_WIDTH = 420;

    private Panels() {
    }

    /** A vertical panel with the window's spacing, titled {@code title}, with id {@code id}. */
    public static VBox panel(String id, String title) {
        Label heading = new Label(title);
        heading.getStyleClass().add("dialog-title");
        VBox box = new VBox(8, heading);
        box.setId(id);
        box.getStyleClass().add("canvas-mode-panel");
        box.setPadding(new Insets(10));
        box.setPrefWidth(PREF_WIDTH);
        box.setMinWidth(0);
        return box;
    }

    /** A wrapped label showing {@code text} as it changes. */
    public static Label text(String id, ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        label.textProperty().bind(text);
        return label;
    }

    /** A notice line (outcomes and errors), hidden while empty. */
    public static Label notice(String id, ObservableValue<String> text) {
        Label label = text(id, text);
        label.getStyleClass().add("notice");
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** A section title inside a panel. */
    public static Label section(String title) {
        Label label = new Label(title);
        label.getStyleClass().add("section-title");
        return label;
    }

    /** A button with an id running {@code action}. */
    public static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    /** Lets {@code node} take the panel's spare height. */
    public static <T extends Node> T grow(T node) {
        VBox.setVgrow(node, javafx.scene.layout.Priority.ALWAYS);
        return node;
    }
}
