package dev.worldmind.model.language.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.data.text.TextSplit;
import dev.worldmind.testing.TestHome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains the LSTM and the Transformer from scratch on a small slice of the UCI sentences. Tagged
 * slow: the unrolled LSTM runs thousands of small operators per batch, which takes seconds on an
 * idle machine but a minute or more when other jobs share the two cores.
 */
@Tag("slow")
class SequenceClassifiersTrainingTest {
    private static TextSplit slice;

    @TempDir Path tmp;

    @BeforeAll
    static void setUp() {
        slice = SentimentClassifiersTest.slice(new DatasetStore(TestHome.get().datasets()));
    }

    @Test
    void lstmLearnsAndReloadsIdentically() {
        assertThat(learnsAndReloadsIdentically(SequenceConfig.lstm(3).withEpochs(4)))
                .isEqualTo("bilstm");
    }

    @Test
    void transformerLearnsAndReloadsIdentically() {
        SequenceConfig tiny =
                new SequenceConfig(
                        SequenceConfig.Architecture.TRANSFORMER,
                        32,
                        64,
                        1,
                        2,
                        0.1f,
                        32,
                        1,
                        4,
                        32,
                        0.003f,
                        0.1,
                        3);
        learnsAndReloadsIdentically(tiny);
    }

    /**
     * Trains on the slice, checks that it learned the training part (accuracy above 0.6), and that
     * the saved model reloads with the same predictions and settings.
     *
     * @return the trained model's name
     */
    private String learnsAndReloadsIdentically(SequenceConfig config) {
        try (SequenceSentimentClassifier trained =
                SequenceSentimentClassifier.train(
                        slice.train(), config, ProgressMonitor.silent())) {
            List<Sentiment> before = trained.analyzeAll(slice.test().texts());
            double trainAccuracy =
                    SentimentEvaluation.score(trained, slice.train(), java.time.Duration.ZERO)
                            .accuracy();
            assertThat(trainAccuracy).isGreaterThan(0.6);

            trained.save(tmp);
            try (SequenceSentimentClassifier loaded = SequenceSentimentClassifier.load(tmp)) {
                assertThat(loaded.analyzeAll(slice.test().texts())).isEqualTo(before);
                assertThat(loaded.config()).isEqualTo(config);
            }
            return trained.name();
        }
    }
}
