package dev.worldmind.spark;

import picocli.CommandLine.Option;

/**
 * The ALS and evaluation options both mains share (a picocli mixin): the defaults are the
 * in-process ALS's own ({@code ImplicitAls.builder()}): 64 factors, regularisation 0.2 scaled by
 * each row's count, alpha 2, 15 sweeps; 20 % held out. So the like-for-like comparison is of the
 * defaults a user gets.
 */
final class AlsOptions {
    @Option(
            names = "--master",
            defaultValue = "local[*]",
            description = "Spark master URL (default ${DEFAULT-VALUE}).")
    String master;

    @Option(
            names = "--factors",
            defaultValue = "64",
            description = "Factors (default ${DEFAULT-VALUE}).")
    int factors;

    @Option(
            names = "--regularisation",
            defaultValue = "0.2",
            description = "Lambda, scaled by each row's count (default ${DEFAULT-VALUE}).")
    double regularisation;

    @Option(
            names = "--alpha",
            defaultValue = "2",
            description = "Confidence 1 + alpha * r (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(
            names = "--iterations",
            defaultValue = "15",
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
