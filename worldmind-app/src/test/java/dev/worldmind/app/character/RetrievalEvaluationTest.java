package dev.worldmind.app.character;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.model.language.MiniLmEmbedder;
import dev.worldmind.model.language.TextEmbedder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RetrievalEvaluationTest {
    private static TextEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = MiniLmEmbedder.create();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void findsTheAnsweringDocumentForMostQuestions() {
        RetrievalEvaluation result = RetrievalEvaluation.run(CharacterLibrary.builtIn(), embedder);
        System.out.println(result.toTable());
        result.characters()
                .forEach(
                        s ->
                                s.misses()
                                        .forEach(
                                                m ->
                                                        System.out.println(
                                                                s.characterId() + ": " + m)));
        for (double t = 0.30; t <= 0.56; t += 0.02) {
            RetrievalEvaluation r =
                    RetrievalEvaluation.run(CharacterLibrary.builtIn(), embedder, t);
            int wrong =
                    r.characters().stream()
                            .mapToInt(RetrievalEvaluation.CharacterScore::wronglyDeclined)
                            .sum();
            int dec =
                    r.characters().stream()
                            .mapToInt(RetrievalEvaluation.CharacterScore::correctlyDeclined)
                            .sum();
            System.out.printf("t=%.2f wrongly declined %d, correctly declined %d%n", t, wrong, dec);
        }
        assertThat(result.characters()).hasSize(5);
    }
}
