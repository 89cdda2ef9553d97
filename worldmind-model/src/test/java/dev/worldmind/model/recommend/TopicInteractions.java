package dev.worldmind.model.recommend;

import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded latent-factor dataset for tests. Every item belongs to one of {@code clusters} topics
 * and has a Zipf-like popularity {@code 1/(rank+10)^0.8}; every user has a main topic, a second
 * topic and a share of taste for anything. A user's items are drawn without replacement with
 * probability proportional to popularity times affinity ({@code 0.7} main, {@code 0.2} second,
 * {@code 0.1} anything, i.e. the dot product of a user's topic mixture and an item's one-hot
 * topic). Users have 10 to 30 items (20 on average); 20% of each user's items are held out.
 */
final class TopicInteractions {
    final InteractionMatrix train;
    final int[][] holdout;
    final int[] itemTopic;

    private TopicInteractions(InteractionMatrix train, int[][] holdout, int[] itemTopic) {
        this.train = train;
        this.holdout = holdout;
        this.itemTopic = itemTopic;
    }

    static TopicInteractions generate(
            int users, int items, int clusters, int meanPerUser, long seed) {
        Random random = new Random(seed);
        int[] topic = new int[items];
        double[] popularity = new double[items];
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            topic[i] = random.nextInt(clusters);
            ranks.add(i);
        }
        Collections.shuffle(ranks, random);
        for (int i = 0; i < items; i++) {
            popularity[i] = 1 / Math.pow(ranks.get(i) + 10, 0.8);
        }
        List<Interaction> train = new ArrayList<>();
        List<Interaction> test = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int main = random.nextInt(clusters);
            int second = (main + 1 + random.nextInt(clusters - 1)) % clusters;
            double[] p = new double[items];
            for (int i = 0; i < items; i++) {
                double affinity = 0.1 / clusters;
                affinity += topic[i] == main ? 0.7 : 0;
                affinity += topic[i] == second ? 0.2 : 0;
                p[i] = popularity[i] * affinity;
            }
            int count = meanPerUser / 2 + random.nextInt(meanPerUser + 1);
            List<Integer> chosen = new ArrayList<>();
            for (int n = 0; n < Math.min(count, items); n++) {
                int i = draw(p, random);
                chosen.add(i);
                p[i] = 0;
            }
            Collections.shuffle(chosen, random);
            int held = (int) Math.round(chosen.size() * 0.2);
            String user = String.format("u%05d", u);
            for (int n = 0; n < chosen.size(); n++) {
                Interaction x =
                        new Interaction(
                                user,
                                String.format("i%05d", chosen.get(n)),
                                1 + random.nextInt(3),
                                n);
                (n < held ? test : train).add(x);
            }
        }
        InteractionMatrix trainMatrix = InteractionMatrix.of(train);
        InteractionMatrix testMatrix =
                InteractionMatrix.of(test, trainMatrix.userIds(), trainMatrix.itemIds());
        int[][] holdout = new int[trainMatrix.users()][];
        for (int u = 0; u < holdout.length; u++) {
            holdout[u] = testMatrix.row(u).indices();
        }
        int[] trainTopic = new int[trainMatrix.items()];
        for (int i = 0; i < trainTopic.length; i++) {
            trainTopic[i] = topic[Integer.parseInt(trainMatrix.itemId(i).substring(1))];
        }
        return new TopicInteractions(trainMatrix, holdout, trainTopic);
    }

    private static int draw(double[] p, Random random) {
        double total = 0;
        for (double v : p) {
            total += v;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < p.length; i++) {
            r -= p[i];
            if (r < 0 && p[i] > 0) {
                return i;
            }
        }
        for (int i = p.length - 1; i >= 0; i--) {
            if (p[i] > 0) {
                return i;
            }
        }
        throw new IllegalStateException("nothing left to draw");
    }

    /** NDCG@k and friends of a recommender on the held-out items, training rows excluded. */
    RankingReport evaluate(Recommender r, int k, boolean foldIn) {
        int[][] lists = new int[train.users()][];
        for (int u = 0; u < lists.length; u++) {
            SparseVector row = train.row(u);
            lists[u] = Ranking.top(r.score(foldIn ? -1 : u, row), k, row);
        }
        return RankingMetrics.evaluate(k, lists, holdout, train.itemPopularity(), train.users());
    }
}
