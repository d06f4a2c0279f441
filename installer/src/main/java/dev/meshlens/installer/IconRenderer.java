package dev.meshlens.installer;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws the Meshlens application icon for the installed packages: a lens over three linked nodes (a mesh) on a
 * blue rounded tile, the same picture the window draws for itself. Drawn at build time with Java2D so the icon
 * stays sharp at any size the desktop asks for and no binary image has to live in the repository.
 */
public final class IconRenderer {
    /** The tile's blue, the same as the window icon's. */
    static final Color TILE = new Color(0x2f, 0x6f, 0xde);
    // the picture is designed on a 64-unit grid and scaled to the requested size
    private static final double GRID = 64.0;
    private static final double[][] NODES = {{18, 20}, {40, 16}, {26, 40}};

    private IconRenderer() {
    }

    /**
     * Renders the icon as a square ARGB image with a transparent background outside the rounded tile.
     *
     * @param size edge length in pixels, at least 16
     * @return a new {@code size} x {@code size} image
     * @throws IllegalArgumentException when {@code size} is below 16 (the picture would be unreadable)
     */
    public static BufferedImage render(int size) {
        if (size < 16) {
            throw new IllegalArgumentException("icon size must be at least 16 pixels, was " + size);
        }
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            double s = size / GRID;
            g.setColor(TILE);
            g.fill(new RoundRectangle2D.Double(0, 0, size, size, 14 * s, 14 * s));
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke((float) (2.5 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int i = 0; i < NODES.length; i++) {
                double[] a = NODES[i];
                double[] b = NODES[(i + 1) % NODES.length];
                g.draw(new Line2D.Double(a[0] * s, a[1] * s, b[0] * s, b[1] * s));
            }
            for (double[] n : NODES) {
                g.fill(new Ellipse2D.Double((n[0] - 4.5) * s, (n[1] - 4.5) * s, 9 * s, 9 * s));
            }
            g.setStroke(new BasicStroke((float) (4.5 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Ellipse2D.Double(24 * s, 22 * s, 24 * s, 24 * s));
            g.draw(new Line2D.Double(45 * s, 43 * s, 55 * s, 53 * s));
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Renders the icon and writes it as a PNG file, creating the parent folders.
     *
     * @param target the PNG file to write (replaced when it exists)
     * @param size   edge length in pixels, at least 16
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void writePng(Path target, int size) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (!ImageIO.write(render(size), "png", target.toFile())) {
                throw new IOException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the icon " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Build-time entry point: {@code IconRenderer TARGET.png [SIZE]} writes the icon (default 256 pixels).
     *
     * @param args the target file and optionally the size
     */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("usage: IconRenderer TARGET.png [SIZE]");
        }
        int size = args.length == 2 ? Integer.parseInt(args[1]) : 256;
        writePng(Path.of(args[0]), size);
    }
}
