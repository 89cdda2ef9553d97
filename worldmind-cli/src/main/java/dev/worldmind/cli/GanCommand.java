package dev.worldmind.cli;

import dev.worldmind.app.generate.GanRecipe;
import dev.worldmind.app.generate.GanReport;
import dev.worldmind.app.generate.Gans;
import dev.worldmind.app.generate.SampleGrid;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.model.generate.GanConfig;
import dev.worldmind.model.generate.Generator;
import dev.worldmind.model.registry.ModelRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code worldmind gan}: train generators, draw their samples, measure their FID. */
@Command(
        name = "gan",
        mixinStandardHelpOptions = true,
        description =
                "Generated designs: train a (conditional) DCGAN on fashion-mnist, mnist or another"
                        + " installed image dataset, draw samples, measure FID on a registered"
                        + " classifier's features.",
        subcommands = {GanCommand.Train.class, GanCommand.Sample.class, GanCommand.Fid.class})
final class GanCommand {
    private GanCommand() {}

    @Command(
            name = "train",
            mixinStandardHelpOptions = true,
            description = {
                "Train a DCGAN, measure FID after every epoch and register it (kind generator).",
                "Writes fid.csv, fid.png, samples.png and the artifact under",
                "<home>/runs/<name>-<time>/ and into the registered model's folder."
            })
    static final class Train extends HomeCommand {

        @Option(
                names = "--dataset",
                required = true,
                completionCandidates = DatasetNames.class,
                description =
                        "${COMPLETION-CANDIDATES}: fashion-mnist registers fashion-gan, mnist"
                                + " mnist-gan, another dataset its own.")
        String dataset;

        @Option(names = "--epochs", description = "Epochs (default: 5).")
        Integer epochs;

        @Option(names = "--seed", description = "Seed (default: 42).")
        Long seed;

        @Option(names = "--name", description = "Name to register under.")
        String name;

        @Option(
                names = "--judge",
                paramLabel = "NAME[:V]",
                description =
                        "Classifier for FID (default: the dataset's own; fashion-cnn or"
                                + " keras-cnn).")
        String judge;

        @Option(names = "--limit-images", description = "Train on the first N images only.")
        Integer limitImages;

        @Option(names = "--width", description = "Channels of the 14x14 layers (default: 32).")
        Integer width;

        @Option(names = "--unconditional", description = "Ignore the classes.")
        boolean unconditional;

        @Option(names = "--no-register", description = "Keep the run only; do not register.")
        boolean noRegister;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            GanRecipe recipe = GanRecipe.standard(dataset);
            GanConfig base = recipe.config();
            GanConfig config =
                    GanConfig.builder()
                            .optEpochs(epochs == null ? base.epochs() : epochs)
                            .optSeed(seed == null ? base.seed() : seed)
                            .optLimitImages(limitImages == null ? 0 : limitImages)
                            .optWidth(width == null ? base.width() : width)
                            .optConditional(!unconditional)
                            .build();
            recipe = recipe.withConfig(config);
            if (name != null) {
                recipe = recipe.withName(name);
            }
            if (judge != null) {
                recipe = recipe.withJudge(judge);
            }
            WorldmindHome home = homeOption.home();
            ConsoleProgress progress = new ConsoleProgress(out);
            GanReport report =
                    Gans.train(
                            home,
                            recipe,
                            new GanCommandProgress(out, config.epochs()),
                            progress,
                            !noRegister);
            printMetrics(out, report.metrics());
            out.printf(
                    Locale.ROOT,
                    "%d epochs in %.1f s; run folder %s%n",
                    report.history().epochs().size(),
                    report.history().seconds(),
                    report.runDir());
            if (report.manifest() != null) {
                out.println(
                        "registered "
                                + report.manifest().ref()
                                + " (samples.png, fid.png in "
                                + new ModelRegistry(home.models())
                                        .directory(report.manifest().ref())
                                + ")");
            }
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "sample",
            mixinStandardHelpOptions = true,
            description = "Draw images from a registered generator into a PNG grid.")
    static final class Sample extends HomeCommand {

        @Parameters(index = "0", paramLabel = "NAME[:V]", description = "The generator.")
        String ref;

        @Option(names = "--count", defaultValue = "64", description = "Images (default: 64).")
        int count;

        @Option(names = "--class", description = "Class name to draw (conditional generators).")
        String className;

        @Option(names = "--seed", defaultValue = "1", description = "Noise seed (default: 1).")
        long seed;

        @Option(
                names = {"-o", "--output"},
                required = true,
                description = "The PNG file.")
        Path output;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ModelRegistry registry = new ModelRegistry(homeOption.home().models());
            try (Generator g = Gans.load(registry, ref)) {
                int classIndex = -1;
                if (className != null) {
                    classIndex = g.classes().indexOf(className);
                    if (classIndex < 0 || !g.conditional()) {
                        throw new InvalidDataException(
                                g.conditional()
                                        ? "unknown class '" + className + "': " + g.classes()
                                        : ref + " is unconditional: it takes no class");
                    }
                }
                float[] images = g.sample(count, classIndex, seed);
                int columns = (int) Math.ceil(Math.sqrt(count));
                SampleGrid.write(images, count, columns, output);
                out.println("wrote " + count + " samples to " + output);
            }
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "fid",
            mixinStandardHelpOptions = true,
            description =
                    "Measure a registered generator's FID (10,000 generated vs the 10,000 test"
                            + " images, features of its judge classifier) and the real-vs-real"
                            + " baseline.")
    static final class Fid extends HomeCommand {

        @Parameters(index = "0", paramLabel = "NAME[:V]", description = "The generator.")
        String ref;

        @Option(
                names = "--judge",
                paramLabel = "NAME[:V]",
                description = "Classifier for FID (default: the one it was trained with).")
        String judge;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ConsoleProgress progress = new ConsoleProgress(out);
            printMetrics(out, Gans.fid(homeOption.home(), ref, judge, progress));
            out.flush();
            return 0;
        }
    }

    static void printMetrics(PrintWriter out, Map<String, Double> metrics) {
        metrics.forEach((k, v) -> out.printf(Locale.ROOT, "%-32s %.4f%n", k, v));
    }
}
