package dev.worldmind.data.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.data.text.LabelledText;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fetches the real files with npm into the shared test home (once per checkout). */
class SentimentDataTest {
    private static DatasetStore store;

    @BeforeAll
    static void store() {
        String home = System.getProperty("worldmind.test.home", "target/test-home");
        store = new DatasetStore(Path.of(home, "datasets"));
    }

    @Test
    void loadsTheUciSentencesCleanedAndWithoutDuplicates() {
        UciSentiment uci = UciSentiment.load(store, ProgressMonitor.silent());

        assertThat(uci.records()).isEqualTo(3000);
        assertThat(uci.duplicatesDropped()).isEqualTo(18);
        assertThat(uci.corpus().size()).isEqualTo(2982);
        assertThat(uci.corpus().classes()).containsExactly("negative", "positive");
        assertThat(uci.corpus().items())
                .extracting(LabelledText::source)
                .containsOnly("amazon", "imdb", "yelp");
        assertThat(uci.corpus().texts()).doesNotHaveDuplicates().allMatch(t -> t.equals(t.strip()));
        assertThat(uci.corpus().items().get(1).text()).isEqualTo("Good case, Excellent value.");
    }

    @Test
    void cleaningCollapsesWhitespace() {
        assertThat(UciSentiment.clean("  so \t bad\n\nreally ")).isEqualTo("so bad really");
    }

    @Test
    void loadsTheLexicons() {
        Afinn afinn = Afinn.load(store, ProgressMonitor.silent());
        VaderLexicon vader = VaderLexicon.load(store, ProgressMonitor.silent());

        assertThat(afinn.scores()).hasSizeGreaterThan(3000);
        assertThat(afinn.score("good")).isEqualTo(3);
        assertThat(afinn.score("bad")).isEqualTo(-3);
        assertThat(afinn.negators()).contains("not", "don't");
        assertThat(vader.valences()).hasSize(7503);
        assertThat(vader.valence("good")).isEqualTo(1.9);
        assertThat(vader.valence(":)")).isEqualTo(2.0);
    }
}
