package dev.worldmind.spark;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionWeights;
import dev.worldmind.data.interaction.SyntheticInteractions;
import dev.worldmind.model.recommend.ImplicitAls;
import dev.worldmind.model.recommend.Popularity;
import dev.worldmind.model.recommend.RankingReport;
import dev.worldmind.model.recommend.Recommender;
import dev.worldmind.model.recommend.RecommenderAlgorithm;
import dev.worldmind.model.recommend.RecommenderEvaluation;
import dev.worldmind.model.recommend.Recommenders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains the in-process ALS and Spark's ALS with the same factors, regularisation, alpha,
 * iterations and seed on the same split, and prints their training time and ranking quality side by
 * side with the ratios (popularity as the floor). One run; {@code bench/recommend} runs it.
 */
public final class AlsBench {
    private AlsBench() {}

    /**
     * The shared settings.
     *
     * @param factors the number of factors
     * @param regularisation the regularisation (Spark's regParam, which Spark scales by each user's
     *     and item's number of interactions)
     * @param alpha the confidence scale
     * @param iterations the number of alternating sweeps
     * @param seed the seed
     */
    public record Settings(
            int factors, double regularisation, double alpha, int iterations, long seed) {}

    /**
     * One algorithm's result.
     *
     * @param algorithm its name
     * @param fitSeconds how long {@code fit} took
     * @param report its ranking quality on the held-out items
     */
    public record Result(String algorithm, double fitSeconds, RankingReport report) {}

    /**
     * The in-process ALS with the same settings as Spark's: both scale the regularisation by each
     * row's number of interactions, so the same number means the same penalty.
     *
     * @param s the settings
     * @return the algorithm
     */
    static RecommenderAlgorithm inProcessAls(Settings s) {
        return ImplicitAls.builder()
                .optFactors(s.factors())
                .optRegularization(ImplicitAls.Regularization.SCALED)
                .optLambda(s.regularisation())
                .optAlpha(s.alpha())
                .optIterations(s.iterations())
                .optSeed(s.seed())
                .build();
    }

