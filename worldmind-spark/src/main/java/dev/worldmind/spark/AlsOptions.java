package dev.worldmind.spark;

import picocli.CommandLine.Option;

/**
 * The ALS and evaluation options both mains share (a picocli mixin): the defaults are the bench's,
 * 16 factors, regularisation 0.05 scaled by each row's count, alpha 10, 10 sweeps, 20 % held out.
 */
final class AlsOptions {
    @Option(
            names = "--master",
            defaultValue = "local[*]",
            description = "Spark master URL (default ${DEFAULT-VALUE}).")
    String master;

    @Option(
            names = "--factors",
            defaultValue = "16",
            description = "Factors (default ${DEFAULT-VALUE}).")
    int factors;

    @Option(
            names = "--regularisation",
            defaultValue = "0.05",
            description = "Lambda, scaled by each row's count (default ${DEFAULT-VALUE}).")
    double regularisation;

    @Option(
            names = "--alpha",
            defaultValue = "10",
            description = "Confidence 1 + alpha * r (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(
            names = "--iterations",
            defaultValue = "10",
            description = "Sweeps (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Split and factor seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--holdout",
            defaultValue = "0.2",
            description = "Share held out per user (default ${DEFAULT-VALUE}).")
    double holdout;

    @Option(
            names = "--k",
            defaultValue = "10",
            description = "List length (default ${DEFAULT-VALUE}).")
    int k;
}
