package dev.worldmind.model.recommend;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Compares algorithms on one train/test split with full ranking: for every test user, every item
 * they did not have in training competes, and the top k are scored against their test items. Test
 * interactions with items or users absent from training cannot be recommended and are left out
 * (counted in {@link Setup}). Stateless.
 */
public final class RecommenderEvaluation {
    private RecommenderEvaluation() {}

    /**
     * The data as the algorithms see it.
     *
     * @param train the training matrix
     * @param test the test matrix, numbered like {@code train}
     * @param droppedTest test interactions left out because training lacks their user or item
     */
    public record Setup(InteractionMatrix train, InteractionMatrix test, int droppedTest) {}

    /**
     * One algorithm's result: either a report and the trained recommender, or the reason it has
     * none (it refused the data, e.g. a catalogue too large for the memory, or failed).
     *
     * @param algorithm its name
     * @param report the ranking quality at k; {@code null} when it failed
     * @param trainTime how long training took (until the failure, if it failed)
     * @param scoreTime how long scoring every test user took
     * @param recommender the trained recommender; {@code null} when it failed
     * @param failure why it has no result; {@code null} when it has one
     */
    public record Row(
            String algorithm,
            RankingReport report,
            Duration trainTime,
            Duration scoreTime,
            Recommender recommender,
            String failure) {
        public Row {
            if ((failure == null) == (report == null || recommender == null)) {
                throw new IllegalArgumentException(
                        "a row has a report and a recommender, or a failure");
            }
        }

        /**
         * A result.
         *
         * @param algorithm its name
         * @param report the ranking quality
         * @param trainTime the training time
         * @param scoreTime the scoring time
         * @param recommender the trained recommender
         */
        public Row(
                String algorithm,
                RankingReport report,
                Duration trainTime,
                Duration scoreTime,
                Recommender recommender) {
            this(algorithm, report, trainTime, scoreTime, recommender, null);
        }

        /**
         * An algorithm that has no result.
         *
         * @param algorithm its name
         * @param failure why
         * @param trainTime how long it ran before failing
         * @return the row
         */
        public static Row failed(String algorithm, String failure, Duration trainTime) {
            return new Row(algorithm, null, trainTime, Duration.ZERO, null, failure);
        }

        /** Whether it has a result. */
        public boolean ok() {
            return failure == null;
        }
    }

    /**
     * Numbers the test set like the training set.
     *
     * @param train the training interactions
     * @param test the test interactions
     * @return the matrices
     * @throws InvalidDataException if either side is empty after alignment
     */
    public static Setup setup(List<Interaction> train, List<Interaction> test) {
        InteractionMatrix t = InteractionMatrix.of(train);
        if (t.size() == 0) {
            throw new InvalidDataException("there are no training interactions to learn from");
        }
        InteractionMatrix h = InteractionMatrix.of(test, t.userIds(), t.itemIds());
        int dropped = test.size() - h.interactions().size();
        if (h.size() == 0) {
            throw new InvalidDataException(
                    "no test interaction has a user and an item that training knows ("
                            + test.size()
                            + " test interactions)");
        }
        return new Setup(t, h, Math.max(dropped, 0));
    }

    /**
     * Trains and scores each algorithm in turn. One that refuses the data or fails gets a row with
     * the reason, and the others still run: a long evaluation never loses the results it has.
     *
     * @param setup the data
     * @param algorithms the algorithms
     * @param k the list length
     * @param progress told about each algorithm ({@code [2/6] training ease ...}) and its result
     * @return one row per algorithm, in order
     */
    public static List<Row> run(
            Setup setup, List<RecommenderAlgorithm> algorithms, int k, ProgressMonitor progress) {
        List<Row> rows = new ArrayList<>();
        int n = algorithms.size();
        for (int i = 0; i < n; i++) {
            RecommenderAlgorithm a = algorithms.get(i);
            String step = "[" + (i + 1) + "/" + n + "] ";
            progress.info(step + "training " + a.name() + " " + a.config());
            Row row = runOne(setup, a, k, progress);
            progress.info(
                    step
                            + (row.ok()
                                    ? String.format(
                                            Locale.ROOT,
                                            "%s: ndcg@%d %.4f (train %.1f s, score %.1f s)",
                                            a.name(),
                                            k,
                                            row.report().ndcg(),
                                            row.trainTime().toMillis() / 1000.0,
                                            row.scoreTime().toMillis() / 1000.0)
                                    : a.name() + " has no result: " + row.failure()));
            rows.add(row);
        }
        return rows;
    }

