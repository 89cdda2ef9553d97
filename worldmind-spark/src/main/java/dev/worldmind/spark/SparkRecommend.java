package dev.worldmind.spark;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.InteractionWeights;
import dev.worldmind.model.recommend.ImplicitAlsRecommender;
import dev.worldmind.model.recommend.Popularity;
import dev.worldmind.model.recommend.RankingReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code worldmind recommend spark --data FILE [--master URL]} does: reads an event log export
 * or an interaction CSV with Spark SQL, holds out a share of each user's items, trains Spark's
 * implicit ALS on the rest and scores it against popularity. Stateless.
 */
public final class SparkRecommend {
    private SparkRecommend() {}

    /**
     * The settings.
     *
     * @param data the event log export (CSV or JSON Lines) or interaction CSV
     * @param master the Spark master, e.g. {@code local[*]} or {@code spark://host:7077}
     * @param factors the number of factors
     * @param regularisation Spark's regParam
     * @param alpha the confidence scale
     * @param iterations the number of sweeps
     * @param seed the seed of the split and the factors
     * @param holdout the share of each user's items held out, in (0, 1)
     * @param k the list length scored
     */
    public record Options(
            Path data,
            String master,
            int factors,
            double regularisation,
            double alpha,
            int iterations,
            long seed,
            double holdout,
            int k) {
        /** The defaults for a file: local[*], 64 factors, 0.2, alpha 2, 15 sweeps, 20 %, k 10. */
        public static Options of(Path data) {
            return new Options(data, "local[*]", 64, 0.2, 2, 15, 42, 0.2, 10);
        }

        /** The same with another master. */
        public Options withMaster(String newMaster) {
            return new Options(
                    data, newMaster, factors, regularisation, alpha, iterations, seed, holdout, k);
        }
    }

    /**
     * The outcome.
     *
     * @param train the training part of the data
     * @param heldOut how many interactions were held out
     * @param model Spark's ALS trained on {@code train}
     * @param sessionSeconds how long starting Spark took
     * @param fitSeconds how long training took
     * @param spark its ranking quality on the held-out items
     * @param popularity popularity's, for comparison
     */
    public record Result(
            InteractionMatrix train,
            int heldOut,
            ImplicitAlsRecommender model,
            double sessionSeconds,
            double fitSeconds,
            RankingReport spark,
            RankingReport popularity) {
        /** A few lines for the console. */
        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "train: %s, held out %d%nSpark session start %.2f s, ALS fit %.2f s%n"
                            + "%-10s %s%n%-10s %s%n",
                    train,
                    heldOut,
                    sessionSeconds,
                    fitSeconds,
                    SparkAls.NAME,
                    spark.toRow(),
                    Popularity.NAME,
                    popularity.toRow());
        }
    }

    /**
     * Runs it.
     *
     * @param o the settings
     * @param progress told what happens
     * @return the outcome
     * @throws InvalidDataException if the file is empty, unreadable or holds no interactions
     */
    public static Result run(Options o, ProgressMonitor progress) {
        // An empty or unknown file fails here, before Spark takes seconds to start.
        SparkInteractions.format(o.data());
        try (SparkAls als =
                SparkAls.builder()
                        .optMaster(o.master())
                        .optFactors(o.factors())
                        .optRegularisation(o.regularisation())
                        .optAlpha(o.alpha())
                        .optIterations(o.iterations())
                        .optSeed(o.seed())
                        .build()) {
            progress.info(
                    String.format(Locale.ROOT, "spark: started in %.1f s", als.sessionSeconds()));
            List<Interaction> data =
                    SparkInteractions.collect(
                            als.session(), o.data(), InteractionWeights.defaults());
            if (data.isEmpty()) {
                throw new InvalidDataException(o.data() + " holds no interactions");
            }
            progress.info("spark: read " + data.size() + " interactions from " + o.data());
            Holdout split = Holdout.split(data, o.holdout(), o.seed());
            long start = System.nanoTime();
            ImplicitAlsRecommender model = als.fit(split.train(), progress);
            double fit = (System.nanoTime() - start) / 1e9;
            return new Result(
                    split.train(),
                    split.test().size(),
                    model,
                    als.sessionSeconds(),
                    fit,
                    split.evaluate(model, o.k()),
                    split.evaluate(new Popularity().fit(split.train(), progress), o.k()));
        }
    }

    /**
     * Runs from the command line ({@code worldmind recommend spark}); {@code --help} lists the
     * options.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(Commands.execute(new Cli(), args));
    }

    /** The options of {@code worldmind recommend spark}. */
    @Command(
            name = "worldmind recommend spark",
            mixinStandardHelpOptions = true,
            description = {
                "Train implicit ALS on Spark MLlib on an event-log export (CSV or JSON Lines) or an",
                "interaction CSV, hold out a share of each user's items and score it beside",
                "popularity."
            })
    static final class Cli implements Callable<Integer> {
        @Mixin AlsOptions als;

        @Option(
                names = "--data",
                required = true,
                paramLabel = "FILE",
                description = "Event-log export or interaction CSV.")
        Path data;

        @Override
        public Integer call() {
            Options o =
                    new Options(
                            data,
                            als.master,
                            als.factors,
                            als.regularisation,
                            als.alpha,
                            als.iterations,
                            als.seed,
                            als.holdout,
                            als.k);
            System.out.print(run(o, m -> System.err.println(m)).summary());
            return 0;
        }
    }
}
