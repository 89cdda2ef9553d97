package dev.worldmind.cli;

import dev.worldmind.app.dataset.DatasetDescriptor;
import dev.worldmind.app.dataset.DatasetDescriptors;
import dev.worldmind.app.vision.ImageModelPipeline;
import dev.worldmind.app.vision.ImageModelPipeline.Outcome;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.core.json.Json;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.vision.Architectures;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code worldmind train}: train, evaluate and register an image classifier. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train an image classifier on MNIST, Fashion-MNIST or another installed image dataset,"
                    + " evaluate it on the test set and register it.",
            "Architectures: mlp, keras-cnn (the source document's Keras CNN), strong-cnn.",
            "An interrupted run resumes from its last epoch checkpoint when started again."
        })
final class TrainCommand extends HomeCommand {

    @Option(
            names = {"-d", "--dataset"},
            defaultValue = "mnist",
            completionCandidates = DatasetNames.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String datasetName;

    @Option(
            names = {"-a", "--arch"},
            description =
                    "Architecture (default: the dataset's own; keras-cnn on mnist, strong-cnn on"
                            + " fashion-mnist).")
    String architecture;

    @Option(
            names = {"-n", "--name"},
            description =
                    "Name to register the model under (default: the dataset's own; the"
                            + " architecture on mnist, fashion-cnn on fashion-mnist).")
    String name;

    @Option(
            names = "--summary-json",
            description = "Also write a machine-readable summary (throughput, accuracy) here.")
    Path summary;

    @ArgGroup(exclusive = false, heading = "Training options%n")
    TrainingOptions training = new TrainingOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DatasetDescriptor dataset = DatasetDescriptors.installed().get(datasetName);
        String arch = architecture == null ? dataset.defaultArchitecture() : architecture;
        Architectures.describe(arch); // fails early, with the known names, if unknown
        TrainingConfig config = training.build(dataset, arch);
        WorldmindHome home = homeOption.home();
        ConsoleProgress progress = new ConsoleProgress(out);
        ImageModelPipeline pipeline = new ImageModelPipeline(home, progress);
        String modelName = name == null ? dataset.modelName(arch) : name;
        Outcome outcome = pipeline.train(modelName, dataset, config, progress);
        Reports.printOutcome(out, outcome, pipeline.ensureDataset(dataset));
        if (summary != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("model", outcome.manifest().ref());
            s.put("dataset", dataset.id());
            s.put("architecture", arch);
            s.put("epochs", outcome.history().epochs().size());
            s.put("trainSeconds", outcome.history().trainSeconds());
            s.put("imagesPerSecond", outcome.history().imagesPerSecond());
            s.put("testAccuracy", outcome.report().accuracy());
            s.put("threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
            Json.write(summary, s);
        }
        return 0;
    }
}
