package dev.worldmind.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --timing SECONDS}: how long the runtime comparison of export and quantize times. */
final class TimingOption {
    @Option(
            names = "--timing",
            defaultValue = "1",
            paramLabel = "SECONDS",
            description =
                    "How long to time each runtime per batch size (default: ${DEFAULT-VALUE}).")
    double seconds;

    Duration budget() {
        return Reports.seconds(seconds);
    }
}
