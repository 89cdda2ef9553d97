package dev.worldmind.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class GrayPngTest {
    @Test
    void pixelsRoundTripEnlarged() throws Exception {
        float[] px = {0f, 1f, 0.5f, 2f, -1f, 0.25f};
        byte[] png = GrayPng.encode(px, 2, 3, 2);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo(6);
        assertThat(img.getHeight()).isEqualTo(4);
        assertThat(img.getRaster().getSample(0, 0, 0)).isZero();
        assertThat(img.getRaster().getSample(3, 1, 0)).isEqualTo(255);
        assertThat(img.getRaster().getSample(5, 1, 0)).isEqualTo(128);
        assertThat(img.getRaster().getSample(1, 3, 0)).isEqualTo(255); // 2 clamps to 1
        assertThat(img.getRaster().getSample(2, 2, 0)).isZero(); // -1 clamps to 0
        String url = GrayPng.dataUrl(px, 2, 3, 1);
        assertThat(url).startsWith("data:image/png;base64,");
        byte[] decoded = Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
        assertThat(ImageIO.read(new ByteArrayInputStream(decoded)).getWidth()).isEqualTo(3);
    }

    @Test
    void wrongSizesAreRefused() {
        assertThatThrownBy(() -> GrayPng.encode(new float[5], 2, 3, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GrayPng.encode(new float[6], 2, 3, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
