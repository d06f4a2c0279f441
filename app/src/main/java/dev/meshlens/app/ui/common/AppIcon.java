package dev.meshlens.app.ui.common;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;

import java.util.List;

/**
 * The window icon, drawn rather than shipped as files: a lens over three linked nodes (a mesh) on a blue tile.
 * Must be called on the JavaFX thread.
 */
public final class AppIcon {
    private AppIcon() {
    }

    /** The icon in the sizes desktops ask for. */
    public static List<Image> images() {
        return List.of(draw(16), draw(32), draw(64), draw(128));
    }

    private static Image draw(int size) {
        Canvas canvas = new Canvas(size, size);
        GraphicsContext g = canvas.getGraphicsContext2D();
        double s = size / 64.0;
        g.setFill(Color.web("#2f6fde"));
        g.fillRoundRect(0, 0, size, size, 14 * s, 14 * s);
        g.setStroke(Color.WHITE);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineWidth(2.5 * s);
        double[][] nodes = {{18, 20}, {40, 16}, {26, 40}};
        g.strokeLine(nodes[0][0] * s, nodes[0][1] * s, nodes[1][0] * s, nodes[1][1] * s);
        g.strokeLine(nodes[0][0] * s, nodes[0][1] * s, nodes[2][0] * s, nodes[2][1] * s);
        g.strokeLine(nodes[1][0] * s, nodes[1][1] * s, nodes[2][0] * s, nodes[2][1] * s);
        g.setFill(Color.WHITE);
        for (double[] n : nodes) {
            g.fillOval((n[0] - 4.5) * s, (n[1] - 4.5) * s, 9 * s, 9 * s);
        }
        g.setLineWidth(4.5 * s);
        g.strokeOval(24 * s, 22 * s, 24 * s, 24 * s);
        g.strokeLine(45 * s, 43 * s, 55 * s, 53 * s);
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.TRANSPARENT);
        return canvas.snapshot(parameters, null);
    }
}