    private static Row runOne(
            Setup setup, RecommenderAlgorithm a, int k, ProgressMonitor progress) {
        long t0 = System.nanoTime();
        Recommender r;
        try {
            r = a.fit(setup.train(), progress);
        } catch (RuntimeException e) {
            return Row.failed(a.name(), reason(e), Duration.ofNanos(System.nanoTime() - t0));
        }
        long t1 = System.nanoTime();
        try {
            RankingReport report = score(r, setup.train(), setup.test(), k);
            return new Row(
                    a.name(),
                    report,
                    Duration.ofNanos(t1 - t0),
                    Duration.ofNanos(System.nanoTime() - t1),
                    r);
        } catch (RuntimeException e) {
            return Row.failed(a.name(), "scoring failed: " + reason(e), Duration.ofNanos(t1 - t0));
        }
    }

    /** A refusal's own message; anything else also names its kind, since it is a bug. */
    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return e instanceof WorldmindException || e instanceof IllegalArgumentException
                ? message
                : e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    /**
     * Scores a trained recommender: top k for every user, their training items left out.
     *
     * @param r the recommender
     * @param train the training matrix it was fitted on
     * @param test the test matrix, numbered like {@code train}
     * @param k the list length
     * @return the report
     */
    public static RankingReport score(
            Recommender r, InteractionMatrix train, InteractionMatrix test, int k) {
        int users = train.users();
        int[][] recommended = new int[users][];
        int[][] relevant = new int[users][];
        IntStream.range(0, users)
                .parallel()
                .forEach(
                        u -> {
                            SparseVector wanted = test.row(u);
                            relevant[u] = wanted.indices();
                            if (wanted.isEmpty()) {
                                recommended[u] = new int[0];
                                return;
                            }
                            SparseVector seen = train.row(u);
                            recommended[u] = Ranking.top(r.score(u, seen), k, seen);
                        });
        return RankingMetrics.evaluate(k, recommended, relevant, train.itemPopularity(), users);
    }

    /**
     * Formats rows as a Markdown table (one row per algorithm, with times and the ratio of NDCG to
     * the first result's, usually the popularity baseline). An algorithm without a result gets a
     * row with its reason, so a reader sees that it ran and why it has no figures.
     *
     * @param rows the rows
     * @return the table
     */
    public static String table(List<Row> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        Row first = rows.stream().filter(Row::ok).findFirst().orElse(null);
        int k = first == null ? 0 : first.report().k();
        String at = first == null ? "" : "@" + k;
        StringBuilder b = new StringBuilder();
        b.append(
                String.format(
                        Locale.ROOT,
                        "| algorithm | P%1$s | R%1$s | NDCG%1$s | HR%1$s | MAP%1$s | coverage | novelty"
                                + " | NDCG x first | train s | score s |%n",
                        at));
        b.append("|---|---|---|---|---|---|---|---|---|---|---|").append(System.lineSeparator());
        double base = first == null ? 0 : first.report().ndcg();
        for (Row r : rows) {
            if (!r.ok()) {
                b.append(
                        String.format(
                                Locale.ROOT,
                                "| %s | no result: %s | | | | | | | | %.1f | |%n",
                                r.algorithm(),
                                r.failure().replace('|', '/').replace('\n', ' '),
                                r.trainTime().toMillis() / 1000.0));
                continue;
            }
            RankingReport m = r.report();
            b.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.2f | %s | %.1f | %.1f |%n",
                            r.algorithm(),
                            m.precision(),
                            m.recall(),
                            m.ndcg(),
                            m.hitRate(),
                            m.map(),
                            m.coverage(),
                            m.novelty(),
                            base > 0 ? String.format(Locale.ROOT, "%.2f", m.ndcg() / base) : "-",
                            r.trainTime().toMillis() / 1000.0,
                            r.scoreTime().toMillis() / 1000.0));
        }
        return b.toString();
    }
}
