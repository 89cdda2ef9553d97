package dev.worldmind.cli;

import dev.worldmind.app.dataset.DatasetDescriptor;
import dev.worldmind.app.dataset.DatasetDescriptors;
import dev.worldmind.app.vision.ImageModelPipeline;
import dev.worldmind.app.vision.ImageModelPipeline.Outcome;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.vision.Architectures;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
            "Fetches MNIST, trains, evaluates and registers the default model keras-cnn, then",
            "opens the world with its AI characters on http://localhost:8080 at once. Every other",
            "missing model (spam filter, sentiment, the museum guide's policy, fashion-cnn, the",
            "GANs, keras-cnn's ONNX export) is queued as a background job: follow them in the",
            "Studio (/studio.html) or with ./worldmind jobs list. With --no-server the jobs run",
            "in the foreground instead."
        })
final class StartCommand extends HomeCommand {
    /** The default model: the source document's CNN on MNIST. */
    static final String DEFAULT_MODEL = Architectures.KERAS_CNN;

    @Mixin ServerOptions serverOptions;

    @Option(
            names = "--no-server",
            description =
                    "Train everything in the foreground (no background jobs) and do not start"
                            + " the world server.")
    boolean noServer;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        WorldmindHome home = homeOption.home();
        out.println("Worldmind home: " + home.root());
        ConsoleProgress progress = new ConsoleProgress(out);
        ImageModelPipeline pipeline = new ImageModelPipeline(home, progress);
        ensureImageModel(
                out,
                pipeline,
                progress,
                DEFAULT_MODEL,
                DatasetDescriptors.installed().get(ImageModelPipeline.DEFAULT_DATASET),
                "5 epochs on MNIST");
        out.println();
        out.println("Also: ./worldmind predict --model " + DEFAULT_MODEL + " <digit.png>");
        out.println("      ./worldmind jobs list    ./worldmind models list    ./worldmind --help");
        if (noServer) {
            return BackgroundJobs.runInForeground(out, serverOptions, home);
        }
        return WorldRunner.run(out, serverOptions, home, true);
    }

    /** Trains and registers an image model unless one with the same recipe and data exists. */
    private static void ensureImageModel(
            PrintWriter out,
            ImageModelPipeline pipeline,
            ConsoleProgress progress,
            String name,
            DatasetDescriptor dataset,
            String what) {
        Path data = pipeline.ensureDataset(dataset);
        String architecture =
                name.equals(DEFAULT_MODEL) ? DEFAULT_MODEL : dataset.defaultArchitecture();
        TrainingConfig config = dataset.recipe(architecture).build();
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
