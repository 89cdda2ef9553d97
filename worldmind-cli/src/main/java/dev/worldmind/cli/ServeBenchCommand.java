package dev.worldmind.cli;

import dev.worldmind.app.vision.ImageModelPipeline;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.model.serve.BatchingOptions;
import dev.worldmind.server.load.ServingBench;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code worldmind serve-bench}: the serving API against in-process prediction, side by side. */
@Command(
        name = "serve-bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark model serving: throughput and p50/p99 latency over loopback HTTP.",
            "In one run: an in-process predictor (one image per call, and in batches), then",
            "throw-away servers with dynamic batching and without, at each concurrency; prints",
            "the ratios. Uses MNIST test images; bounded to 2 minutes per step."
        })
final class ServeBenchCommand extends HomeCommand {

    @Option(
            names = "--model",
            defaultValue = "keras-cnn",
            description = "Registered model, name[:version] (default ${DEFAULT-VALUE}).")
    String model;

    @Option(
            names = "--concurrency",
            split = ",",
            defaultValue = "1,8,32,64",
            description = "Concurrent callers, comma-separated (default ${DEFAULT-VALUE}).")
    List<Integer> concurrency;

    @Option(
            names = "--warmup",
            defaultValue = "2",
            description = "Seconds of warm-up per step (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--duration",
            defaultValue = "5",
            description = "Seconds measured per step (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--max-batch",
            defaultValue = "32",
            description = "Largest batch of the batched server (default ${DEFAULT-VALUE}).")
    int maxBatch;

    @Option(
            names = "--max-delay-ms",
            defaultValue = "2",
            description = "How long a batch waits for company (default ${DEFAULT-VALUE}).")
    int maxDelayMs;

    @Option(
            names = "--workers",
            defaultValue = "1",
            description = "Forward-pass threads per model (default ${DEFAULT-VALUE}).")
    int workers;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConsoleProgress progress = new ConsoleProgress(out);
        ImageModelPipeline pipeline = new ImageModelPipeline(homeOption.home(), progress);
        ImageSet test = pipeline.mnist().test().head(256);
        float[][] images = new float[test.size()][test.imageSize()];
        for (int i = 0; i < test.size(); i++) {
            test.copyImage(i, images[i], 0);
        }
        BatchingOptions batching =
                new BatchingOptions(
                        maxBatch,
                        Duration.ofMillis(maxDelayMs),
                        workers,
                        BatchingOptions.DEFAULT.queueCapacity(),
                        BatchingOptions.DEFAULT.timeout());
        ServingBench.Report report =
                new ServingBench(
                                new ServingBench.Options(
                                        homeOption.home().models(),
                                        model,
                                        images,
                                        concurrency,
                                        Duration.ofSeconds(warmup),
                                        Duration.ofSeconds(seconds),
                                        batching),
                                progress)
                        .run();
        out.println();
        out.print(report.table());
        out.flush();
        return 0;
    }
}
