package dev.worldmind.model.language.intent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.model.language.MiniLmEmbedder;
import dev.worldmind.model.language.TextEmbedder;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IntentDetectorTest {
    private static TextEmbedder embedder;
    private static IntentDetector detector;

    @BeforeAll
    static void build() {
        embedder = MiniLmEmbedder.create();
        detector =
                IntentDetector.build(
                        List.of(
                                new Intent(
                                        "go_to_museum",
                                        List.of(
                                                "take me to the museum",
                                                "I want to visit the museum")),
                                new Intent(
                                        "go_to_shop",
                                        List.of("take me to the shop", "I want to go shopping")),
                                new Intent(
                                        "list_products",
                                        List.of("what is on sale", "what do you sell"))),
                        embedder,
                        0.6);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void detectsParaphrasedIntents() {
        assertThat(detector.detect("Could you bring me to the museum?"))
                .get()
                .extracting(IntentMatch::intent)
                .isEqualTo("go_to_museum");
        assertThat(detector.detect("What have you got for sale?"))
                .get()
                .extracting(IntentMatch::intent)
                .isEqualTo("list_products");
    }

    @Test
    void ignoresUnrelatedText() {
        assertThat(detector.detect("My grandmother grew tomatoes in her garden.")).isEmpty();
        assertThat(detector.detect("   ")).isEmpty();
    }

    @Test
    void refusesNearTiesBetweenIntents() {
        IntentDetector strict =
                IntentDetector.build(
                        List.of(
                                new Intent("a", List.of("take me to the museum")),
                                new Intent("b", List.of("take me to the museum please"))),
                        embedder,
                        0.3,
                        0.2);
        assertThat(strict.detect("take me to the museum")).isEmpty();
    }
}
