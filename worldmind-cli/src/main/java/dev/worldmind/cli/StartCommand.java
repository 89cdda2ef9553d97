package dev.worldmind.cli;

import dev.worldmind.app.language.LanguageModels;
import dev.worldmind.app.reinforce.MuseumNavigator;
import dev.worldmind.app.vision.ImageModelPipeline;
import dev.worldmind.app.vision.ImageModelPipeline.Outcome;
import dev.worldmind.app.vision.TrainingPresets;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.data.catalog.ImageDataset;
import dev.worldmind.model.language.MiniLmEmbedder;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.vision.Architectures;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code worldmind start}: set everything up and run the main job. Fetches missing datasets, trains
 * the default models that are missing, and reports where everything is. Run again, it reuses what
 * exists.
 */
@Command(
        name = "start",
        mixinStandardHelpOptions = true,
        description = {
            "Set up everything, then open the world server.",
            "Fetches missing datasets, trains, evaluates and registers the missing default models",
            "(keras-cnn on MNIST; the characters' sentiment classifier and the chat spam filter),",
            "then serves the world with its AI characters on http://localhost:8080 until stopped."
        })
final class StartCommand implements Callable<Integer> {
    /** The default model: the source document's CNN on MNIST. */
    static final String DEFAULT_MODEL = Architectures.KERAS_CNN;

    @Spec CommandSpec spec;

    @Mixin HomeOption homeOption;

    @Mixin ServerOptions serverOptions;

    @Option(
            names = "--no-server",
            description = "Set up and train only; do not start the world server.")
    boolean noServer;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        WorldmindHome home = homeOption.home();
        out.println("Worldmind home: " + home.root());
        ConsoleProgress progress = new ConsoleProgress(out);
        ImageModelPipeline pipeline = new ImageModelPipeline(home, progress);
        ensureImageModel(
                out, pipeline, progress, DEFAULT_MODEL, ImageDataset.MNIST, "5 epochs on MNIST");
        ensureImageModel(
                out,
                pipeline,
                progress,
                TrainingPresets.FASHION_MODEL,
                ImageDataset.FASHION_MNIST,
                "the shop's garment classifier, 12 epochs on Fashion-MNIST");
        try (MiniLmEmbedder embedder = MiniLmEmbedder.create()) {
            LanguageModels.ensure(home, embedder, progress);
        }
        ModelRegistry registry = new ModelRegistry(home.models());
        for (String name : List.of(LanguageModels.SENTIMENT, LanguageModels.SPAM_FILTER)) {
            ModelManifest m = registry.get(name);
            StringBuilder figures = new StringBuilder();
            m.metrics()
                    .forEach(
                            (k, v) ->
                                    figures.append(
                                            String.format(
                                                    java.util.Locale.ROOT, " %s %.4f", k, v)));
            out.println("language model " + m.ref() + ", held out:" + figures);
        }
        ModelManifest navigator =
                MuseumNavigator.ensure(
                        registry,
                        home.runs()
                                .resolve(
                                        "rl-"
                                                + MuseumNavigator.NAME
                                                + "-"
                                                + Instant.now().getEpochSecond()),
                        new ConsoleLearning(out),
                        progress);
        out.printf(
                java.util.Locale.ROOT,
                "navigation policy %s (museum guide), held-out pairs: success %.1f%%, path %.3f× A*%n",
                navigator.ref(),
                navigator.metrics().getOrDefault("successRate", Double.NaN) * 100,
                navigator.metrics().getOrDefault("pathRatio", Double.NaN));
        out.println();
        out.println("Also: ./worldmind predict --model " + DEFAULT_MODEL + " <digit.png>");
        out.println(
                "      ./worldmind language evaluate    ./worldmind models list    ./worldmind --help");
        if (noServer) {
            return 0;
        }
        return WorldRunner.run(out, serverOptions, home);
    }

    /** Trains and registers an image model unless one with the same recipe and data exists. */
    private static void ensureImageModel(
            PrintWriter out,
            ImageModelPipeline pipeline,
            ConsoleProgress progress,
            String name,
            ImageDataset dataset,
            String what) {
        Path data = pipeline.ensureDataset(dataset);
        String architecture =
                name.equals(DEFAULT_MODEL)
                        ? DEFAULT_MODEL
                        : TrainingPresets.defaultArchitecture(dataset);
        TrainingConfig config = TrainingPresets.forArchitecture(dataset, architecture).build();
        Optional<ModelManifest> trained = pipeline.findTrained(name, dataset, config);
        Outcome outcome;
        if (trained.isPresent()) {
            out.println("model " + trained.get().ref() + " is already trained");
            outcome = pipeline.existing(trained.get());
        } else {
            out.println("training " + name + " (" + what + ")");
            outcome = pipeline.train(name, dataset, config, progress);
        }
        Reports.printOutcome(out, outcome, data);
    }
}
