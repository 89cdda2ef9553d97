package dev.worldmind.cli;

import dev.worldmind.app.vision.DerivedModel;
import dev.worldmind.app.vision.ImageModelPipeline;
import dev.worldmind.app.vision.ModelQuantization;
import dev.worldmind.model.compress.QuantizationConfig;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code worldmind quantize}: an int8 ONNX model, about a quarter of the size. */
@Command(
        name = "quantize",
        mixinStandardHelpOptions = true,
        description = {
            "Quantise a registered model to int8 ONNX and register it as a new model.",
            "Weights become int8 per channel; activation ranges are calibrated on a seeded sample",
            "of the training set. Prints and saves a comparison of fp32 DJL, fp32 ONNX and int8",
            "ONNX: size, test accuracy and latency at batch 1 and 64."
        })
final class QuantizeCommand extends HomeCommand {

    @Parameters(
            paramLabel = "MODEL",
            description = "name or name:version of a DJL model or an fp32 ONNX model.")
    String model;

    @Option(
            names = {"-n", "--name"},
            description = "Name to register the result under (default: <name>-int8).")
    String name;

    @Option(
            names = "--calibration",
            defaultValue = "1000",
            paramLabel = "N",
            description = "Training images to calibrate on (default: ${DEFAULT-VALUE}).")
    int calibration;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed that picks the calibration images (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--percentile",
            paramLabel = "P",
            description =
                    "Clip activation ranges to the P-th percentile (e.g. 99.99) instead of min/max.")
    Double percentile;

    @Mixin TimingOption timing;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        QuantizationConfig config = QuantizationConfig.defaults();
        if (percentile != null) {
            config = config.withRanges(QuantizationConfig.RangeMethod.PERCENTILE, percentile);
        }
        ConsoleProgress progress = new ConsoleProgress(out);
        ImageModelPipeline pipeline = new ImageModelPipeline(homeOption.home(), progress);
        DerivedModel d =
                new ModelQuantization(
                                pipeline, progress, Reports.threads(), timing.budget(), config)
                        .toInt8(model, name, calibration, seed);
        Reports.printDerived(out, d);
        return 0;
    }
}
