package dev.worldmind.app.vision;

import dev.worldmind.app.dataset.DatasetDescriptor;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.core.provenance.Provenance.DatasetRef;
import dev.worldmind.data.catalog.TrainTest;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.data.image.Shuffle;
import dev.worldmind.model.compress.CalibrationSet;
import dev.worldmind.model.compress.Int8Quantizer;
import dev.worldmind.model.compress.QuantizationConfig;
import dev.worldmind.model.compress.Quantized;
import dev.worldmind.model.eval.ClassificationReport;
import dev.worldmind.model.onnx.OnnxClassifier;
import dev.worldmind.model.onnx.OnnxExporter;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.vision.ImageClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Quantises a registered model to int8 (via an fp32 ONNX export when it is a DJL model) with
 * activations calibrated on a seeded sample of the training set, and registers the result as a
 * model of its own (runtime {@code onnx}, compression {@code int8}), with a comparison of fp32 DJL,
 * fp32 ONNX and int8 ONNX. Runs on the calling thread, one job at a time.
 */
public final class ModelQuantization {
    private final ImageModelPipeline pipeline;
    private final ProgressMonitor progress;
    private final int threads;
    private final Duration latencyBudget;
    private final QuantizationConfig config;

    /**
     * Creates the service.
     *
     * @param pipeline the image-model pipeline (registry and dataset)
     * @param progress where to report long work
     * @param threads intra-op threads for ONNX Runtime (DJL's engine has its own setting)
     * @param latencyBudget how long to time each runtime at each batch size
     * @param config how to quantise
     */
    public ModelQuantization(
            ImageModelPipeline pipeline,
            ProgressMonitor progress,
            int threads,
            Duration latencyBudget,
            QuantizationConfig config) {
        this.pipeline = pipeline;
        this.progress = progress;
        this.threads = threads;
        this.latencyBudget = latencyBudget;
        this.config = config;
    }

