package dev.worldmind.cli;

import dev.worldmind.app.vision.Pruning;
import dev.worldmind.app.vision.PruningReport;
import dev.worldmind.model.compress.PruningSchedule;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.train.TrainingConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code worldmind prune}: magnitude-prune a registered model, fine-tune and register it. */
@Command(
        name = "prune",
        mixinStandardHelpOptions = true,
        description = {
            "Prune a registered MNIST model: zero the smallest convolution and dense weights"
                    + " (ranked together), fine-tune with the zeros held, evaluate on the test set"
                    + " and register the result as a new model derived from the original.",
            "Weights stay dense: expect a smaller gzip, not a smaller file or faster inference."
        })
final class PruneCommand extends HomeCommand {

    @Parameters(paramLabel = "MODEL", description = "name or name:version (default: latest).")
    String model;

    @Option(
            names = "--sparsity",
            defaultValue = "0.8",
            description = "Share of conv and dense weights to zero (default: ${DEFAULT-VALUE}).")
    double sparsity;

    @Option(
            names = "--epochs",
            defaultValue = "3",
            description = "Fine-tuning epochs over all steps; 0 prunes only (default: 3).")
    int epochs;

    @Option(
            names = "--steps",
            split = ",",
            paramLabel = "S",
            description =
                    "Gradual pruning: lower sparsities to pass through first, one epoch each"
                            + " (e.g. 0.5,0.65).")
    List<Double> steps = List.of();

    @Option(
            names = {"-n", "--name"},
            description = "Name to register the pruned model under (default: <name>-pruned).")
    String name;

    @Option(names = "--lr", description = "Fine-tuning learning rate (default: half the recipe's).")
    Float learningRate;

    @Option(names = "--limit", description = "Fine-tune on only the first N training images.")
    Integer limit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PruningSchedule schedule =
                steps.isEmpty()
                        ? PruningSchedule.oneShot(sparsity, epochs)
                        : PruningSchedule.gradual(steps, sparsity, epochs);
        ConsoleProgress progress = new ConsoleProgress(out);
        Pruning pruning = new Pruning(homeOption.home(), progress);
        ModelManifest source = pruning.registry().get(model);
        TrainingConfig.Builder recipe = Pruning.fineTuningRecipe(source);
        if (learningRate != null) {
            recipe.optLearningRate(learningRate);
        }
        if (limit != null) {
            recipe.optTrainLimit(limit);
        }
        String target = name == null ? Pruning.defaultName(source.name()) : name;
        Pruning.Outcome o =
                pruning.prune(
                        source.ref(),
                        new Pruning.Request(target, schedule, recipe.build()),
                        progress);
        PruningReport r = o.pruning();
        out.println();
        out.print(r.toTable());
        out.println();
        out.printf(
                Locale.ROOT,
                "%s registered (from %s, %s): test accuracy %.2f%% (%+.2f pt), %,d of %,d"
                        + " parameters non-zero%n",
                o.manifest().ref(),
                r.source(),
                o.manifest().compression(),
                r.result().accuracy() * 100,
                (r.result().accuracy() - r.original().accuracy()) * 100,
                r.result().nonZero(),
                r.result().parameters());
        Path dir = o.directory();
        out.println("  model      " + dir);
        line(out, "weights", dir.resolve("weights"));
        line(out, "provenance", dir.resolve("manifest.json"));
        line(out, "pruning", dir.resolve("pruning.txt"));
        line(out, "", dir.resolve("pruning.json"));
        line(out, "metrics", dir.resolve("metrics.json"));
        line(out, "report", dir.resolve("report.txt"));
        line(out, "history", dir.resolve("history.json"));
        line(out, "plots", dir.resolve("plots"));
        out.flush();
        return 0;
    }

    private static void line(PrintWriter out, String label, Path file) {
        if (Files.exists(file)) {
            out.printf(Locale.ROOT, "  %-10s %s%n", label, file);
        }
    }
}
