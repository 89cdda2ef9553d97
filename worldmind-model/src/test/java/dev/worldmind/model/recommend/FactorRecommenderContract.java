package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every matrix-factorisation recommender must do; each algorithm's test extends it. */
abstract class FactorRecommenderContract {
    /** Shared by the subclasses' tests: 600 users, 300 items, 8 topics. */
    static final TopicInteractions DATA = TopicInteractions.generate(600, 300, 8, 20, 7);

    @TempDir Path dir;

    /** The algorithm with settings for the synthetic data. */
    abstract RecommenderAlgorithm algorithm();

    /** The algorithm with settings for a dozen interactions. */
    abstract RecommenderAlgorithm forTinyData();

    /** Rebuilds through the algorithm's own {@code fromParameters}. */
    abstract Recommender fromParameters(Parameters p);

    abstract Recommender trained();

    @Test
    void recommendsTheItemThatTheUsersLikeThemShare() {
        // ann, bob and cy took mug, tea and pot; dee took mug and tea: pot is hers to find, though
        // the garden tools are more popular
        List<Interaction> data = new ArrayList<>();
        for (String u : List.of("ann", "bob", "cy")) {
            for (String i : List.of("mug", "tea", "pot")) {
                data.add(new Interaction(u, i, 1, 1));
            }
        }
        data.add(new Interaction("dee", "mug", 1, 1));
        data.add(new Interaction("dee", "tea", 1, 1));
        for (String u : List.of("eve", "fay", "gus", "hal")) {
            for (String i : List.of("rake", "hoe", "spade", "pot")) {
                if (!(i.equals("pot") && !u.equals("eve"))) {
                    data.add(new Interaction(u, i, 1, 1));
                }
            }
        }
        InteractionMatrix m = InteractionMatrix.of(data);
        Recommender r = forTinyData().fit(m, ProgressMonitor.silent());
        int dee = m.user("dee").getAsInt();
        SparseVector row = m.row(dee);
        int pot = m.item("pot").getAsInt();
        assertThat(Ranking.top(r.score(dee, row), 1, row)).containsExactly(pot);
        assertThat(Ranking.top(r.score(-1, row), 1, row)).containsExactly(pot);
        int rake = m.item("rake").getAsInt();
        assertThat(Ranking.top(r.similarItems(rake), 3, SparseVector.EMPTY))
                .containsExactlyInAnyOrder(
                        rake, m.item("hoe").getAsInt(), m.item("spade").getAsInt());
    }

    @Test
    void savedParametersGiveTheSameScores() {
        Recommender r = trained();
        Path file = dir.resolve("model.wmrp");
        r.parameters().write(file);
        Recommender back = fromParameters(Parameters.read(file));
        assertThat(back.algorithm()).isEqualTo(r.algorithm());
        assertThat(back.items()).isEqualTo(r.items());
        SparseVector row = DATA.train.row(5);
        assertThat(back.score(5, row)).containsExactly(r.score(5, row));
        assertThat(back.score(-1, row)).containsExactly(r.score(-1, row));
        assertThat(back.similarItems(7)).containsExactly(r.similarItems(7));
    }

    @Test
    void threeNewItemsMoveANewUsersListTowardsTheirNeighbourhood() {
        Recommender r = trained();
        int[] topic = DATA.itemTopic;
        SparseVector history = SparseVector.EMPTY;
        for (int i : itemsOfTopic(0, 3)) {
            history = history.plus(i, 1);
        }
        int[] before = Ranking.top(r.score(-1, history), 10, history);
        int[] added = itemsOfTopic(5, 3);
        SparseVector longer = history;
        for (int i : added) {
            longer = longer.plus(i, 3);
        }
        int[] after = Ranking.top(r.score(-1, longer), 10, longer);
        assertThat(after).isNotEqualTo(before);
        System.out.printf(
                "%s fold-in: topic-5 items in the top 10 %d -> %d, similarity %.3f -> %.3f%n",
                r.algorithm(),
                countTopic(before, topic, 5),
                countTopic(after, topic, 5),
                similarity(r, before, added),
                similarity(r, after, added));
        assertThat(countTopic(after, topic, 5))
                .isGreaterThanOrEqualTo(countTopic(before, topic, 5) + 2);
        assertThat(similarity(r, after, added)).isGreaterThan(similarity(r, before, added));
        // the same history always gives the same list
        assertThat(r.score(-1, longer)).containsExactly(r.score(-1, longer));
    }

    @Test
    void refusesEmptyTrainingData() {
        InteractionMatrix empty = InteractionMatrix.of(List.of());
        assertThatThrownBy(() -> algorithm().fit(empty, ProgressMonitor.silent()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("no interactions");
    }

    @Test
    void namesUnknownUsersAndItems() {
        Recommender r = trained();
        assertThatThrownBy(() -> r.score(600, SparseVector.EMPTY))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("user 600");
        assertThatThrownBy(() -> r.score(-1, SparseVector.EMPTY.plus(300, 1)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("item 300");
        assertThatThrownBy(() -> r.similarItems(-2)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anEmptyHistoryStillGetsARanking() {
        float[] s = trained().score(-1, SparseVector.EMPTY);
        assertThat(s).hasSize(300);
        float[] sorted = s.clone();
        Arrays.sort(sorted);
        assertThat(sorted[299]).isGreaterThan(sorted[0]);
    }

    private static int[] itemsOfTopic(int t, int n) {
        // the most popular items of a topic: the ones a new visitor meets first
        int[] pop = DATA.train.itemPopularity();
        return java.util.stream.IntStream.range(0, pop.length)
                .filter(i -> DATA.itemTopic[i] == t)
                .boxed()
                .sorted((a, b) -> pop[b] != pop[a] ? pop[b] - pop[a] : a - b)
                .limit(n)
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private static int countTopic(int[] items, int[] topic, int t) {
        return (int) Arrays.stream(items).filter(i -> topic[i] == t).count();
    }

    private static double similarity(Recommender r, int[] list, int[] to) {
        double s = 0;
        for (int a : to) {
            float[] sim = r.similarItems(a);
            for (int i : list) {
                s += sim[i];
            }
        }
        return s / (list.length * to.length);
    }
}
