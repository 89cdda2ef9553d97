package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentBasedTest {
    /** Items hat 0, mug 1, new-scarf 2 (nobody has it yet), scarf 3, watch 4. */
    static final InteractionMatrix SHOP =
            InteractionMatrix.of(
                    List.of(
                            new Interaction("ann", "scarf", 1, 1),
                            new Interaction("ann", "mug", 1, 2),
                            new Interaction("bob", "watch", 1, 3),
                            new Interaction("bob", "hat", 1, 4)),
                    List.of("ann", "bob"),
                    List.of("hat", "mug", "new-scarf", "scarf", "watch"));

    static final Map<String, String> TEXTS =
            Map.of(
                    "hat", "warm wool hat",
                    "new-scarf", "long wool scarf",
                    "scarf", "red wool scarf",
                    "watch", "steel wrist watch");

    private static Recommender fit() {
        return ContentBased.of(new HashedWordsEmbedder(4096), TEXTS)
                .fit(SHOP, ProgressMonitor.silent());
    }

    @Test
    void scoresTheCosineWithTheHistorysMeanText() {
        Recommender r = fit();
        float[] s = r.score(-1, new SparseVector(new int[] {3}, new float[] {1}));
        // "red wool scarf" against "long wool scarf": 2 shared words of 3 and 3
        assertThat(s[2]).isCloseTo(2f / 3, within(1e-6f));
        assertThat(s[0]).isCloseTo(1f / 3, within(1e-6f));
        assertThat(s[4]).isZero();
        assertThat(s[3]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void weighsTheHistory() {
        Recommender r = fit();
        // scarf weighted 3, watch 1: profile ∝ 3·scarf + watch, both unit vectors, orthogonal
        float[] s = r.score(-1, new SparseVector(new int[] {3, 4}, new float[] {3, 1}));
        assertThat(s[3]).isCloseTo((float) (3 / Math.sqrt(10)), within(1e-6f));
        assertThat(s[4]).isCloseTo((float) (1 / Math.sqrt(10)), within(1e-6f));
    }

    @Test
    void neverRanksAnItemWithoutTextAboveOneWithText() {
        Recommender r = fit();
        float[] s = r.score(-1, new SparseVector(new int[] {4}, new float[] {1}));
        assertThat(s[1]).isEqualTo(ContentBased.NO_TEXT_SCORE);
        for (int i : new int[] {0, 2, 3, 4}) {
            assertThat(s[i]).isGreaterThan(s[1]);
        }
        float[] none = r.score(-1, SparseVector.EMPTY);
        assertThat(Ranking.top(none, 5, SparseVector.EMPTY)).endsWith(1);
    }

    @Test
    void recommendsANewItemNobodyHasTouched() {
        Recommender r = fit();
        SparseVector ann = SHOP.row(0);
        assertThat(Ranking.top(r.score(0, ann), 1, ann)).containsExactly(2);
    }

    @Test
    void foldsInANewInteraction() {
        Recommender r = fit();
        SparseVector bob = SHOP.row(1);
        float[] before = r.score(1, bob);
        float[] after = r.score(-1, bob.plus(3, 1));
        assertThat(after[2]).isGreaterThan(before[2]);
    }

    @Test
    void similarItemsAreTextCosines() {
        float[] s = fit().similarItems(0);
        assertThat(s[0]).isCloseTo(1f, within(1e-6f));
        assertThat(s[3]).isCloseTo(1f / 3, within(1e-6f));
        assertThat(s[1]).isEqualTo(ContentBased.NO_TEXT_SCORE);
    }

    @Test
    void savedParametersGiveTheSameScores(@TempDir Path dir) {
        Recommender r = fit();
        Path file = dir.resolve("content.wmrp");
        r.parameters().write(file);
        Parameters p = Parameters.read(file);
        assertThat(p.text("embedder")).isEqualTo("hashed-words-4096");
        Recommender back = ContentBased.fromParameters(p);
        for (int u = 0; u < SHOP.users(); u++) {
            assertThat(back.score(u, SHOP.row(u))).containsExactly(r.score(u, SHOP.row(u)));
        }
        assertThat(back.similarItems(1)).containsExactly(r.similarItems(1));
    }

    @Test
    void refusesCataloguesWithoutAnyText() {
        ContentBased c = ContentBased.of(new HashedWordsEmbedder(16), Map.of("other", "text"));
        assertThatThrownBy(() -> c.fit(SHOP, ProgressMonitor.silent()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("none of the 5 items has a text");
        assertThatThrownBy(() -> c.fit(InteractionMatrix.of(List.of()), ProgressMonitor.silent()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("no items");
    }
}
