package dev.worldmind.model.language.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.UnsupportedFormatVersionException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.catalog.Afinn;
import dev.worldmind.data.catalog.UciSentiment;
import dev.worldmind.data.catalog.VaderLexicon;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.data.text.TextCorpus;
import dev.worldmind.data.text.TextSplit;
import dev.worldmind.model.language.MiniLmEmbedder;
import dev.worldmind.testing.TestHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains the embedding classifier on a small slice of the UCI sentences and checks that the models
 * reload identically (seconds, not minutes).
 */
class SentimentClassifiersTest {
    private static TextSplit slice;
    private static LexiconFeatures lexicon;
    private static MiniLmEmbedder embedder;

    @TempDir Path tmp;

    @BeforeAll
    static void setUp() {
        DatasetStore store = new DatasetStore(TestHome.get().datasets());
        slice = slice(store);
        lexicon =
                new LexiconFeatures(
                        VaderAnalyzer.create(VaderLexicon.load(store, ProgressMonitor.silent())),
                        AfinnAnalyzer.create(Afinn.load(store, ProgressMonitor.silent())));
        embedder = MiniLmEmbedder.create();
    }

    /**
     * A stratified 600-sentence slice of the UCI sentences, 450 to train and 150 to score: small
     * enough for seconds of training (the sequence models' tests use it too).
     */
    static TextSplit slice(DatasetStore store) {
        TextCorpus all = UciSentiment.load(store, ProgressMonitor.silent()).corpus();
        TextCorpus small = all.split(0.2, 7).test();
        return new TextCorpus("slice", small.classes(), small.items(), small.ref()).split(0.25, 7);
    }

    @AfterAll
    static void tearDown() {
        embedder.close();
    }

    @Test
    void embeddingClassifierBeatsChanceAndReloadsIdentically() {
        EmbeddingSentimentClassifier trained =
                EmbeddingSentimentClassifier.train(
                        slice.train(),
                        embedder,
                        lexicon,
                        new EmbeddingClassifierConfig(true, List.of(0.1, 1.0), 3, 1),
                        ProgressMonitor.silent());

        double accuracy =
                SentimentEvaluation.score(trained, slice.test(), java.time.Duration.ZERO)
                        .accuracy();
        assertThat(accuracy).isGreaterThan(0.75);

        trained.save(tmp);
        EmbeddingSentimentClassifier loaded =
                EmbeddingSentimentClassifier.load(tmp, embedder, lexicon);
        assertThat(loaded.analyzeAll(slice.test().texts()))
                .isEqualTo(trained.analyzeAll(slice.test().texts()));
        assertThat(loaded.provenance().dataset().name()).isEqualTo("uci-sentiment");
        assertThat(loaded.l2()).isEqualTo(trained.l2());
    }

    @Test
    void lstmReloadsWithIdenticalPredictions() {
        // One quick epoch on a few sentences: this checks persistence, not learning (see
        // SequenceClassifiersTrainingTest, tagged slow, for that).
        TextCorpus few = slice.test();
        SequenceConfig quick =
                new SequenceConfig(
                        SequenceConfig.Architecture.LSTM,
                        16,
                        16,
                        1,
                        1,
                        0.2f,
                        16,
                        1,
                        1,
                        64,
                        0.003f,
                        0.2,
                        5);
        try (SequenceSentimentClassifier trained =
                SequenceSentimentClassifier.train(few, quick, ProgressMonitor.silent())) {
            List<Sentiment> before = trained.analyzeAll(few.texts());

            trained.save(tmp);
            try (SequenceSentimentClassifier loaded = SequenceSentimentClassifier.load(tmp)) {
                assertThat(loaded.name()).isEqualTo("bilstm");
                assertThat(loaded.analyzeAll(few.texts())).isEqualTo(before);
                assertThat(loaded.config()).isEqualTo(quick);
            }
        }
    }

    @Test
    void refusesAnUnknownFormatVersion() throws IOException {
        Files.writeString(
                tmp.resolve("sentiment-model.json"),
                "{\"kind\": \"sequence\", \"formatVersion\": 99}");

        assertThatThrownBy(() -> SequenceSentimentClassifier.load(tmp))
                .isInstanceOf(UnsupportedFormatVersionException.class)
                .hasMessageContaining("99");
    }
}