    /**
     * Quantises, evaluates and registers a model.
     *
     * @param ref a DJL model or an uncompressed ONNX model, {@code name[:version]}
     * @param name the name to register it under, or null for {@code <name>-int8}
     * @param calibrationImages how many training images to calibrate on
     * @param seed the seed that picks them
     * @return the registered int8 model
     */
    public DerivedModel toInt8(String ref, String name, int calibrationImages, long seed) {
        ModelRegistry registry = pipeline.registry();
        ModelManifest source = registry.get(ref);
        Derivation.checkImageClassifier(source);
        if (!source.compression().isEmpty()) {
            throw new InvalidDataException(
                    source.ref() + " is already compressed (" + source.compression() + ")");
        }
        String target = name == null ? source.name() + "-int8" : name;
        Instant started = Instant.now();
        DatasetDescriptor dataset = ImageModelPipeline.datasetOf(source);
        TrainTest data = pipeline.data(dataset);
        ImageSet test = data.test();
        CalibrationSet calibration = sample(data.train(), calibrationImages, seed);

        // The fp32 reference: the DJL model itself, or the one an ONNX source was exported from.
        Optional<ModelManifest> djlSource = djlSource(registry, source);
        List<RuntimeComparison.Row> rows = new ArrayList<>();
        float[][] reference = null;
        byte[] fp32;
        if (djlSource.isPresent()) {
            ModelManifest d = djlSource.get();
            try (ImageClassifier djl = registry.loadClassifier(d.ref())) {
                fp32 =
                        source.runtime().equals(ModelManifest.DJL)
                                ? OnnxExporter.export(
                                        djl,
                                        OnnxExporter.metadata(
                                                djl, d.ref(), Optional.of(d.provenance())))
                                : read(registry.directory(source.ref()));
                progress.info(
                        String.format("evaluating %s on %,d test images", d.ref(), test.size()));
                reference = djl.probabilities(test);
                rows.add(
                        RuntimeComparison.measure(
                                "fp32 DJL",
                                d.ref(),
                                Derivation.bytes(
                                        registry.directory(d.ref()).resolve(ModelRegistry.WEIGHTS)),
                                djl,
                                reference,
                                reference,
                                test,
                                latencyBudget));
            }
        } else {
            fp32 = read(registry.directory(source.ref()));
        }

        progress.info(
                String.format("quantising to int8, calibrating on %s", calibration.description()));
        Quantized int8 = new Int8Quantizer(config).quantize(fp32, calibration);
        ClassificationReport report;
        try (OnnxClassifier f = OnnxClassifier.fromBytes(fp32, threads, "fp32");
                OnnxClassifier q = OnnxClassifier.fromBytes(int8.model(), threads, target)) {
            progress.info("evaluating fp32 and int8 in ONNX Runtime and timing them");
            float[][] pf = f.probabilities(test);
            float[][] pq = q.probabilities(test);
            if (reference == null) {
                reference = pf;
            }
            String fp32Ref =
                    source.runtime().equals(ModelManifest.ONNX) ? source.ref() : "(in memory)";
            rows.add(
                    RuntimeComparison.measure(
                            "fp32 ONNX",
                            fp32Ref,
                            fp32.length,
                            f,
                            pf,
                            reference,
                            test,
                            latencyBudget));
            rows.add(
                    RuntimeComparison.measure(
                            "int8 ONNX",
                            target,
                            int8.size(),
                            q,
                            pq,
                            reference,
                            test,
                            latencyBudget));
            report = Derivation.report(pq, test);
        }
        RuntimeComparison comparison =
                new RuntimeComparison(
                        RuntimeComparison.FORMAT_VERSION, source.ref(), test.size(), threads, rows);

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("operation", "quantize");
        settings.put("compression", Int8Quantizer.COMPRESSION);
        settings.put("source", source.ref());
        settings.put("scheme", "QDQ");
        settings.put(
                "weights", config.reduceRange() ? "int8 per channel, 7 bits" : "int8 per channel");
        settings.put("activations", "uint8 per tensor");
        settings.put("ranges", config.ranges().name().toLowerCase(java.util.Locale.ROOT));
        settings.put("percentile", config.percentile());
        settings.put("foldBatchNorm", config.foldBatchNorm());
        settings.put("calibrationImages", calibration.count());
        settings.put("calibrationSeed", seed);
        settings.put("foldedBatchNorms", int8.foldedBatchNorms());
        settings.put("quantizedLayers", int8.quantizedLayers());
        DatasetRef trainedOn =
                new DatasetRef(
                        dataset.id(),
                        data.ref().sha256(),
                        "calibration: "
                                + calibration.description()
                                + String.format(
                                        "; evaluated on %s/test (%,d images)",
                                        dataset.id(), test.size()));
        ModelManifest draft =
                source.derive(
                        target,
                        ModelManifest.ONNX,
                        Int8Quantizer.COMPRESSION,
                        report.headline(),
                        Derivation.provenance(
                                settings, seed, trainedOn, started, report.headline()));
        ModelManifest registered =
                registry.registerFiles(
                        draft,
                        dir -> {
                            ModelExport.write(dir.resolve(ModelRegistry.ONNX_FILE), int8.model());
                            Derivation.writeReports(dir, target, report, comparison);
                        });
        return new DerivedModel(
                registered,
                registry.directory(registered.ref()),
                report,
                comparison,
                Optional.empty());
    }

    /** A seeded sample without replacement, in sampled order. */
    static CalibrationSet sample(ImageSet train, int count, long seed) {
        if (count < 1 || count > train.size()) {
            throw new IllegalArgumentException(
                    "calibration needs 1 to " + train.size() + " images, not " + count);
        }
        int[] all = Shuffle.permutation(train.size(), new Random(seed));
        float[] pixels = new float[count * train.imageSize()];
        for (int i = 0; i < count; i++) {
            train.copyImage(all[i], pixels, i * train.imageSize());
        }
        return new CalibrationSet(
                pixels,
                count,
                String.format("%,d images of %s drawn with seed %d", count, train.name(), seed));
    }

    private static Optional<ModelManifest> djlSource(ModelRegistry registry, ModelManifest m) {
        if (m.runtime().equals(ModelManifest.DJL)) {
            return Optional.of(m);
        }
        if (m.derivedFrom().isEmpty()) {
            return Optional.empty();
        }
        try {
            ModelManifest from = registry.get(m.derivedFrom());
            return from.runtime().equals(ModelManifest.DJL) ? Optional.of(from) : Optional.empty();
        } catch (WorldmindException e) {
            return Optional.empty(); // deleted since; compare without it
        }
    }

    private static byte[] read(Path versionDir) {
        Path file = versionDir.resolve(ModelRegistry.ONNX_FILE);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + file + ": " + e, e);
        }
    }
}
