package dev.worldmind.app.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.model.registry.ModelRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GansTest {
    @Test
    void namesTheCommandThatTrainsAMissingJudge(@TempDir Path dir) {
        ModelRegistry registry = new ModelRegistry(dir);
        assertThatThrownBy(() -> Gans.judge(registry, "fashion-mnist", "fashion-cnn"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("'fashion-cnn' is not registered")
                .hasMessageContaining("worldmind train --dataset fashion-mnist");
        assertThatThrownBy(() -> Gans.judge(registry, "mnist", "my-cnn:2"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("'my-cnn:2' is not registered")
                .hasMessageContaining("worldmind train --arch keras-cnn");
    }

    @Test
    void knowsTwoDatasetsAndTheirNames() {
        assertThat(Gans.defaultName("fashion-mnist")).isEqualTo("fashion-gan");
        assertThat(Gans.defaultName("mnist")).isEqualTo("mnist-gan");
        assertThat(GanRecipe.start("mnist").config().limitImages()).isEqualTo(20_000);
        assertThatThrownBy(() -> GanRecipe.standard("cifar"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("use fashion-mnist or mnist");
    }
}
