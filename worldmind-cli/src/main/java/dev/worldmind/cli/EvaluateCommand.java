package dev.worldmind.cli;

import dev.worldmind.app.vision.ImageModelPipeline;
import dev.worldmind.app.vision.ImageModelPipeline.Outcome;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code worldmind evaluate}: score a registered model on its dataset's test set. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Evaluate a registered model on the held-out test set.")
final class EvaluateCommand extends HomeCommand {

    @Parameters(paramLabel = "MODEL", description = "name or name:version (default: latest).")
    String model;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ImageModelPipeline pipeline =
                new ImageModelPipeline(homeOption.home(), new ConsoleProgress(out));
        Outcome o = pipeline.evaluate(model);
        out.print(o.report().toTable());
        out.printf(
                Locale.ROOT,
                "%n%s: test accuracy %.2f%%, macro-F1 %.4f, macro ROC-AUC %.5f%n",
                o.manifest().ref(),
                o.report().accuracy() * 100,
                o.report().macroF1(),
                o.report().macroRocAuc());
        out.println("  metrics    " + o.directory().resolve("metrics.json"));
        out.println("  plot       " + o.directory().resolve("confusion-matrix.png"));
        return 0;
    }
}
