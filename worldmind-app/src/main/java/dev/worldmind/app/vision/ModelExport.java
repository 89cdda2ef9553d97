package dev.worldmind.app.vision;

import dev.worldmind.app.dataset.DatasetDescriptor;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.core.provenance.Provenance.DatasetRef;
import dev.worldmind.data.catalog.TrainTest;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.model.eval.ClassificationReport;
import dev.worldmind.model.onnx.OnnxClassifier;
import dev.worldmind.model.onnx.OnnxExporter;
import dev.worldmind.model.onnx.OnnxFormat;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.vision.ImageClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exports a registered DJL model to ONNX and registers the file as a model of its own (runtime
 * {@code onnx}, derived from the source), after checking it on the test set against DJL and timing
 * both. Runs on the calling thread, one job at a time.
 */
public final class ModelExport {
    private final ImageModelPipeline pipeline;
    private final ProgressMonitor progress;
    private final int threads;
    private final Duration latencyBudget;

    /**
     * Creates the service.
     *
     * @param pipeline the image-model pipeline (registry and dataset)
     * @param progress where to report long work
     * @param threads intra-op threads for ONNX Runtime (DJL's engine has its own setting)
     * @param latencyBudget how long to time each runtime at each batch size
     */
    public ModelExport(
            ImageModelPipeline pipeline,
            ProgressMonitor progress,
            int threads,
            Duration latencyBudget) {
        this.pipeline = pipeline;
        this.progress = progress;
        this.threads = threads;
        this.latencyBudget = latencyBudget;
    }

    /**
     * Exports a model to ONNX, evaluates and registers it.
     *
     * @param ref the DJL model, {@code name[:version]}
     * @param name the name to register it under, or null for {@code <name>-onnx}
     * @param output also copy the ONNX file here, or null
     * @return the registered ONNX model
     */
    public DerivedModel toOnnx(String ref, String name, Path output) {
        ModelRegistry registry = pipeline.registry();
        ModelManifest source = registry.get(ref);
        Derivation.checkImageClassifier(source);
        if (!source.runtime().equals(ModelManifest.DJL)) {
            throw new InvalidDataException(
                    source.ref() + " is already an " + source.runtime() + " model");
        }
        String target = name == null ? source.name() + "-onnx" : name;
        Instant started = Instant.now();
        DatasetDescriptor dataset = ImageModelPipeline.datasetOf(source);
        TrainTest data = pipeline.data(dataset);
        ImageSet test = data.test();
        byte[] onnx;
        ClassificationReport report;
        RuntimeComparison comparison;
        try (ImageClassifier djl = registry.loadClassifier(source.ref())) {
            progress.info(
                    "exporting " + source.ref() + " to ONNX (opset " + OnnxFormat.OPSET + ")");
            onnx =
                    OnnxExporter.export(
                            djl,
                            OnnxExporter.metadata(
                                    djl, source.ref(), Optional.of(source.provenance())));
            progress.info(
                    String.format(
                            "checking DJL against ONNX Runtime on the %,d test images",
                            test.size()));
            float[][] reference = djl.probabilities(test);
            try (OnnxClassifier ort = OnnxClassifier.fromBytes(onnx, threads, target)) {
                float[][] probabilities = ort.probabilities(test);
                report = Derivation.report(probabilities, test);
                progress.info("timing both at batch 1 and 64");
                long djlBytes =
                        Derivation.bytes(
                                registry.directory(source.ref()).resolve(ModelRegistry.WEIGHTS));
                comparison =
                        new RuntimeComparison(
                                RuntimeComparison.FORMAT_VERSION,
                                source.ref(),
                                test.size(),
                                threads,
                                List.of(
                                        RuntimeComparison.measure(
                                                "fp32 DJL",
                                                source.ref(),
                                                djlBytes,
                                                djl,
                                                reference,
                                                reference,
                                                test,
                                                latencyBudget),
                                        RuntimeComparison.measure(
                                                "fp32 ONNX",
                                                target,
                                                onnx.length,
                                                ort,
                                                probabilities,
                                                reference,
                                                test,
                                                latencyBudget)));
            }
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("operation", "export");
        config.put("format", "onnx");
        config.put("source", source.ref());
        config.put("opset", OnnxFormat.OPSET);
        config.put("irVersion", OnnxFormat.IR_VERSION);
        config.put("onnxFormatVersion", OnnxFormat.FORMAT_VERSION);
        config.put("maxAbsDiffFromDjl", comparison.rows().get(1).maxAbsDiff());
        DatasetRef trainedOn =
                new DatasetRef(
                        dataset.id(),
                        data.ref().sha256(),
                        String.format(
                                "no training; evaluated on %s/test (%,d images)",
                                dataset.id(), test.size()));
        ModelManifest draft =
                source.derive(
                        target,
                        ModelManifest.ONNX,
                        "",
                        report.headline(),
                        Derivation.provenance(
                                config,
                                source.provenance().seed(),
                                trainedOn,
                                started,
                                report.headline()));
        byte[] bytes = onnx;
        ModelManifest registered =
                registry.registerFiles(
                        draft,
                        dir -> {
                            write(dir.resolve(ModelRegistry.ONNX_FILE), bytes);
                            Derivation.writeReports(dir, target, report, comparison);
                        });
        Path dir = registry.directory(registered.ref());
        Optional<Path> copied = Optional.ofNullable(output);
        copied.ifPresent(p -> Derivation.copy(dir.resolve(ModelRegistry.ONNX_FILE), p));
        return new DerivedModel(registered, dir, report, comparison, copied);
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new WorldmindException("cannot write " + file + ": " + e, e);
        }
    }
}
