package dev.worldmind.model.language.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.model.language.MiniLmEmbedder;
import dev.worldmind.model.language.TextEmbedder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KnowledgeIndexTest {
    private static TextEmbedder embedder;
    private static KnowledgeIndex index;

    @BeforeAll
    static void build() {
        embedder = MiniLmEmbedder.create();
        List<Passage> passages = new ArrayList<>();
        passages.addAll(
                Chunker.chunk(
                        "wave",
                        "The Great Wave off Kanagawa",
                        "A woodblock print by Hokusai, made around 1831. A huge wave threatens three"
                                + " boats while Mount Fuji sits small in the distance.",
                        60));
        passages.addAll(
                Chunker.chunk(
                        "scarf",
                        "Merino wool scarf",
                        "A soft 180 cm scarf knitted from merino wool. Hand-wash cold and dry flat.",
                        60));
        passages.addAll(
                Chunker.chunk(
                        "sleep",
                        "Sleeping well",
                        "Most adults need 7 to 9 hours of sleep. Avoid caffeine late in the day.",
                        60));
        passages.addAll(
                Chunker.chunk(
                        "planets",
                        "The Solar System",
                        "Eight planets orbit the Sun. Jupiter is the largest planet.",
                        60));
        index = KnowledgeIndex.build(passages, embedder);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void ranksThePassageThatAnswersTheQuestionFirst() {
        assertThat(top("Who made the print of the big wave?")).isEqualTo("wave");
        assertThat(top("How should I wash my scarf?")).isEqualTo("scarf");
        assertThat(top("How many hours should I sleep?")).isEqualTo("sleep");
        assertThat(top("Which planet is the biggest?")).isEqualTo("planets");
    }

    @Test
    void returnsAtMostKHitsBestFirst() {
        List<RetrievalHit> hits = index.search("wool", 3);
        assertThat(hits).hasSize(3);
        assertThat(hits.get(0).score()).isGreaterThanOrEqualTo(hits.get(1).score());
        assertThat(hits.get(1).score()).isGreaterThanOrEqualTo(hits.get(2).score());
        assertThat(index.search("wool", 10)).hasSize(index.size());
        assertThat(index.size()).isEqualTo(4);
    }

    @Test
    void scoresUnrelatedTextLow() {
        double related = index.search("What is the largest planet?", 1).get(0).score();
        double unrelated = index.search("Who won the football match yesterday?", 1).get(0).score();
        assertThat(unrelated).isLessThan(related - 0.2);
    }

    @Test
    void rejectsDuplicatePassageIds() {
        Passage p = new Passage("a#0", "a", "A", "text");
        assertThatThrownBy(() -> KnowledgeIndex.build(List.of(p, p), embedder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a#0");
    }

    private static String top(String question) {
        return index.search(question, 1).get(0).passage().documentId();
    }
}
