package dev.worldmind.model.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ExplanationImagesTest {
    @Test
    void jetRunsFromDarkBlueToDarkRed() {
        assertThat(ExplanationImages.jet(0f)).isEqualTo(0x000080);
        assertThat(ExplanationImages.jet(0.5f)).isEqualTo(0x80FF80);
        assertThat(ExplanationImages.jet(1f)).isEqualTo(0x800000);
    }

    @Test
    void leavesTheImageAloneWhereTheHeatmapIsZeroAndTintsItWhereHigh() throws IOException {
        float[] image = new float[4];
        image[0] = 1f; // white top-left pixel
        float[] heat = {0f, 0f, 0f, 1f};
        Explanation e = new Explanation("saliency", 0, "a", 0.9f, 2, 2, heat);

        byte[] png = ExplanationImages.overlayPng(image, e, 4);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));

        assertThat(img.getWidth()).isEqualTo(8);
        assertThat(img.getHeight()).isEqualTo(8);
        assertThat(img.getRGB(0, 0) & 0xffffff).isEqualTo(0xFFFFFF);
        int hot = img.getRGB(7, 7);
        assertThat((hot >> 16) & 0xff).isGreaterThan(hot & 0xff); // red over black
    }
}
