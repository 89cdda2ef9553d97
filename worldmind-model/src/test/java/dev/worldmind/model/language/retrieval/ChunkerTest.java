package dev.worldmind.model.language.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {
    private static final String TEXT =
            "The Starry Night was painted in June 1889. It shows the view from an asylum window,"
                    + " e.g. the village and a cypress. Van Gogh painted it from memory!\n\n"
                    + "Is it the original? No. The original hangs in New York.";

    @Test
    void splitsSentencesButNotAbbreviations() {
        assertThat(Chunker.sentences("It shows e.g. a cypress. Dr. Rey helped him! Is it? Yes."))
                .containsExactly(
                        "It shows e.g. a cypress.", "Dr. Rey helped him!", "Is it?", "Yes.");
    }

    @Test
    void joinsLineBreaksInsideAParagraph() {
        assertThat(Chunker.sentences("One line\nand its end. Next\n one."))
                .containsExactly("One line and its end.", "Next one.");
    }

    @Test
    void startsANewPassageAtEveryParagraph() {
        List<Passage> passages = Chunker.chunk("starry", "The Starry Night", TEXT, 60);
        assertThat(passages).extracting(Passage::id).containsExactly("starry#0", "starry#1");
        assertThat(passages.get(0).text()).startsWith("The Starry Night").endsWith("from memory!");
        assertThat(passages.get(1).text())
                .isEqualTo("Is it the original? No. The original hangs in New York.");
        assertThat(passages)
                .allMatch(
                        p ->
                                p.documentId().equals("starry")
                                        && p.title().equals("The Starry Night"));
    }

    @Test
    void keepsEveryPassageWithinTheWordLimitWithoutLosingWords() {
        String longSentence = "word ".repeat(23).strip() + ".";
        String text = TEXT + "\n\n" + longSentence + " Short one here.";
        List<Passage> passages = Chunker.chunk("d", "T", text, 8);
        assertThat(passages).allMatch(p -> Chunker.wordCount(p.text()) <= 8);
        int total = passages.stream().mapToInt(p -> Chunker.wordCount(p.text())).sum();
        assertThat(total).isEqualTo(Chunker.wordCount(text));
        // Sentences are not cut when they fit: the first passage ends at a sentence boundary.
        assertThat(passages.get(0).text()).endsWith(".");
    }

    @Test
    void returnsNothingForBlankTextAndRejectsTinyLimits() {
        assertThat(Chunker.chunk("d", "T", "  \n\n ", 60)).isEmpty();
        assertThatThrownBy(() -> Chunker.chunk("d", "T", TEXT, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxWords");
    }
}
