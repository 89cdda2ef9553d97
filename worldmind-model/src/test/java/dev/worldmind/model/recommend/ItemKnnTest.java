package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import dev.worldmind.data.interaction.SyntheticInteractions;
import dev.worldmind.model.recommend.ItemKnn.Neighbourhood;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemKnnTest {
    /**
     * Items a, b, c (0, 1, 2). Their user columns: a = {u0, u1, u3}, b = {u0, u1, u2}, c = {u1,
     * u2}; so |a| = |b| = √3, |c| = √2, a·b = 2, a·c = 1, b·c = 2.
     */
    static final InteractionMatrix TINY =
            InteractionMatrix.of(
                    List.of(
                            new Interaction("u0", "a", 1, 1),
                            new Interaction("u0", "b", 4, 2),
                            new Interaction("u1", "a", 1, 3),
                            new Interaction("u1", "b", 1, 4),
                            new Interaction("u1", "c", 1, 5),
                            new Interaction("u2", "b", 1, 6),
                            new Interaction("u2", "c", 2, 7),
                            new Interaction("u3", "a", 1, 8)));

    private static Recommender fit(ItemKnn knn) {
        return knn.fit(TINY, ProgressMonitor.silent());
    }

    @Test
    void similaritiesArePlainCosinesWithoutShrinkage() {
        float[] a = fit(new ItemKnn(10, 0, true)).similarItems(0);
        assertThat(a[0]).isEqualTo(1f);
        assertThat(a[1]).isCloseTo(2f / 3, within(1e-6f));
        assertThat(a[2]).isCloseTo((float) (1 / Math.sqrt(6)), within(1e-6f));
    }

    @Test
    void shrinkageLowersSimilaritiesBuiltOnFewUsers() {
        float[] b = fit(new ItemKnn(10, 1, true)).similarItems(1);
        assertThat(b[0]).isCloseTo(2f / (3 + 1), within(1e-6f));
        assertThat(b[2]).isCloseTo((float) (2 / (Math.sqrt(6) + 1)), within(1e-6f));
    }

    @Test
    void weightedSimilaritiesUseTheWeights() {
        // a = (1, 1, 0, 1), c = (0, 1, 2, 0) over u0..u3: a·c = 1, |a| = √3, |c| = √5
        float[] a = fit(new ItemKnn(10, 0, false)).similarItems(0);
        assertThat(a[2]).isCloseTo((float) (1 / Math.sqrt(15)), within(1e-6f));
    }

    @Test
    void scoresSumTheHistorysSimilarities() {
        Recommender r = fit(new ItemKnn(10, 1, true));
        float ab = 0.5f;
        float bc = (float) (2 / (Math.sqrt(6) + 1));
        float ac = (float) (1 / (Math.sqrt(6) + 1));
        float[] s = r.score(-1, new SparseVector(new int[] {0, 2}, new float[] {1, 1}));
        assertThat(s[1]).isCloseTo(ab + bc, within(1e-6f));
        assertThat(s[0]).isCloseTo(ac, within(1e-6f));
        assertThat(s[2]).isCloseTo(ac, within(1e-6f));
    }

    @Test
    void weightedScoresMultiplyByTheHistoryValues() {
        Recommender r = fit(new ItemKnn(10, 0, false));
        float[] once = r.score(-1, new SparseVector(new int[] {0}, new float[] {1}));
        float[] thrice = r.score(-1, new SparseVector(new int[] {0}, new float[] {3}));
        assertThat(thrice[2]).isCloseTo(3 * once[2], within(1e-6f));
    }

    @Test
    void keepsOnlyTheMostSimilarNeighbours() {
        Recommender r = fit(new ItemKnn(1, 1, true, Neighbourhood.HISTORY, 1));
        // a's best is b (0.5 > 0.29); b's best is c (0.58 > 0.5); c's best is b
        assertThat(r.similarItems(0)).containsExactly(1f, 0.5f, 0f);
        assertThat(r.similarItems(1)[0]).isZero();
        assertThat(r.similarItems(1)[2]).isGreaterThan(0.5f);
        assertThat(r.similarItems(2)[0]).isZero();
    }

    /**
     * Items h1, h2, p, q, r over users t, u1..u8 (binary, shrink 0, so similarities are plain
     * cosines of user sets): h1 = {t, u1, u2, u3}, r = {u1, u2, u3}, p = {u1, u2}, h2 = {t, u4, u5,
     * u6, u7}, q = {u4, u5, u8}. The pairs that share users: h1·r = 3 / √12 = 0.866, h1·p = 2 / √8
     * = 0.707, r·p = 2 / √6 = 0.816, h2·q = 2 / √15 = 0.516, h1·h2 = 1 / √20 = 0.224; the others
     * are 0. So h1's nearest item is r, h2's is q, and p, although close to h1, is no history
     * item's nearest.
     */
    static final InteractionMatrix CUT =
            InteractionMatrix.of(
                    List.of(
                            new Interaction("t", "h1", 1, 1),
                            new Interaction("t", "h2", 1, 2),
                            new Interaction("u1", "h1", 1, 3),
                            new Interaction("u1", "r", 1, 4),
                            new Interaction("u1", "p", 1, 5),
                            new Interaction("u2", "h1", 1, 6),
                            new Interaction("u2", "r", 1, 7),
                            new Interaction("u2", "p", 1, 8),
                            new Interaction("u3", "h1", 1, 9),
                            new Interaction("u3", "r", 1, 10),
                            new Interaction("u4", "h2", 1, 11),
                            new Interaction("u4", "q", 1, 12),
                            new Interaction("u5", "h2", 1, 13),
                            new Interaction("u5", "q", 1, 14),
                            new Interaction("u6", "h2", 1, 15),
                            new Interaction("u7", "h2", 1, 16),
                            new Interaction("u8", "q", 1, 17)));

    private static int item(String id) {
        return CUT.item(id).orElseThrow();
    }

    private static SparseVector history(Map<String, Float> values) {
        int[] items = values.keySet().stream().mapToInt(ItemKnnTest::item).sorted().toArray();
        float[] v = new float[items.length];
        for (int k = 0; k < items.length; k++) {
            v[k] = values.get(CUT.itemId(items[k]));
        }
        return new SparseVector(items, v);
    }

    @Test
    void candidateSideScoresEachCandidateByItsMostSimilarHistoryItems() {
        // t has h1 and h2; with one neighbour, r's nearest of them is h1 (0.866), p's is h1
        // (0.707) and q's is h2 (0.516): r, p, q
        SparseVector t = CUT.row(CUT.user("t").orElseThrow());
        float[] candidate =
                new ItemKnn(1, 0, true, Neighbourhood.CANDIDATE, 4)
                        .fit(CUT, ProgressMonitor.silent())
                        .score(-1, t);
        assertThat(candidate[item("r")]).isCloseTo((float) (3 / Math.sqrt(12)), within(1e-6f));
        assertThat(candidate[item("p")]).isCloseTo((float) (2 / Math.sqrt(8)), within(1e-6f));
        assertThat(candidate[item("q")]).isCloseTo((float) (2 / Math.sqrt(15)), within(1e-6f));
        assertThat(Ranking.top(candidate, 3, t)).containsExactly(item("r"), item("p"), item("q"));
        // history-side, h1 gives its one neighbour r 0.866 and h2 gives q 0.516; p gets nothing,
        // so it falls below q: r, q, p
        float[] history =
                new ItemKnn(1, 0, true, Neighbourhood.HISTORY, 1)
                        .fit(CUT, ProgressMonitor.silent())
                        .score(-1, t);
        assertThat(history[item("r")]).isCloseTo((float) (3 / Math.sqrt(12)), within(1e-6f));
        assertThat(history[item("q")]).isCloseTo((float) (2 / Math.sqrt(15)), within(1e-6f));
        assertThat(history[item("p")]).isZero();
        assertThat(Ranking.top(history, 3, t)).containsExactly(item("r"), item("q"), item("p"));
        // candidate-side keeping one item each (the three-argument constructor): p keeps only r
        // (0.816 > 0.707), which t does not have, so p gets nothing either
        float[] keptOne = new ItemKnn(1, 0, true).fit(CUT, ProgressMonitor.silent()).score(-1, t);
        assertThat(keptOne[item("r")]).isCloseTo((float) (3 / Math.sqrt(12)), within(1e-6f));
        assertThat(keptOne[item("p")]).isZero();
        assertThat(keptOne[item("q")]).isCloseTo((float) (2 / Math.sqrt(15)), within(1e-6f));
    }

    @Test
    void candidateSideSumsTheKMostSimilarTimesTheirValues() {
        // history h1 = 1, h2 = 5, p = 2, weighted (every training weight is 1, so the
        // similarities are the binary ones). r's similarities to them: h1 0.866, p 0.816, h2 0.
        // The neighbours are chosen by similarity, not by similarity times value.
        SparseVector h = history(Map.of("h1", 1f, "h2", 5f, "p", 2f));
        double hr = 3 / Math.sqrt(12);
        double pr = 2 / Math.sqrt(6);
        float[] one =
                new ItemKnn(1, 0, false, Neighbourhood.CANDIDATE, 4)
                        .fit(CUT, ProgressMonitor.silent())
                        .score(-1, h);
        assertThat(one[item("r")]).isCloseTo((float) hr, within(1e-6f));
        // q's only similar history item is h2 (0.516), worth 5 times its similarity
        assertThat(one[item("q")]).isCloseTo((float) (5 * 2 / Math.sqrt(15)), within(1e-5f));
        float[] two =
                new ItemKnn(2, 0, false, Neighbourhood.CANDIDATE, 4)
                        .fit(CUT, ProgressMonitor.silent())
                        .score(-1, h);
        assertThat(two[item("r")]).isCloseTo((float) (hr + 2 * pr), within(1e-5f));
        // binary: every history value counts 1
        float[] binary =
                new ItemKnn(2, 0, true, Neighbourhood.CANDIDATE, 4)
                        .fit(CUT, ProgressMonitor.silent())
                        .score(-1, h);
        assertThat(binary[item("r")]).isCloseTo((float) (hr + pr), within(1e-5f));
    }

    /**
     * On a larger matrix, where some candidates find more than k history items and others fewer,
     * the scores equal a plain recomputation: each candidate's kept similarities to the history
     * items, the k largest summed.
     */
    @Test
    void candidateScoresMatchAPlainTopKSum() {
        InteractionMatrix train =
                InteractionMatrix.of(
                        SyntheticInteractions.generate(
                                        SyntheticInteractions.Config.small().withSeed(3))
                                .interactions());
        for (int k : new int[] {1, 5, 40}) {
            for (int kept : new int[] {k, 100, 1000}) {
                Recommender r =
                        new ItemKnn(k, 10, true, Neighbourhood.CANDIDATE, kept)
                                .fit(train, ProgressMonitor.silent());
                float[][] rows = new float[train.items()][];
                for (int i = 0; i < train.items(); i++) {
                    rows[i] = r.similarItems(i);
                }
                for (int u = 0; u < train.users(); u += 7) {
                    SparseVector h = train.row(u);
                    float[] scores = r.score(u, h);
                    for (int i = 0; i < train.items(); i++) {
                        float[] sims = new float[h.size()];
                        for (int m = 0; m < h.size(); m++) {
                            sims[m] = h.index(m) == i ? 0 : rows[i][h.index(m)];
                        }
                        Arrays.sort(sims);
                        double sum = 0;
                        for (int m = sims.length - 1; m >= Math.max(0, sims.length - k); m--) {
                            sum += sims[m];
                        }
                        assertThat(scores[i])
                                .as("k %d, kept %d, user %d, item %d", k, kept, u, i)
                                .isCloseTo((float) sum, within(1e-4f));
                    }
                }
            }
        }
    }

    @Test
    void foldsInANewInteraction() {
        Recommender r = fit(ItemKnn.defaults());
        SparseVector row = TINY.row(3);
        float[] before = r.score(3, row);
        float[] after = r.score(-1, row.plus(2, 1));
        assertThat(after[1]).isGreaterThan(before[1]);
    }

    @Test
    void savedParametersGiveTheSameScores(@TempDir Path dir) {
        for (Neighbourhood n : Neighbourhood.values()) {
            Recommender r = fit(new ItemKnn(1, 5, false, n, 2));
            Path file = dir.resolve(n.key() + ".wmrp");
            r.parameters().write(file);
            Recommender back = ItemKnn.fromParameters(Parameters.read(file));
            assertThat(back.algorithm()).isEqualTo(ItemKnn.NAME);
            assertThat(back.items()).isEqualTo(3);
            assertThat(back.parameters().text("neighbourhood")).isEqualTo(n.key());
            assertThat(back.parameters().number("k")).isEqualTo(1);
            for (int u = 0; u < TINY.users(); u++) {
                assertThat(back.score(u, TINY.row(u))).containsExactly(r.score(u, TINY.row(u)));
            }
            assertThat(back.similarItems(1)).containsExactly(r.similarItems(1));
        }
    }

    @Test
    void anArtifactKeepsItsNeighbourhood(@TempDir Path dir) {
        for (Neighbourhood n : Neighbourhood.values()) {
            RecommenderArtifact a = LiveRecommenderTest.artifact(new ItemKnn(1, 0, true, n, 3));
            a.save(dir.resolve(n.key()));
            Recommender back = RecommenderArtifact.load(dir.resolve(n.key())).recommender();
            assertThat(back.parameters().text("neighbourhood")).isEqualTo(n.key());
            SparseVector cy = a.train().row(a.train().user("cy").orElseThrow());
            float[] scores = back.score(-1, cy);
            assertThat(scores).containsExactly(a.recommender().score(-1, cy));
            // cy has mug and watch; scarf's most similar of them is mug (1 / √3), but mug's one
            // neighbour is tea (2 / √6), so only the candidate side gives scarf anything
            float scarf = scores[a.train().item("scarf").orElseThrow()];
            if (n == Neighbourhood.CANDIDATE) {
                assertThat(scarf).isCloseTo((float) (1 / Math.sqrt(3)), within(1e-6f));
            } else {
                assertThat(scarf).isZero();
            }
        }
    }

    /**
     * An artifact saved before neighbourhoods were a choice (by commit bd8eb53, from {@link #TINY}
     * with 1 neighbour and shrink 1) has no neighbourhood: it was history-side, and loads so. For
     * u3, who has only a: a's one neighbour is b (0.5), so c scores 0 there, where a candidate-side
     * model would give c its similarity to a, 1 / (√6 + 1).
     */
    @Test
    void anOldArtifactLoadsAsTheHistorySideModelItWas() throws Exception {
        Path old = Path.of(getClass().getResource("/golden/item-knn-v1").toURI());
        RecommenderArtifact a = RecommenderArtifact.load(old);
        Recommender r = a.recommender();
        assertThat(r.parameters().text("neighbourhood")).isEqualTo("history");
        float[] u3 = r.score(-1, a.train().row(3));
        assertThat(u3[1]).isCloseTo(0.5f, within(1e-6f));
        assertThat(u3[2]).isZero();
        Recommender now = fit(new ItemKnn(1, 1, true, Neighbourhood.HISTORY, 1));
        for (int u = 0; u < TINY.users(); u++) {
            assertThat(r.score(u, TINY.row(u))).containsExactly(now.score(u, TINY.row(u)));
        }
        float[] candidate =
                fit(new ItemKnn(1, 1, true, Neighbourhood.CANDIDATE, 2)).score(-1, TINY.row(3));
        assertThat(candidate[2]).isCloseTo((float) (1 / (Math.sqrt(6) + 1)), within(1e-6f));
    }

    @Test
    void refusesNoInteractions() {
        InteractionMatrix empty = InteractionMatrix.of(List.of());
        assertThatThrownBy(() -> ItemKnn.defaults().fit(empty, ProgressMonitor.silent()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("no interactions");
    }

    @Test
    void refusesAnotherAlgorithmsParameters() {
        assertThatThrownBy(() -> ItemKnn.fromParameters(new Popularity().parameters()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("not item-knn");
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new ItemKnn(0, 10, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ItemKnn(10, -1, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ItemKnn(10, 1, true, Neighbourhood.CANDIDATE, 9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least its 10 neighbours");
        assertThatThrownBy(() -> Neighbourhood.of("user"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("candidate and history");
    }

    @Test
    void selectsTheLargestKeys() {
        long[] keys = {5, 9, 1, 7, 3, 8, 2, 6, 4, 0};
        for (int k = 1; k <= 8; k++) {
            long[] copy = keys.clone();
            ItemNeighbours.selectLargest(copy, 1, 9, k);
            long[] top = Arrays.copyOfRange(copy, 9 - k, 9);
            Arrays.sort(top);
            // among keys[1..8] = 9 1 7 3 8 2 6 4, sorted 1 2 3 4 6 7 8 9
            assertThat(top)
                    .containsExactly(
                            Arrays.copyOfRange(new long[] {1, 2, 3, 4, 6, 7, 8, 9}, 8 - k, 8));
            assertThat(copy[0]).isEqualTo(5);
            assertThat(copy[9]).isZero();
        }
    }
}
