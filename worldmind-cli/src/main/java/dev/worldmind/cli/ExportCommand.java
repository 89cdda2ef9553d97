package dev.worldmind.cli;

import dev.worldmind.app.vision.DerivedModel;
import dev.worldmind.app.vision.ImageModelPipeline;
import dev.worldmind.app.vision.ModelExport;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code worldmind export}: a registered model as a portable ONNX file. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export a registered model to ONNX and register the file as a new model.",
            "The graph takes raw pixels in [0, 1] and normalises them itself; its metadata carries",
            "the classes and the source's provenance. The export is checked against DJL on the",
            "test set and both are timed; the comparison is saved with the new model."
        })
final class ExportCommand extends HomeCommand {

    @Parameters(paramLabel = "MODEL", description = "name or name:version of a DJL model.")
    String model;

    @Option(
            names = "--format",
            defaultValue = "onnx",
            description = "Export format; only ${DEFAULT-VALUE} so far.")
    String format;

    @Option(
            names = {"-n", "--name"},
            description = "Name to register the export under (default: <name>-onnx).")
    String name;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Also copy the .onnx file here.")
    Path output;

    @Mixin TimingOption timing;

    @Override
    public Integer call() {
        if (!format.equalsIgnoreCase("onnx")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "unknown format '" + format + "'; supported: onnx");
        }
        PrintWriter out = spec.commandLine().getOut();
        ConsoleProgress progress = new ConsoleProgress(out);
        ImageModelPipeline pipeline = new ImageModelPipeline(homeOption.home(), progress);
        DerivedModel d =
                new ModelExport(pipeline, progress, Reports.threads(), timing.budget())
                        .toOnnx(model, name, output);
        Reports.printDerived(out, d);
        return 0;
    }
}
