package dev.worldmind.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.UnsupportedFormatVersionException;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.core.provenance.RuntimeInfo;
import dev.worldmind.data.catalog.Mnist;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.data.image.Normalization;
import dev.worldmind.model.onnx.internal.ModelProtos;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.train.ClassifierTrainer;
import dev.worldmind.model.train.EngineInfo;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.train.TrainingFixtures;
import dev.worldmind.model.train.TrainingListener;
import dev.worldmind.model.vision.ArchitectureSpec;
import dev.worldmind.model.vision.Architectures;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.model.vision.ImageModel;
import dev.worldmind.model.vision.ImageShape;
import dev.worldmind.testing.TestHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxClassifierTest {
    private static final Normalization NORM = new Normalization(0.1307f, 0.3081f);

    @TempDir Path tmp;

    static Provenance provenance(String architecture) {
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        return new Provenance(
                Map.of("architecture", architecture, "epochs", 1),
                42,
                new Provenance.DatasetRef("mnist", Mnist.SPEC.contentHash(), "first 256"),
                "test-revision",
                RuntimeInfo.current(EngineInfo.libraries()),
                now,
                now,
                Map.of("accuracy", 0.5));
    }

    private static ImageClassifier classifier(String architecture, boolean train) {
        ImageClassifier c =
                ImageClassifier.create(
                        new ArchitectureSpec(architecture, ImageShape.MNIST, 10),
                        Mnist.CLASSES,
                        NORM,
                        3);
        if (train) {
            // One short epoch moves batch norm's running statistics away from 0 and 1.
            ImageSet data = TestHome.mnist().train().head(256);
            TrainingConfig config = TrainingFixtures.oneEpoch(architecture);
            new ClassifierTrainer(
                            config,
                            TestHome.get().runs().resolve("onnx-" + ProcessHandle.current().pid()),
                            new TrainingListener() {})
                    .fit(c, data, data.head(0));
        }
        return c;
    }

    private Path export(ImageClassifier c, String name) {
        Path file = tmp.resolve(name + ".onnx");
        OnnxExporter.export(
                c,
                OnnxExporter.metadata(c, name + ":1", Optional.of(provenance(c.spec().name()))),
                file);
        return file;
    }

    @Test
    void everyArchitectureRunsInOnnxRuntimeAsInDjl() {
        ImageSet probe = TestHome.mnist().test().head(64);
        float[] pixels = new float[probe.size() * probe.imageSize()];
        for (int i = 0; i < probe.size(); i++) {
            probe.copyImage(i, pixels, i * probe.imageSize());
        }
        for (String arch : Architectures.names()) {
            try (ImageClassifier djl = classifier(arch, arch.equals(Architectures.STRONG_CNN));
                    OnnxClassifier onnx = OnnxClassifier.load(export(djl, arch), 2)) {
                OnnxClassifier.Outputs out = onnx.outputs(pixels, probe.size());
                assertThat(maxAbsDiff(out.logits(), djl.logits(pixels, probe.size())))
                        .as(arch + " logits")
                        .isLessThan(1e-4);
                assertThat(maxAbsDiff(out.probabilities(), djl.probabilities(probe)))
                        .as(arch + " probabilities")
                        .isLessThan(1e-5);
                assertThat(onnx.spec()).isEqualTo(djl.spec());
            }
        }
    }

    @Test
    void metadataCarriesTheProvenance() throws IOException {
        Path file;
        try (ImageClassifier c = classifier(Architectures.KERAS_CNN, false)) {
            file = export(c, "keras-cnn");
        }
        ModelProto proto = ModelProtos.parse(Files.readAllBytes(file), file.toString());
        assertThat(proto.getProducerName()).isEqualTo("worldmind");
        assertThat(proto.getOpsetImport(0).getVersion()).isEqualTo(13);
        Map<String, String> props = ModelProtos.properties(proto);
        assertThat(props)
                .containsEntry("worldmind.format_version", "1")
                .containsEntry("worldmind.model_ref", "keras-cnn:1")
                .containsEntry("worldmind.compression", "")
                .containsKeys(
                        "worldmind.architecture",
                        "worldmind.classes",
                        "worldmind.normalization",
                        "worldmind.code_version");
        assertThat(props.get("worldmind.provenance"))
                .contains("\"seed\":42")
                .contains(Mnist.SPEC.contentHash());

        try (OnnxClassifier onnx = OnnxClassifier.load(file)) {
            OnnxMetadata m = onnx.metadata();
            assertThat(m.modelRef()).isEqualTo("keras-cnn:1");
            assertThat(m.classes()).isEqualTo(Mnist.CLASSES);
            assertThat(m.normalization()).isEqualTo(NORM);
            assertThat(m.provenance()).contains(provenance(Architectures.KERAS_CNN));
            assertThat(onnx.normalization()).isEqualTo(NORM);
        }
    }

    @Test
    void corruptOrMissingFilesFailClearly() throws IOException {
        Path file;
        try (ImageClassifier c = classifier(Architectures.MLP, false)) {
            file = export(c, "mlp");
        }
        byte[] good = Files.readAllBytes(file);

        Path truncated = tmp.resolve("truncated.onnx");
        Files.write(truncated, Arrays.copyOf(good, good.length / 2));
        assertThatThrownBy(() -> OnnxClassifier.load(truncated))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining(truncated.toString())
                .hasMessageContaining("not an ONNX model");

        Path garbage = tmp.resolve("garbage.onnx");
        Files.writeString(garbage, "this is not a model at all, just text");
        assertThatThrownBy(() -> OnnxClassifier.load(garbage))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("not an ONNX model");

        assertThatThrownBy(() -> OnnxClassifier.load(tmp.resolve("gone.onnx")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("ONNX model not found");
    }

    @Test
    void refusesForeignOrNewerFilesAndWrongShapes() throws IOException {
        Path file;
        try (ImageClassifier c = classifier(Architectures.MLP, false)) {
            file = export(c, "mlp");
        }
        ModelProto good = ModelProtos.parse(Files.readAllBytes(file), "mlp");

        ModelProto foreign = good.toBuilder().clearMetadataProps().build();
        assertThatThrownBy(() -> OnnxClassifier.fromBytes(foreign.toByteArray(), 1, "foreign"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("not a Worldmind ONNX model");

        ModelProto newer = withProperty(good, "worldmind.format_version", "99");
        assertThatThrownBy(() -> OnnxClassifier.fromBytes(newer.toByteArray(), 1, "newer"))
                .isInstanceOf(UnsupportedFormatVersionException.class)
                .hasMessageContaining("format version 99");

        ModelProto lying =
                withProperty(
                        good,
                        "worldmind.architecture",
                        "{\"name\":\"mlp\",\"input\":{\"channels\":1,\"height\":32,\"width\":32},"
                                + "\"classes\":10}");
        assertThatThrownBy(() -> OnnxClassifier.fromBytes(lying.toByteArray(), 1, "lying"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("must take float input 'pixels' of shape [-1, 1, 32, 32]");

        try (OnnxClassifier onnx = OnnxClassifier.load(file)) {
            assertThatThrownBy(() -> onnx.probabilities(new float[100], 1))
                    .isInstanceOf(InvalidDataException.class)
                    .hasMessageContaining("expected 1 images of 784 values");
        }
    }

    @Test
    void registryLoadsOnnxVersions() {
        ModelRegistry registry = new ModelRegistry(tmp.resolve("models"));
        ImageSet probe = TestHome.mnist().test().head(16);
        float[][] expected;
        ModelManifest source;
        try (ImageClassifier c = classifier(Architectures.KERAS_CNN, false)) {
            source =
                    registry.register(
                            c,
                            ModelManifest.draft(
                                    "digits",
                                    ModelManifest.IMAGE_CLASSIFIER,
                                    c.spec(),
                                    c.classes(),
                                    c.normalization(),
                                    Map.of(),
                                    provenance(Architectures.KERAS_CNN)),
                            dir -> {});
            expected = c.probabilities(probe);
            OnnxMetadata metadata =
                    OnnxExporter.metadata(c, source.ref(), Optional.of(source.provenance()));
            registry.registerFiles(
                    source.derive(
                            "digits-onnx",
                            ModelManifest.ONNX,
                            "",
                            Map.of(),
                            provenance(Architectures.KERAS_CNN)),
                    dir -> OnnxExporter.export(c, metadata, dir.resolve(ModelRegistry.ONNX_FILE)));
        }
        try (ImageModel m = registry.loadModel("digits-onnx")) {
            assertThat(m).isInstanceOf(OnnxClassifier.class);
            assertThat(registry.get("digits-onnx").derivedFrom()).isEqualTo("digits:1");
            float[] pixels = new float[probe.size() * probe.imageSize()];
            for (int i = 0; i < probe.size(); i++) {
                probe.copyImage(i, pixels, i * probe.imageSize());
            }
            assertThat(maxAbsDiff(m.probabilities(pixels, probe.size()), expected))
                    .isLessThan(1e-5);
        }
        assertThatThrownBy(() -> registry.loadClassifier("digits-onnx"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("onnx model");
    }

    private static ModelProto withProperty(ModelProto model, String key, String value) {
        Map<String, String> props = new java.util.LinkedHashMap<>(ModelProtos.properties(model));
        props.put(key, value);
        ModelProto.Builder b = model.toBuilder().clearMetadataProps();
        props.forEach(
                (k, v) ->
                        b.addMetadataProps(
                                ai.onnx.proto.OnnxMl.StringStringEntryProto.newBuilder()
                                        .setKey(k)
                                        .setValue(v)));
        return b.build();
    }

    static double maxAbsDiff(float[][] a, float[][] b) {
        assertThat(a.length).isEqualTo(b.length);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }
}
