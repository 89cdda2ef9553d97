package dev.worldmind.app.character;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.world.SpaceKind;
import dev.worldmind.model.language.retrieval.Chunker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharacterLibraryTest {
    private static final CharacterLibrary LIBRARY = CharacterLibrary.builtIn();

    private static final String VALID =
            """
            format: 1
            id: lena
            name: Lena
            home: shop
            persona: A baker.
            backstory: Bakes bread.
            goals: [Sell bread]
            style:
              greetings: [Hello!]
              farewells: [Bye!]
              thanks: [You're welcome.]
              openers: [Sure.]
              closers: ["Anything else?"]
              unknown: [I don't know.]
              tone: [warm]
              emotionOpeners:
                joy: [Lovely!]
            knowledge:
              - id: bread
                title: Bread
                text: Sourdough costs 4 credits.
            """;

    @Test
    void hasOneCompleteCharacterPerSpaceKind() {
        assertThat(LIBRARY.all()).hasSize(5);
        assertThat(
                        LIBRARY.all().stream()
                                .map(CharacterDefinition::home)
                                .collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(SpaceKind.class));
        for (CharacterDefinition c : LIBRARY.all()) {
            assertThat(LIBRARY.forSpace(c.home())).contains(c);
            assertThat(LIBRARY.find(c.id())).contains(c);
            assertThat(c.goals()).as(c.id()).isNotEmpty();
            assertThat(c.style().emotionOpeners())
                    .as(c.id())
                    .containsKeys("joy", "trust", "sadness", "anger");
            assertThat(c.knowledge()).as(c.id()).hasSizeGreaterThanOrEqualTo(6);
            int words = c.knowledge().stream().mapToInt(d -> Chunker.wordCount(d.text())).sum();
            assertThat(words).as(c.id()).isGreaterThan(1300);
        }
    }

    @Test
    void cutsKnowledgeIntoPassagesThatFitMiniLm() {
        for (CharacterDefinition c : LIBRARY.all()) {
            assertThat(c.passages(Chunker.DEFAULT_MAX_WORDS))
                    .as(c.id())
                    .allMatch(p -> Chunker.wordCount(p.text()) <= Chunker.DEFAULT_MAX_WORDS);
        }
    }

    @Test
    void hasEvaluationQuestionsNamingRealDocuments() {
        for (CharacterDefinition c : LIBRARY.all()) {
            var questions = LIBRARY.questions(c.id());
            assertThat(questions.stream().filter(RetrievalQuestion::answerable).count())
                    .as(c.id())
                    .isGreaterThanOrEqualTo(20);
            assertThat(questions.stream().filter(q -> !q.answerable()).count())
                    .as(c.id())
                    .isBetween(3L, 5L);
            questions.stream()
                    .filter(RetrievalQuestion::answerable)
                    .forEach(
                            q ->
                                    assertThat(c.document(q.expectedDocumentId()))
                                            .as(q.question())
                                            .isPresent());
        }
        assertThatThrownBy(() -> LIBRARY.questions("nobody")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void knowsTheWorldsItemsAndPrices() {
        CharacterDefinition mina = LIBRARY.forSpace(SpaceKind.SHOP).orElseThrow();
        assertThat(mina.document("watch").orElseThrow().text()).contains("120 credits");
        assertThat(mina.document("notebook").orElseThrow().text()).contains("8.90 credits");
        CharacterDefinition iris = LIBRARY.forSpace(SpaceKind.MUSEUM).orElseThrow();
        assertThat(iris.knowledge())
                .extracting(KnowledgeDocument::id)
                .contains(
                        "starry-night",
                        "great-wave",
                        "water-lilies",
                        "discobolus",
                        "harbour-dawn",
                        "astrolabe",
                        "the-thinker");
    }

    @Test
    void loadsAnOperatorsDirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("lena.yaml"), VALID);
        Files.createDirectories(dir.resolve("questions"));
        Files.writeString(
                dir.resolve("questions/lena.yaml"),
                "questions:\n  - {question: \"How much is bread?\", document: bread}\n"
                        + "  - {question: \"Do you fix cars?\", document: \"\"}\n");
        CharacterLibrary library = CharacterLibrary.load(dir);
        assertThat(library.forSpace(SpaceKind.SHOP).orElseThrow().name()).isEqualTo("Lena");
        assertThat(library.forSpace(SpaceKind.MUSEUM)).isEmpty();
        assertThat(library.questions("lena"))
                .containsExactly(
                        new RetrievalQuestion("How much is bread?", "bread"),
                        new RetrievalQuestion("Do you fix cars?", ""));
    }

    @Test
    void namesFileAndFieldOfAMissingField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("lena.yaml");
        Files.writeString(file, VALID.replace("  unknown: [I don't know.]\n", ""));
        assertThatThrownBy(() -> CharacterLibrary.load(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'style.unknown' is missing");
    }

    @Test
    void namesFileAndFieldOfABadValue(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("lena.yaml");
        Files.writeString(file, VALID.replace("home: shop", "home: castle"));
        assertThatThrownBy(() -> CharacterLibrary.load(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'home'")
                .hasMessageContaining("castle");
        Files.writeString(file, VALID.replace("    text: Sourdough", "    txt: Sourdough"));
        assertThatThrownBy(() -> CharacterLibrary.load(dir))
                .hasMessageContaining("'knowledge[0].text' is missing");
    }

    @Test
    void reportsBrokenYamlWithItsLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("lena.yaml");
        Files.writeString(file, VALID.replace("goals: [Sell bread]", "goals: [Sell bread"));
        assertThatThrownBy(() -> CharacterLibrary.load(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("line");
    }

    @Test
    void rejectsUnknownFormatsAndDuplicateIds(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), VALID);
        Files.writeString(dir.resolve("b.yaml"), VALID.replace("format: 1", "format: 2"));
        assertThatThrownBy(() -> CharacterLibrary.load(dir))
                .hasMessageContaining("'format' must be 1");
        Files.writeString(dir.resolve("b.yaml"), VALID);
        assertThatThrownBy(() -> CharacterLibrary.load(dir))
                .hasMessageContaining("b.yaml")
                .hasMessageContaining("repeats lena");
    }
}
