package dev.worldmind.cli;

import picocli.CommandLine.Option;

/**
 * {@code --seed} of the evaluation commands, which split the data and train on one part: one seed
 * for both, so that a run can be repeated.
 */
final class SplitSeedOption {
    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Split and training seed (default ${DEFAULT-VALUE}).")
    long seed;
}
