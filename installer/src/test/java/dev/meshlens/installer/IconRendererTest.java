package dev.meshlens.installer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IconRendererTest {
    private static final int SIZE = 128;

    @Test
    void rendersASquareImageOfTheRequestedSize() {
        BufferedImage icon = IconRenderer.render(SIZE);

        assertThat(icon.getWidth()).isEqualTo(SIZE);
        assertThat(icon.getHeight()).isEqualTo(SIZE);
    }

    @Test
    void cornersOutsideTheRoundedTileAreTransparent() {
        BufferedImage icon = IconRenderer.render(SIZE);

        assertThat(alpha(icon.getRGB(0, 0))).isZero();
        assertThat(alpha(icon.getRGB(SIZE - 1, SIZE - 1))).isZero();
    }

    @Test
    void tileIsOpaqueBlueWhereNothingIsDrawnOnIt() {
        BufferedImage icon = IconRenderer.render(SIZE);

        // (8, 56) on the 64-unit grid lies on the tile, left of every node, line and the lens
        int rgb = icon.getRGB(SIZE * 8 / 64, SIZE * 56 / 64);
        assertThat(rgb).isEqualTo(IconRenderer.TILE.getRGB());
    }

    @Test
    void nodesAreDrawnInWhite() {
        BufferedImage icon = IconRenderer.render(SIZE);

        // centre of the first node at (18, 20) on the 64-unit grid
        assertThat(icon.getRGB(SIZE * 18 / 64, SIZE * 20 / 64)).isEqualTo(0xFFFFFFFF);
    }

    @Test
    void writesAPngThatReadsBackAtTheSameSize(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("nested/Meshlens.png");

        IconRenderer.writePng(png, 64);

        BufferedImage read = ImageIO.read(png.toFile());
        assertThat(read.getWidth()).isEqualTo(64);
        assertThat(read.getHeight()).isEqualTo(64);
    }

    @Test
    void rejectsSizesTooSmallToRead() {
        assertThatThrownBy(() -> IconRenderer.render(8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16");
    }

    private static int alpha(int argb) {
        return argb >>> 24;
    }
}
