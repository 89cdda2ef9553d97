package dev.worldmind.model.language.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.model.language.MiniLmEmbedder;
import dev.worldmind.testing.TestHome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The full held-out evaluation (several minutes on two cores). */
@Tag("slow")
class SentimentEvaluationTest {
    @Test
    void embeddingClassifierReachesEightyEightPercent() {
        SentimentEvaluation evaluation;
        try (MiniLmEmbedder embedder = MiniLmEmbedder.create()) {
            evaluation =
                    SentimentEvaluation.run(
                            new DatasetStore(TestHome.get().datasets()),
                            embedder,
                            42,
                            System.out::println);
        }
        System.out.println(evaluation.toTable());

        assertThat(evaluation.row("minilm+lexicon-logistic").accuracy())
                .isGreaterThanOrEqualTo(0.88);
        assertThat(evaluation.row("minilm-logistic").accuracy()).isGreaterThanOrEqualTo(0.88);
        // The lexicons are deterministic: measured 0.8070 (VADER) and 0.7919 (AFINN) on this split.
        assertThat(evaluation.row("vader").accuracy()).isBetween(0.80, 0.81);
        assertThat(evaluation.row("afinn-165").accuracy()).isBetween(0.785, 0.80);
        // Measured 0.799 (BiLSTM) and 0.758 (Transformer); small data, so only a margin over
        // chance is asserted.
        assertThat(evaluation.row("bilstm").accuracy()).isGreaterThan(0.72);
        assertThat(evaluation.row("transformer").accuracy()).isGreaterThan(0.70);
    }
}
