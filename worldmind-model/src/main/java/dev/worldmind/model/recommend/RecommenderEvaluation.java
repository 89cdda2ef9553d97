package dev.worldmind.model.recommend;

import dev.worldmind.core.InvalidDataException;
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
     * One algorithm's result.
     *
     * @param algorithm its name
     * @param report the ranking quality at k
     * @param trainTime how long training took
     * @param scoreTime how long scoring every test user took
     * @param recommender the trained recommender
     */
    public record Row(
            String algorithm,
            RankingReport report,
            Duration trainTime,
            Duration scoreTime,
            Recommender recommender) {}

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
     * Trains and scores each algorithm in turn.
     *
     * @param setup the data
     * @param algorithms the algorithms
     * @param k the list length
     * @param progress told about each algorithm
     * @return one row per algorithm, in order
     */
    public static List<Row> run(
            Setup setup, List<RecommenderAlgorithm> algorithms, int k, ProgressMonitor progress) {
        List<Row> rows = new ArrayList<>();
        for (RecommenderAlgorithm a : algorithms) {
            progress.info("training " + a.name() + " " + a.config());
            long t0 = System.nanoTime();
            Recommender r = a.fit(setup.train(), progress);
            long t1 = System.nanoTime();
            RankingReport report = score(r, setup.train(), setup.test(), k);
            long t2 = System.nanoTime();
            Row row =
                    new Row(
                            a.name(),
                            report,
                            Duration.ofNanos(t1 - t0),
                            Duration.ofNanos(t2 - t1),
                            r);
            progress.info(
                    String.format(
                            Locale.ROOT,
                            "%s: ndcg@%d %.4f (train %.1f s)",
                            a.name(),
                            k,
                            report.ndcg(),
                            row.trainTime().toMillis() / 1000.0));
            rows.add(row);
        }
        return rows;
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
     * the first row's, usually the popularity baseline).
     *
     * @param rows the rows
     * @return the table
     */
    public static String table(List<Row> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        int k = rows.get(0).report().k();
        StringBuilder b = new StringBuilder();
        b.append(
                String.format(
                        Locale.ROOT,
                        "| algorithm | P@%1$d | R@%1$d | NDCG@%1$d | HR@%1$d | MAP@%1$d | coverage | novelty"
                                + " | NDCG x first | train s | score s |%n",
                        k));
        b.append("|---|---|---|---|---|---|---|---|---|---|---|").append(System.lineSeparator());
        double base = rows.get(0).report().ndcg();
        for (Row r : rows) {
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
