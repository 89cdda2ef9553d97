package dev.worldmind.app.vision;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.provenance.CodeVersion;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.core.provenance.RuntimeInfo;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.model.eval.Charts;
import dev.worldmind.model.eval.ClassificationReport;
import dev.worldmind.model.onnx.OnnxClassifier;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.train.EngineInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

/** What exporting and quantising have in common: checks, evaluation, provenance and reports. */
final class Derivation {
    private Derivation() {}

    /** Fails unless the model is an image classifier evaluated on the dataset the app knows. */
    static void checkImageClassifier(ModelManifest m) {
        if (!ModelManifest.IMAGE_CLASSIFIER.equals(m.kind())) {
            throw new InvalidDataException(
                    m.ref() + " is a " + m.kind() + ", not an image classifier");
        }
        ImageModelPipeline.datasetOf(m);
    }

    static ClassificationReport report(float[][] probabilities, ImageSet test) {
        int[] labels = new int[test.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = test.label(i);
        }
        return ClassificationReport.compute(labels, probabilities, test.classNames());
    }

    static Provenance provenance(
            Map<String, Object> config,
            long seed,
            Provenance.DatasetRef dataset,
            Instant started,
            Map<String, Double> metrics) {
        Map<String, String> libraries = new java.util.LinkedHashMap<>(EngineInfo.libraries());
        libraries.put("onnxruntime", OnnxClassifier.runtimeVersion());
        return new Provenance(
                config,
                seed,
                dataset,
                CodeVersion.current(),
                RuntimeInfo.current(libraries),
                started,
                Instant.now(),
                metrics);
    }

    /** Writes a derived model's figures into a job's log. */
    static void log(dev.worldmind.core.progress.ProgressMonitor out, DerivedModel d) {
        out.info(
                String.format(
                        java.util.Locale.ROOT,
                        "%s registered: test accuracy %.4f",
                        d.manifest().ref(),
                        d.report().accuracy()));
        for (String line : d.comparison().toTable().split("\n")) {
            out.info(line);
        }
    }

    static void writeReports(
            Path dir, String title, ClassificationReport report, RuntimeComparison comparison) {
        Json.write(dir.resolve("metrics.json"), report);
        Json.write(dir.resolve(RuntimeComparison.JSON), comparison);
        Charts.confusionMatrix(title, report, dir.resolve("plots").resolve("confusion-matrix.png"));
        try {
            Files.writeString(dir.resolve("report.txt"), report.toTable());
            Files.writeString(dir.resolve(RuntimeComparison.TEXT), comparison.toTable());
        } catch (IOException e) {
            throw new WorldmindException("cannot write reports into " + dir + ": " + e, e);
        }
    }

    /** The size of everything in a folder, e.g. DJL's weights. */
    static long bytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(
                            p -> {
                                try {
                                    return Files.size(p);
                                } catch (IOException e) {
                                    return 0;
                                }
                            })
                    .sum();
        } catch (IOException e) {
            throw new WorldmindException("cannot measure " + dir + ": " + e, e);
        }
    }

    static void copy(Path file, Path target) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new WorldmindException("cannot copy " + file + " to " + target + ": " + e, e);
        }
    }
}
