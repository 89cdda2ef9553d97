package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HybridTest {
    private static final InteractionMatrix SHOP = ContentBasedTest.SHOP;

    /** What main's {@code Recommenders.of} will do once it knows these algorithms. */
    private static final Function<Parameters, Recommender> REBUILD =
            new Function<>() {
                @Override
                public Recommender apply(Parameters p) {
                    return switch (p.algorithm()) {
                        case Popularity.NAME -> Popularity.fromParameters(p);
                        case ItemKnn.NAME -> ItemKnn.fromParameters(p);
                        case Ease.NAME -> Ease.fromParameters(p);
                        case ContentBased.NAME -> ContentBased.fromParameters(p);
                        case Hybrid.NAME -> Hybrid.fromParameters(p, this);
                        default -> throw new InvalidDataException("unknown " + p.algorithm());
                    };
                }
            };

    private static ContentBased content() {
        return ContentBased.of(new HashedWordsEmbedder(4096), ContentBasedTest.TEXTS);
    }

    @Test
    void normalisesByZScoreAndMinMax() {
        float[] s = {1, 2, 3, Float.NaN};
        double z = Math.sqrt(1.5);
        assertThat(Hybrid.normalise(s, Hybrid.Normalisation.Z_SCORE))
                .containsExactly(new double[] {-z, 0, z, -z}, within(1e-9));
        assertThat(Hybrid.normalise(s, Hybrid.Normalisation.MIN_MAX))
                .containsExactly(new double[] {0, 0.5, 1, 0}, within(1e-9));
        assertThat(Hybrid.normalise(new float[] {4, 4}, Hybrid.Normalisation.Z_SCORE))
                .containsExactly(0, 0);
    }

    @Test
    void blendsNormalisedScoresWithTheWeights() {
        Recommender knn = ItemKnn.defaults().fit(SHOP, ProgressMonitor.silent());
        Recommender text = content().fit(SHOP, ProgressMonitor.silent());
        Recommender blend =
                Hybrid.blend(
                        List.of(knn, text), new double[] {0.7, 0.3}, Hybrid.Normalisation.MIN_MAX);
        SparseVector ann = SHOP.row(0);
        float[] a = knn.score(0, ann);
        float[] b = text.score(0, ann);
        float[] s = blend.score(0, ann);
        for (int i = 0; i < s.length; i++) {
            double expected = 0.7 * minMax(a, i) + 0.3 * minMax(b, i);
            assertThat(s[i]).as("item %d", i).isCloseTo((float) expected, within(1e-6f));
        }
    }

    private static double minMax(float[] s, int i) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float x : s) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return max == min ? 0 : (s[i] - min) / (double) (max - min);
    }

    @Test
    void contentLiftsANewItemThatCollaborationCannotScore() {
        SparseVector ann = SHOP.row(0);
        Recommender knn = ItemKnn.defaults().fit(SHOP, ProgressMonitor.silent());
        assertThat(knn.score(0, ann)[2]).isZero();
        Recommender hybrid =
                Hybrid.defaults(ItemKnn.defaults(), content()).fit(SHOP, ProgressMonitor.silent());
        float[] s = hybrid.score(0, ann);
        assertThat(s[2]).isGreaterThan(s[4]);
        assertThat(hybrid.explains()).isTrue();
    }

    @Test
    void savedParametersRebuildEveryComponent(@TempDir Path dir) {
        Hybrid inner =
                Hybrid.builder()
                        .add(new Popularity(), 0.25)
                        .add(content(), 1)
                        .optNormalisation(Hybrid.Normalisation.MIN_MAX)
                        .build();
        Hybrid outer = Hybrid.builder().add(new ItemKnn(5, 3, false), 0.8).add(inner, 0.2).build();
        Recommender r = outer.fit(SHOP, ProgressMonitor.silent());
        Path file = dir.resolve("hybrid.wmrp");
        r.parameters().write(file);
        Parameters p = Parameters.read(file);
        assertThat(p.text("c0.algorithm")).isEqualTo(ItemKnn.NAME);
        assertThat(p.text("c1.p.c1.algorithm")).isEqualTo(ContentBased.NAME);
        Recommender back = REBUILD.apply(p);
        for (int u = 0; u < SHOP.users(); u++) {
            assertThat(back.score(u, SHOP.row(u))).containsExactly(r.score(u, SHOP.row(u)));
        }
        assertThat(back.similarItems(3)).containsExactly(r.similarItems(3));
    }

    @Test
    void refusesNoInteractionsAndMismatchedComponents() {
        assertThatThrownBy(
                        () ->
                                Hybrid.defaults(ItemKnn.defaults(), content())
                                        .fit(
                                                InteractionMatrix.of(List.of()),
                                                ProgressMonitor.silent()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("no interactions");
        Recommender five = ItemKnn.defaults().fit(SHOP, ProgressMonitor.silent());
        Recommender three = ItemKnn.defaults().fit(ItemKnnTest.TINY, ProgressMonitor.silent());
        assertThatThrownBy(
                        () ->
                                Hybrid.blend(
                                        List.of(five, three),
                                        new double[] {1, 1},
                                        Hybrid.Normalisation.Z_SCORE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different catalogues");
        assertThatThrownBy(() -> Hybrid.builder().build())
                .isInstanceOf(IllegalStateException.class);
    }
}
