package dev.worldmind.model.language.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.UnsupportedFormatVersionException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.core.provenance.Provenance.DatasetRef;
import dev.worldmind.data.text.LabelledText;
import dev.worldmind.data.text.TextCorpus;
import dev.worldmind.data.text.TextSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpamClassifierTest {
    private static final String[] HAM = {
        "meeting",
        "tomorrow",
        "patch",
        "kernel",
        "build",
        "thanks",
        "lunch",
        "review",
        "list",
        "bug",
        "release",
        "the",
        "and",
        "we",
        "notes",
        "Re:",
        "agenda",
        "draft",
        "team",
        "server"
    };
    private static final String[] SPAM = {
        "FREE", "money", "click", "here", "offer", "$1000", "win", "cash", "now!", "viagra",
        "the", "and", "you", "limited", "credit", "guaranteed", "deal", "prize", "order", "save"
    };

    @TempDir Path tmp;

    /** A small two-class corpus of e-mail-like texts, the same for every run. */
    static TextCorpus toyCorpus(int perClass, long seed) {
        Random random = new Random(seed);
        List<LabelledText> items = new ArrayList<>();
        for (int label = 0; label < 2; label++) {
            String[] words = label == 0 ? HAM : SPAM;
            for (int i = 0; i < perClass; i++) {
                StringBuilder text = new StringBuilder();
                int n = 8 + random.nextInt(20);
                for (int w = 0; w < n; w++) {
                    // One word in five comes from the other class, so the task is not trivial.
                    String[] from = random.nextInt(5) == 0 ? (label == 0 ? SPAM : HAM) : words;
                    text.append(from[random.nextInt(from.length)]).append(w == 3 ? "\n" : " ");
                }
                items.add(
                        new LabelledText(text.toString().strip(), label, "toy/" + label + "/" + i));
            }
        }
        return new TextCorpus(
                "toy", List.of("ham", "spam"), items, new DatasetRef("toy", "f00", "toy"));
    }

    private static SpamClassifierConfig small() {
        return new SpamClassifierConfig(12, true, 5, List.of(1e-5, 1e-4), List.of(0.5), 3, 4);
    }

    @Test
    void learnsToTellTheClassesApartWithCrossValidatedSettings() {
        TextSplit split = toyCorpus(150, 1).split(0.2, 7);
        List<String> messages = new ArrayList<>();
        SpamClassifier classifier = SpamClassifier.train(split.train(), small(), 7, messages::add);

        int correct = 0;
        for (LabelledText t : split.test().items()) {
            boolean spam = classifier.spamProbability(t.text()) >= 0.5;
            correct += spam == (t.label() == 1) ? 1 : 0;
        }
        assertThat((double) correct / split.test().size()).isGreaterThan(0.9);
        assertThat(messages).hasSize(2).allMatch(m -> m.contains("3-fold F1"));
        assertThat(classifier.provenance().metrics()).containsKey("cvF1Spam");
        assertThat(classifier.provenance().config()).containsKeys("l2", "learningRate", "hashBits");
        assertThat(classifier.provenance().dataset().name()).isEqualTo("toy");
        assertThat(classifier.provenance().seed()).isEqualTo(7);
        assertThat(classifier.classes()).containsExactly("ham", "spam");
        assertThat(classifier.spamProbability("FREE money click here now! win cash"))
                .isGreaterThan(0.9);
        assertThat(classifier.spamProbability("patch review for the kernel build tomorrow"))
                .isLessThan(0.1);
    }

    @Test
    void trainsTheSameWeightsFromTheSameSeed() {
        TextCorpus corpus = toyCorpus(60, 2);
        SpamClassifierConfig config = small().fixed(1e-5, 0.5);
        SpamClassifier a = SpamClassifier.train(corpus, config, 3, ProgressMonitor.silent());
        SpamClassifier b = SpamClassifier.train(corpus, config, 3, ProgressMonitor.silent());
        for (String text : corpus.texts()) {
            assertThat(a.spamProbability(text)).isEqualTo(b.spamProbability(text));
        }
    }

    @Test
    void reloadsFromAFolderWithIdenticalPredictions() {
        TextCorpus corpus = toyCorpus(60, 3);
        SpamClassifier trained =
                SpamClassifier.train(corpus, small(), 5, ProgressMonitor.silent())
                        .withMetrics(java.util.Map.of("heldOutF1Spam", 0.5));
        Path dir = tmp.resolve("spam");
        trained.save(dir);

        SpamClassifier loaded = SpamClassifier.load(dir);

        for (String text : corpus.texts()) {
            assertThat(loaded.spamProbability(text)).isEqualTo(trained.spamProbability(text));
        }
        assertThat(loaded.spamProbability("something never seen, 42!"))
                .isEqualTo(trained.spamProbability("something never seen, 42!"));
        assertThat(loaded.classes()).isEqualTo(trained.classes());
        assertThat(loaded.provenance().metrics()).containsEntry("heldOutF1Spam", 0.5);
        assertThat(loaded.provenance().config()).containsEntry("hashBits", 12);
        assertThat(loaded.provenance().dataset()).isEqualTo(trained.provenance().dataset());
    }

    @Test
    void refusesOtherFormatVersionsAndDamagedWeights() throws IOException {
        SpamClassifier trained =
                SpamClassifier.train(
                        toyCorpus(30, 4), small().fixed(1e-5, 0.5), 1, ProgressMonitor.silent());
        Path dir = tmp.resolve("spam");
        trained.save(dir);
        Path manifest = dir.resolve(SpamClassifier.MANIFEST);
        String json = Files.readString(manifest);
        assertThat(json)
                .contains("\"formatVersion\" : 1")
                .contains("\"kind\" : \"spam-classifier\"");

        Path weights = dir.resolve(SpamClassifier.WEIGHTS);
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        assertThatThrownBy(() -> SpamClassifier.load(dir)).isInstanceOf(InvalidDataException.class);

        Files.writeString(manifest, json.replace("\"formatVersion\" : 1", "\"formatVersion\" : 9"));
        assertThatThrownBy(() -> SpamClassifier.load(dir))
                .isInstanceOf(UnsupportedFormatVersionException.class)
                .hasMessageContaining("format version 9");
        assertThatThrownBy(() -> SpamClassifier.load(tmp.resolve("nothing")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("spam-classifier.json is missing");
    }

    @Test
    void readsTheGoldenFormatVersionOne() throws Exception {
        // Written by format version 1 from six sentences (hashBits 8, seed 11); a change to the
        // format or to the features shows up here.
        Path golden =
                Path.of(
                                getClass()
                                        .getResource(
                                                "golden-spam-classifier-v1/spam-classifier.json")
                                        .toURI())
                        .getParent();
        SpamClassifier classifier = SpamClassifier.load(golden);

        assertThat(classifier.classes()).containsExactly("ham", "spam");
        assertThat(classifier.provenance().seed()).isEqualTo(11);
        assertThat(classifier.provenance().dataset().description()).isEqualTo("six sentences");
        assertThat(classifier.spamProbability("click here for free money"))
                .isCloseTo(0.4623475809409129, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(classifier.spamProbability("patch review tomorrow"))
                .isCloseTo(0.10142634817983545, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(classifier.spamProbability("anything else"))
                .isCloseTo(0.21369538061393764, org.assertj.core.data.Offset.offset(1e-6));
    }
}
