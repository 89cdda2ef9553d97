package dev.worldmind.cli;

import dev.worldmind.app.vision.ImageModelPipeline.Outcome;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.train.TrainingHistory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static void line(PrintWriter out, String label, Path file) {
        if (Files.exists(file)) {
            out.printf(Locale.ROOT, "  %-10s %s%n", label, file);
        }
    }
}
