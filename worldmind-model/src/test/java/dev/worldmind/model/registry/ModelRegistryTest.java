package dev.worldmind.model.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.core.UnsupportedFormatVersionException;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.core.provenance.RuntimeInfo;
import dev.worldmind.data.catalog.Mnist;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.data.image.Normalization;
import dev.worldmind.model.train.ClassifierTrainer;
import dev.worldmind.model.train.EngineInfo;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.train.TrainingFixtures;
import dev.worldmind.model.train.TrainingListener;
import dev.worldmind.model.vision.ArchitectureSpec;
import dev.worldmind.model.vision.Architectures;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.model.vision.ImageShape;
import dev.worldmind.testing.TestHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
    @TempDir Path tmp;

    private ModelManifest draft(String name, TrainingConfig config) {
        Instant now = Instant.now();
        Provenance provenance =
                new Provenance(
                        config.toMap(),
                        config.seed(),
                        new Provenance.DatasetRef("mnist", Mnist.SPEC.contentHash(), "first 256"),
                        "test",
                        RuntimeInfo.current(EngineInfo.libraries()),
                        now,
                        now,
                        Map.of("accuracy", 0.5));
        return ModelManifest.draft(
                name,
                ModelManifest.IMAGE_CLASSIFIER,
                new ArchitectureSpec(config.architecture(), ImageShape.MNIST, 10),
                Mnist.CLASSES,
                new Normalization(0.13f, 0.31f),
                Map.of("accuracy", 0.5),
                provenance);
    }

    private ModelManifest registerTrainedCnn(ModelRegistry registry, String name) {
        ImageSet train = TestHome.mnist().train().head(256);
        TrainingConfig config = TrainingFixtures.oneEpoch(Architectures.STRONG_CNN);
        ModelManifest d = draft(name, config);
        try (ImageClassifier c =
                ImageClassifier.create(d.architecture(), d.classes(), d.normalization(), 1)) {
            new ClassifierTrainer(config, tmp.resolve("run-" + name), new TrainingListener() {})
                    .fit(c, train, train.head(0));
            return registry.register(c, d, dir -> Json.write(dir.resolve("extra.json"), "x"));
        }
    }

    @Test
    void roundTripGivesIdenticalPredictions() {
        ModelRegistry registry = new ModelRegistry(tmp.resolve("models"));
        // The strong CNN has batch norm and dropout: running statistics must survive too.
        ModelManifest m = registerTrainedCnn(registry, "digits");
        ImageSet probe = TestHome.mnist().test().head(64);

        float[][] before;
        try (ImageClassifier a = registry.loadClassifier("digits:1")) {
            before = a.probabilities(probe);
        }
        try (ImageClassifier b = registry.loadClassifier("digits")) {
            assertThat(b.probabilities(probe)).isDeepEqualTo(before);
            assertThat(b.normalization()).isEqualTo(m.normalization());
        }
        assertThat(m.version()).isEqualTo(1);
        assertThat(registry.get("digits:latest")).isEqualTo(m);
        assertThat(registry.directory("digits").resolve("extra.json")).exists();
        assertThat(registry.directory("digits").resolve("weights/model-0000.params")).exists();
    }

    @Test
    void versionsCountUpAndCanBeDeleted() {
        ModelRegistry registry = new ModelRegistry(tmp.resolve("models"));
        registerTrainedCnn(registry, "v");
        ModelManifest second = registerTrainedCnn(registry, "v");

        assertThat(second.version()).isEqualTo(2);
        assertThat(registry.list()).extracting(ModelRegistry.Entry::version).containsExactly(1, 2);
        assertThat(registry.delete("v:1")).isEqualTo(1);
        assertThat(registry.get("v").version()).isEqualTo(2);
        assertThat(registry.delete("v")).isEqualTo(1);
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void refusesAnUnknownFormatVersion() throws IOException {
        ModelRegistry registry = new ModelRegistry(tmp.resolve("models"));
        registerTrainedCnn(registry, "future");
        Path manifest = registry.directory("future").resolve(ModelRegistry.MANIFEST);
        Files.writeString(
                manifest,
                Files.readString(manifest)
                        .replace("\"formatVersion\" : 3", "\"formatVersion\" : 99"));

        assertThatThrownBy(() -> registry.loadClassifier("future"))
                .isInstanceOf(UnsupportedFormatVersionException.class)
                .hasMessageContaining("model future:1 has format version 99")
                .hasMessageContaining("reads format version 3");
        assertThat(registry.list().get(0).problem()).contains("format version 99");
    }

    @Test
    void readsTheGoldenVersionOneManifest() throws Exception {
        Path golden = Path.of(getClass().getResource("/golden/manifest-v1.json").toURI());
        Path dir = Files.createDirectories(tmp.resolve("models/golden/1"));
        Files.copy(golden, dir.resolve(ModelRegistry.MANIFEST));

        ModelManifest m = new ModelRegistry(tmp.resolve("models")).get("golden");

        assertThat(m.formatVersion()).isEqualTo(1);
        assertThat(m.architecture().name()).isEqualTo("keras-cnn");
        assertThat(m.classes()).hasSize(10);
        assertThat(m.provenance().dataset().sha256()).isEqualTo(Mnist.SPEC.contentHash());
        assertThat(m.provenance().config()).containsEntry("epochs", 5);
        assertThat(m.metrics()).containsKey("accuracy");
    }

    @Test
    void readsTheGoldenVersionTwoManifest() throws Exception {
        Path golden = Path.of(getClass().getResource("/golden/manifest-v2.json").toURI());
        Path dir = Files.createDirectories(tmp.resolve("models/golden/1"));
        Files.copy(golden, dir.resolve(ModelRegistry.MANIFEST));

        ModelManifest m = new ModelRegistry(tmp.resolve("models")).get("golden");

        assertThat(m.formatVersion()).isEqualTo(2);
        assertThat(m.runtime()).isEqualTo(ModelManifest.ONNX);
        assertThat(m.derivedFrom()).isEqualTo("keras-cnn:1");
        assertThat(m.compression()).isEqualTo("int8");
        assertThat(m.architecture().name()).isEqualTo("keras-cnn");
    }

    @Test
    void registersModelsThatAreNotImageClassifiers() throws Exception {
        ModelRegistry registry = new ModelRegistry(tmp.resolve("models"));
        Instant now = Instant.now();
        Provenance provenance =
                new Provenance(
                        Map.of("l2", 0.01),
                        7,
                        new Provenance.DatasetRef("uci-sentiment", "abc", "80% train"),
                        "test",
                        RuntimeInfo.current(EngineInfo.libraries()),
                        now,
                        now,
                        Map.of("accuracy", 0.9));
        ModelManifest m =
                registry.registerFiles(
                        ModelManifest.artifact(
                                "sentiment",
                                ModelManifest.TEXT_CLASSIFIER,
                                ModelManifest.JAVA,
                                java.util.List.of("negative", "positive"),
                                Map.of("accuracy", 0.9),
                                provenance),
                        dir -> Json.write(dir.resolve("weights.json"), Map.of("w", 1)));

        assertThat(m.formatVersion()).isEqualTo(ModelManifest.FORMAT_VERSION);
        assertThat(m.isImageClassifier()).isFalse();
        assertThat(m.architecture()).isNull();
        assertThat(registry.get("sentiment:1")).isEqualTo(m);
        assertThat(registry.directory("sentiment").resolve("weights.json")).exists();
        assertThatThrownBy(() -> registry.loadModel("sentiment"))
                .hasMessageContaining("not an image classifier");
    }

    @Test
    void readsTheGoldenVersionThreeManifest() throws Exception {
        Path golden = Path.of(getClass().getResource("/golden/manifest-v3.json").toURI());
        Path dir = Files.createDirectories(tmp.resolve("models/golden/1"));
        Files.copy(golden, dir.resolve(ModelRegistry.MANIFEST));

        ModelManifest m = new ModelRegistry(tmp.resolve("models")).get("golden");

        assertThat(m.formatVersion()).isEqualTo(3);
        assertThat(m.kind()).isEqualTo(ModelManifest.TEXT_CLASSIFIER);
        assertThat(m.runtime()).isEqualTo(ModelManifest.JAVA);
        assertThat(m.architecture()).isNull();
        assertThat(m.classes()).containsExactly("ham", "spam");
    }

    @Test
    void readsVersionOneManifestsAsDjlModels() throws Exception {
        Path golden = Path.of(getClass().getResource("/golden/manifest-v1.json").toURI());
        Path dir = Files.createDirectories(tmp.resolve("models/old/1"));
        Files.copy(golden, dir.resolve(ModelRegistry.MANIFEST));

        ModelManifest m = new ModelRegistry(tmp.resolve("models")).get("old");

        assertThat(m.runtime()).isEqualTo(ModelManifest.DJL);
        assertThat(m.derivedFrom()).isEmpty();
    }

    @Test
    void reportsMissingModelsAndVersions() {
        ModelRegistry registry = new ModelRegistry(tmp.resolve("models"));
        assertThatThrownBy(() -> registry.get("nothing"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no model named 'nothing'");
        assertThatThrownBy(() -> registry.get("nothing:x"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("not a version");
        assertThatThrownBy(() -> registry.get("../etc"))
                .isInstanceOf(dev.worldmind.core.InvalidDataException.class);
    }

    @Test
    void aliasesPointAtVersionsAndRollBack() {
        ModelRegistry registry = new ModelRegistry(tmp.resolve("models"));
        ModelManifest draft =
                draft(
                        "aliased",
                        TrainingConfig.builder().setArchitecture(Architectures.MLP).build());
        for (int i = 0; i < 3; i++) {
            registry.registerFiles(draft, dir -> {});
        }
        assertThatThrownBy(() -> registry.get("aliased:stable"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("not a version or alias");

        registry.setAlias("aliased", "stable", 1);
        registry.setAlias("aliased", "stable", 3);
        assertThat(registry.get("aliased:stable").version()).isEqualTo(3);
        assertThat(registry.get("aliased:latest").version()).isEqualTo(3);

        registry.rollback("aliased", "stable");
        assertThat(registry.get("aliased:stable").version()).isEqualTo(1);
        assertThat(new ModelRegistry(tmp.resolve("models")).aliases("aliased").aliases())
                .containsEntry("stable", 1);
        assertThatThrownBy(() -> registry.rollback("aliased", "stable"))
                .hasMessageContaining("no earlier version");
        assertThatThrownBy(() -> registry.setAlias("aliased", "stable", 9))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> registry.setAlias("aliased", "latest", 1))
                .hasMessageContaining("not 'latest'");
    }
}
