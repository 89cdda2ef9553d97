package dev.worldmind.app.character;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.data.world.SpaceKind;
import dev.worldmind.model.language.MiniLmEmbedder;
import dev.worldmind.model.language.TextEmbedder;
import dev.worldmind.model.language.retrieval.Chunker;
import dev.worldmind.model.language.retrieval.KnowledgeIndex;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedResponderTest {
    private static final CharacterLibrary LIBRARY = CharacterLibrary.builtIn();
    private static final CharacterDefinition MINA = LIBRARY.forSpace(SpaceKind.SHOP).orElseThrow();
    private static final CharacterDefinition SAM = LIBRARY.forSpace(SpaceKind.CLINIC).orElseThrow();
    private static final EmbeddedResponder RESPONDER = EmbeddedResponder.create();
    private static TextEmbedder embedder;
    private static KnowledgeIndex shop;
    private static KnowledgeIndex clinic;

    @BeforeAll
    static void load() {
        embedder = MiniLmEmbedder.create();
        shop = KnowledgeIndex.build(MINA.passages(Chunker.DEFAULT_MAX_WORDS), embedder);
        clinic = KnowledgeIndex.build(SAM.passages(Chunker.DEFAULT_MAX_WORDS), embedder);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void answersAKnownQuestionFromTheRightDocumentInCharacter() {
        EmbeddedResponder.Answer a =
                RESPONDER.answer(
                        MINA, shop, "How long does the headphone battery last?", List.of(), null);
        assertThat(a.grounded()).isTrue();
        assertThat(a.sources().get(0).passage().documentId()).isEqualTo("headphones");
        assertThat(a.text()).contains("30 hours");
        assertThat(MINA.style().openers()).anyMatch(a.text()::startsWith);
        // An excerpt, not the whole document.
        String document = MINA.document("headphones").orElseThrow().text();
        assertThat(Chunker.wordCount(a.text())).isLessThan(Chunker.wordCount(document));
    }

    @Test
    void saysItDoesNotKnowWhenNothingMatches() {
        EmbeddedResponder.Answer a =
                RESPONDER.answer(
                        MINA, shop, "Who won the football world cup in 1974?", List.of(), null);
        assertThat(a.grounded()).isFalse();
        assertThat(a.sources()).isEmpty();
        assertThat(MINA.style().unknown()).contains(a.text());
    }

    @Test
    void opensByTheVisitorsEmotionAndAddsTheNursesDisclaimer() {
        EmbeddedResponder.Answer a =
                RESPONDER.answer(
                        SAM,
                        clinic,
                        "How many hours of sleep does an adult need?",
                        List.of(),
                        "sadness");
        assertThat(a.grounded()).isTrue();
        assertThat(a.text()).contains("7 to 9 hours").endsWith(SAM.style().disclaimer());
        assertThat(SAM.style().openersFor("sadness")).anyMatch(a.text()::startsWith);
    }

    @Test
    void handlesSmallTalk() {
        assertThat(RESPONDER.answer(MINA, shop, "Hello!", List.of(), null).text())
                .isIn(MINA.style().greetings());
        assertThat(RESPONDER.answer(MINA, shop, "thanks a lot", List.of(), null).text())
                .isIn(MINA.style().thanks());
        assertThat(RESPONDER.answer(MINA, shop, "Bye, see you!", List.of(), null).text())
                .isIn(MINA.style().farewells());
        assertThat(RESPONDER.answer(MINA, shop, "Hello!", List.of(), null).grounded()).isFalse();
    }

    @Test
    void resolvesAShortFollowUpWithTheLastTurn() {
        EmbeddedResponder.Answer a =
                RESPONDER.answer(
                        MINA,
                        shop,
                        "and how much is it?",
                        List.of("Tell me about the wool scarf"),
                        null);
        assertThat(a.grounded()).isTrue();
        assertThat(a.sources().get(0).passage().documentId()).isEqualTo("wool-scarf");
        assertThat(a.text()).contains("34 credits");
    }

    @Test
    void isDeterministic() {
        String q = "Can I put the mug in the dishwasher?";
        assertThat(RESPONDER.answer(MINA, shop, q, List.of(), "joy"))
                .isEqualTo(RESPONDER.answer(MINA, shop, q, List.of(), "joy"));
    }
}
