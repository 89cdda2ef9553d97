package dev.worldmind.model.language.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.catalog.Afinn;
import dev.worldmind.data.catalog.VaderLexicon;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.testing.TestHome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the ports against the originals: the expected compound scores were computed with the npm
 * package vader-sentiment 1.1.3 ({@code build/vaderSentiment.bundle.js}, which rounds to four
 * decimals) and the AFINN scores with the npm package sentiment 5.0.2.
 */
class LexiconAnalyzersTest {
    private static VaderAnalyzer vader;
    private static AfinnAnalyzer afinn;

    @BeforeAll
    static void load() {
        DatasetStore store = new DatasetStore(TestHome.get().datasets());
        vader = VaderAnalyzer.create(VaderLexicon.load(store, ProgressMonitor.silent()));
        afinn = AfinnAnalyzer.create(Afinn.load(store, ProgressMonitor.silent()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "VADER is smart, handsome, and funny.|0.8316",
                "VADER is VERY SMART, handsome, and FUNNY!!!|0.9342",
                "The book was kind of good.|0.3832",
                "At least it is not the worst movie ever|0.5096",
                "Not bad at all|-0.5423",
                "Today SUX!|-0.5461",
                "The food here is not very good, but the service is great :)|0.8701",
                "I never so much as liked it?? No way!!!!|0.5254"
            })
    void vaderMatchesTheOriginalCompoundScore(String text, double expected) {
        assertThat(vader.scores(text).compound()).isCloseTo(expected, within(5.01e-5));
    }

    @Test
    void vaderSharesMatchTheOriginal() {
        VaderScores s = vader.scores("VADER is smart, handsome, and funny.");

        assertThat(s.positive()).isCloseTo(0.746, within(5e-4));
        assertThat(s.neutral()).isCloseTo(0.254, within(5e-4));
        assertThat(s.negative()).isZero();
        assertThat(vader.scores("").compound()).isZero();
    }

    @Test
    void afinnFlipsAWordAfterANegator() {
        assertThat(afinn.score("This is good")).isEqualTo(3);
        assertThat(afinn.score("This is not good")).isEqualTo(-3);
        assertThat(afinn.score("Good case, Excellent value.")).isEqualTo(6);
        assertThat(afinn.analyze("I hate it").isPositive()).isFalse();
        assertThat(afinn.analyze("the table").positive()).isEqualTo(0.5);
    }
}
