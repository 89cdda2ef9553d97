package dev.worldmind.app.character;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.model.language.MiniLmEmbedder;
import dev.worldmind.model.language.TextEmbedder;
import dev.worldmind.model.language.intent.IntentDetector;
import dev.worldmind.model.language.intent.IntentMatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharacterIntentsTest {
    private static final CharacterIntents INTENTS = CharacterIntents.builtIn();
    private static TextEmbedder embedder;
    private static IntentDetector detector;

    @BeforeAll
    static void load() {
        embedder = MiniLmEmbedder.create();
        detector = INTENTS.detector(embedder);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void mapsTravelAndListIntentsToWorldActions() {
        assertThat(action("take me to the museum")).contains(new WorldAction("travel", "museum"));
        assertThat(action("what is on sale?")).contains(new WorldAction("list", "shop"));
    }

    @Test
    void understandsParaphrases() {
        Map<String, String> sentences =
                Map.of(
                        "Can you send me over to the clinic?", "go_to_clinic",
                        "I'd like to go back to the plaza", "go_to_plaza",
                        "how do I get to the classroom?", "go_to_classroom",
                        "what exhibits do you have?", "list_exhibits",
                        "which lessons can I take?", "list_lessons",
                        "what things do you sell here?", "list_products",
                        "hello there!", "greeting",
                        "thanks so much", "thanks",
                        "bye, see you", "goodbye",
                        "what can you help me with?", "help");
        sentences.forEach(
                (text, intent) ->
                        assertThat(detector.detect(text))
                                .as(text)
                                .get()
                                .extracting(IntentMatch::intent)
                                .isEqualTo(intent));
    }

    @Test
    void ignoresQuestionsThatAreNotCommands() {
        assertThat(detector.detect("Why did Van Gogh paint a cypress tree?")).isEmpty();
        assertThat(detector.detect("my cat ate my homework yesterday")).isEmpty();
        assertThat(detector.detect("How long does the headphone battery last?")).isEmpty();
    }

    @Test
    void namesTheFieldOfABadIntentFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("intents.yaml");
        Files.writeString(
                file,
                "format: 1\nthreshold: 0.6\nintents:\n  - name: fly\n"
                        + "    action: {kind: teleport, target: moon}\n    examples: [fly me]\n");
        assertThatThrownBy(() -> CharacterIntents.load(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("intents[0].action")
                .hasMessageContaining("teleport");
    }

    private static Optional<WorldAction> action(String text) {
        return detector.detect(text).flatMap(INTENTS::action);
    }
}
