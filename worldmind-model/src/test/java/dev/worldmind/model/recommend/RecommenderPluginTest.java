package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.tail.LongTail;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.InteractionMatrix;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recommender algorithms are plugins: the built-in ones keep their names, order and defaults, and
 * {@link LongTail} (one class and one services line in this module's test scope) is chosen,
 * evaluated, saved and rebuilt by name like them.
 */
class RecommenderPluginTest {
    private static final InteractionMatrix TINY = ItemKnnTest.TINY;

    @TempDir Path tmp;

    @Test
    void listsTheBuiltInAlgorithmsFirstThenPlugins() {
        assertThat(Recommenders.ALGORITHMS)
                .containsExactly(
                        "popularity", "item-knn", "ease", "als", "bpr", "hybrid", LongTail.NAME);
    }

    @Test
    void buildsTheBuiltInAlgorithmsWithTheirDefaults() {
        assertThat(Recommenders.algorithm("popularity", 7, 2)).isInstanceOf(Popularity.class);
        assertThat(Recommenders.algorithm("item-knn", 7, 2).config())
                .isEqualTo(ItemKnn.defaults().config());
        assertThat(Recommenders.algorithm("ease", 7, 2).config())
                .isEqualTo(Ease.defaults().config());
        assertThat(Recommenders.algorithm("als", 7, 2).config())
                .isEqualTo(ImplicitAls.builder().optSeed(7).optThreads(2).build().config());
        assertThat(Recommenders.algorithm("bpr", 7, 2).config())
                .isEqualTo(Bpr.builder().optSeed(7).build().config());
        assertThat(Recommenders.algorithm("hybrid", 7, 2).config())
                .isEqualTo(
                        Hybrid.builder()
                                .add(Ease.defaults(), 0.5)
                                .add(ImplicitAls.builder().optSeed(7).optThreads(2).build(), 0.5)
                                .build()
                                .config());
    }

    @Test
    void refusesUnknownNamesListingTheKnownOnes() {
        assertThatThrownBy(() -> Recommenders.algorithm("magic", 1, 1))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage(
                        "unknown algorithm 'magic'; known: popularity, item-knn, ease, als, bpr,"
                                + " hybrid, long-tail");
        // content-based scoring needs item texts: rebuilt when saved, never chosen by name
        assertThatThrownBy(() -> Recommenders.algorithm("content", 1, 1))
                .hasMessageStartingWith("unknown algorithm 'content'");
        assertThatThrownBy(() -> Recommenders.of(Parameters.builder("magic").build()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("unknown recommender algorithm 'magic'");
    }

    @Test
    void evaluatesSavesAndRebuildsAPluginByName() {
        RecommenderEvaluation.Setup setup =
                RecommenderEvaluation.setup(TINY.interactions(), TINY.interactions());
        List<RecommenderEvaluation.Row> rows =
                RecommenderEvaluation.run(
                        setup,
                        List.of(
                                Recommenders.algorithm(LongTail.NAME, 1),
                                Recommenders.algorithm("popularity", 1)),
                        2,
                        ProgressMonitor.silent());
        assertThat(rows).extracting(RecommenderEvaluation.Row::ok).containsExactly(true, true);

        Recommender trained =
                Recommenders.algorithm(LongTail.NAME, 1).fit(TINY, ProgressMonitor.silent());
        Path file = tmp.resolve("long-tail.json");
        trained.parameters().write(file);
        Recommender rebuilt = Recommenders.read(file);

        assertThat(rebuilt).isInstanceOf(LongTail.class);
        // c has the fewest users (2), then a and b (3 each)
        assertThat(rebuilt.score(0, null)).containsExactly(-3f, -3f, -2f);
    }
}
