package dev.worldmind.cli;

import dev.worldmind.app.vision.DerivedModel;
import dev.worldmind.app.vision.ImageModelPipeline.Outcome;
import dev.worldmind.app.vision.RuntimeComparison;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.train.TrainingHistory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** How the CLI prints a trained or evaluated model: the headline, then where everything is. */
final class Reports {
    private Reports() {}

    static void printOutcome(PrintWriter out, Outcome o, Path datasetDir) {
        ModelManifest m = o.manifest();
        out.println();
        out.print(o.report().toTable());
        out.println();
        out.printf(
                Locale.ROOT,
                "%s %s: test accuracy %.2f%%, macro-F1 %.4f, macro ROC-AUC %.5f on %,d test"
                        + " images%n",
                m.ref(),
                o.reused() ? "(already trained, reused)" : "registered",
                o.report().accuracy() * 100,
                o.report().macroF1(),
                o.report().macroRocAuc(),
                o.report().samples());
        TrainingHistory h = o.history();
        if (h != null) {
            out.printf(
                    Locale.ROOT,
                    "trained %d epochs in %.0f s (%,.0f img/s), best epoch %d%s%n",
                    h.epochs().size(),
                    h.trainSeconds(),
                    h.imagesPerSecond(),
                    h.bestEpoch(),
                    h.stoppedEarly() ? ", stopped early" : "");
        }
        Path dir = o.directory();
        out.println("  model      " + dir);
        line(out, "weights", dir.resolve("weights"));
        line(out, "provenance", dir.resolve("manifest.json"));
        line(out, "metrics", dir.resolve("metrics.json"));
        line(out, "report", dir.resolve("report.txt"));
        line(out, "history", dir.resolve("history.json"));
        Path plots = dir.resolve("plots");
        line(out, "plots", plots.resolve("training-loss.png"));
        line(out, "", plots.resolve("training-accuracy.png"));
        line(out, "", plots.resolve("confusion-matrix.png"));
        if (datasetDir != null) {
            out.println("  dataset    " + datasetDir);
        }
        out.flush();
    }

    static void printDerived(PrintWriter out, DerivedModel d) {
        ModelManifest m = d.manifest();
        out.println();
        out.print(d.comparison().toTable());
        out.println();
        out.printf(
                Locale.ROOT,
                "%s registered (%s%s, from %s): test accuracy %.2f%%, macro-F1 %.4f%n",
                m.ref(),
                m.runtime(),
                m.compression().isEmpty() ? "" : " " + m.compression(),
                m.derivedFrom(),
                d.report().accuracy() * 100,
                d.report().macroF1());
        Path dir = d.directory();
        out.println("  model      " + dir);
        try {
            out.printf(
                    Locale.ROOT,
                    "  %-10s %s (%,d bytes)%n",
                    "onnx",
                    d.modelFile(),
                    Files.size(d.modelFile()));
        } catch (java.io.IOException e) {
            line(out, "onnx", d.modelFile());
        }
        d.copiedTo().ifPresent(p -> out.println("  copied to  " + p.toAbsolutePath()));
        line(out, "provenance", dir.resolve("manifest.json"));
        line(out, "comparison", dir.resolve(RuntimeComparison.TEXT));
        line(out, "", dir.resolve(RuntimeComparison.JSON));
        line(out, "metrics", dir.resolve("metrics.json"));
        line(out, "plot", dir.resolve("plots").resolve("confusion-matrix.png"));
        out.flush();
    }

    /** The CPU threads a runtime may use: {@code --threads}, else every core (DJL's default). */
    static int threads() {
        return Integer.getInteger(
                "ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors());
    }

    static Duration seconds(double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("--timing must be positive");
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static void line(PrintWriter out, String label, Path file) {
        if (Files.exists(file)) {
            out.printf(Locale.ROOT, "  %-10s %s%n", label, file);
        }
    }
}