    /**
     * Trains one algorithm on the split's training part and scores it.
     *
     * @param algorithm the algorithm
     * @param split the data
     * @param k the list length
     * @param warmup how many untimed fits to run first (the first fit in a JVM also pays for class
     *     loading and JIT compilation, which is large for Spark)
     * @param progress told about training
     * @return the result of the timed fit
     */
    public static Result measure(
            RecommenderAlgorithm algorithm,
            Holdout split,
            int k,
            int warmup,
            ProgressMonitor progress) {
        for (int i = 0; i < warmup; i++) {
            algorithm.fit(split.train(), ProgressMonitor.silent());
        }
        long start = System.nanoTime();
        Recommender r = algorithm.fit(split.train(), progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(algorithm.name(), seconds, split.evaluate(r, k));
    }

    /**
     * Runs the bench.
     *
     * @param inProcess the in-process ALS
     * @param spark Spark's ALS with the same settings
     * @param split the data
     * @param k the list length
     * @param warmup untimed fits before each timed one
     * @param progress told about training
     * @return one result per algorithm: the in-process one (if any), Spark's, popularity
     */
    public static List<Result> run(
            RecommenderAlgorithm inProcess,
            SparkAls spark,
            Holdout split,
            int k,
            int warmup,
            ProgressMonitor progress) {
        List<Result> results = new ArrayList<>();
        results.add(measure(inProcess, split, k, warmup, progress));
        results.add(measure(spark, split, k, warmup, progress));
        results.add(measure(new Popularity(), split, k, warmup, progress));
        return results;
    }

    /**
     * Formats the results as a table, with Spark / in-process ratios when both ran.
     *
     * @param results from {@link #run}
     * @return the table
     */
    public static String table(List<Result> results) {
        StringBuilder b = new StringBuilder();
        int k = results.get(0).report().k();
        b.append(
                String.format(
                        Locale.ROOT,
                        "%-12s %9s %9s %9s %9s %9s %9s%n",
                        "algorithm",
                        "fit s",
                        "ndcg@" + k,
                        "prec@" + k,
                        "recall@" + k,
                        "hit@" + k,
                        "coverage"));
        for (Result r : results) {
            RankingReport x = r.report();
            b.append(
                    String.format(
                            Locale.ROOT,
                            "%-12s %9.2f %9.4f %9.4f %9.4f %9.4f %9.4f%n",
                            r.algorithm(),
                            r.fitSeconds(),
                            x.ndcg(),
                            x.precision(),
                            x.recall(),
                            x.hitRate(),
                            x.coverage()));
        }
        Result spark = find(results, SparkAls.NAME);
        Result popularity = find(results, Popularity.NAME);
        Result inProcess = results.get(0);
        b.append(
                String.format(
                        Locale.ROOT,
                        "ratio %s / %s: fit time %.2fx, ndcg@%d %.3fx%n",
                        spark.algorithm(),
                        inProcess.algorithm(),
                        spark.fitSeconds() / inProcess.fitSeconds(),
                        k,
                        spark.report().ndcg() / inProcess.report().ndcg()));
        b.append(
                String.format(
                        Locale.ROOT,
                        "ratio %s / popularity: ndcg@%d %.2fx%n",
                        spark.algorithm(),
                        k,
                        spark.report().ndcg() / popularity.report().ndcg()));
        return b.toString();
    }

    private static Result find(List<Result> results, String name) {
        return results.stream().filter(r -> r.algorithm().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Runs the bench from the command line; {@code --help} lists the options.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(Commands.execute(new Cli(), args));
    }

    /** The bench's options. */
    @Command(
            name = "bench/recommend",
            mixinStandardHelpOptions = true,
            description = {
                "On each data set: every in-process algorithm with its defaults (NDCG@k, fit",
                "time), then in-process implicit ALS and Spark MLlib's ALS with the same settings",
                "side by side on the same split, popularity as the floor, and the ratios.",
                "Without --data, the documented synthetic sets (default and movie-shaped)."
            })
    static final class Cli implements Callable<Integer> {
        @Mixin AlsOptions als;

        @Option(
                names = "--data",
                paramLabel = "FILE",
                description = "Event-log export or interaction CSV.")
        Path data;

        @Option(
                names = "--preset",
                split = ",",
                defaultValue = "default,movies",
                description =
                        "Synthetic sets, each in turn: default (6,000 x 3,000), small (500 x 400),"
                                + " movies (600 x 10,000, shaped like a small movie-ratings"
                                + " catalogue) (default ${DEFAULT-VALUE}).")
        List<String> presets;

        @Option(
                names = "--algorithms",
                split = ",",
                defaultValue = "popularity,item-knn,ease,als,bpr,hybrid",
                description =
                        "The in-process algorithms with their own defaults, evaluated on each set"
                                + " before the like-for-like ALS comparison; none for none"
                                + " (default ${DEFAULT-VALUE}).")
        List<String> algorithms;

        @Option(
                names = "--blocks",
                defaultValue = "4",
                description = "Spark ALS blocks (default ${DEFAULT-VALUE}).")
        int blocks;

        @Option(
                names = "--warmup",
                defaultValue = "0",
                description = "Untimed fits before the timed one (default ${DEFAULT-VALUE}).")
        int warmup;

        @Override
        public Integer call() {
            Settings s =
                    new Settings(
                            als.factors, als.regularisation, als.alpha, als.iterations, als.seed);
            ProgressMonitor progress = m -> System.err.println(m);
            RecommenderAlgorithm inProcess = inProcessAls(s);
            try (SparkAls spark =
                    SparkAls.builder()
                            .optFactors(s.factors())
                            .optRegularisation(s.regularisation())
                            .optAlpha(s.alpha())
                            .optIterations(s.iterations())
                            .optSeed(s.seed())
                            .optBlocks(blocks)
                            .optMaster(als.master)
                            .build()) {
                if (data != null) {
                    one(
                            spark,
                            SparkInteractions.collect(
                                    spark.session(), data, InteractionWeights.defaults()),
                            data.toString(),
                            s,
                            inProcess,
                            progress);
                } else {
                    for (String preset : presets) {
                        SyntheticInteractions.Config c =
                                SyntheticInteractions.Config.preset(preset.trim())
                                        .withSeed(s.seed());
                        List<Interaction> interactions =
                                SyntheticInteractions.generate(c).interactions();
                        String what =
                                "synthetic latent-factor set '"
                                        + preset.trim()
                                        + "', "
                                        + c.users()
                                        + " users x "
                                        + c.items()
                                        + " items, seed "
                                        + s.seed()
                                        + " ("
                                        + interactions.size()
                                        + " interactions)";
                        one(spark, interactions, what, s, inProcess, progress);
                    }
                }
            }
            return 0;
        }

        private void one(
                SparkAls spark,
                List<Interaction> interactions,
                String what,
                Settings s,
                RecommenderAlgorithm inProcess,
                ProgressMonitor progress) {
            Holdout split = Holdout.split(interactions, als.holdout, s.seed());
            System.out.printf(
                    Locale.ROOT,
                    "%ndata: %s%ntrain: %s; held out: %d (%.0f%% per user)%n",
                    what,
                    split.train(),
                    split.test().size(),
                    als.holdout * 100);
            List<String> names = algorithms.stream().map(String::trim).toList();
            if (!names.equals(List.of("none"))) {
                List<RecommenderAlgorithm> chosen = new ArrayList<>();
                for (String name : names) {
                    chosen.add(Recommenders.algorithm(name, s.seed()));
                }
                System.out.println("each algorithm with its own defaults:");
                System.out.print(
                        RecommenderEvaluation.table(
                                RecommenderEvaluation.run(
                                        new RecommenderEvaluation.Setup(
                                                split.train(), split.test(), 0),
                                        chosen,
                                        als.k,
                                        progress)));
            }
            System.out.printf(
                    Locale.ROOT,
                    "like for like: %s, master %s, warm-up fits %d; Spark session start: %.2f s%n",
                    s,
                    als.master,
                    warmup,
                    spark.sessionSeconds());
            System.out.print(table(run(inProcess, spark, split, als.k, warmup, progress)));
        }
    }
}
