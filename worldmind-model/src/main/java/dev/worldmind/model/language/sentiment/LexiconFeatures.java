package dev.worldmind.model.language.sentiment;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.catalog.Afinn;
import dev.worldmind.data.catalog.VaderLexicon;
import dev.worldmind.data.store.DatasetStore;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hand-made sentiment features from the two lexicons, set beside a sentence embedding: what the
 * lexicons know about individual words and negation complements what the embedding knows about
 * meaning. Thread-safe.
 *
 * @param vader the VADER scorer
 * @param afinn the AFINN scorer
 */
public record LexiconFeatures(VaderAnalyzer vader, AfinnAnalyzer afinn) {
    /** The feature names, in order. */
    public static final List<String> NAMES =
            List.of(
                    "vader-compound",
                    "vader-positive",
                    "vader-negative",
                    "afinn-score",
                    "afinn-sign",
                    "negations",
                    "exclamations");

    private static final Set<String> NEGATIONS =
            Set.of(
                    "not", "no", "never", "nothing", "none", "nor", "neither", "cannot", "without",
                    "hardly", "dont", "cant", "wont", "isnt", "doesnt", "didnt", "wasnt");

    /**
     * Fetches the AFINN-165 and VADER lexicons if needed and builds both scorers.
     *
     * @param store the dataset store
     * @param progress where to report fetching
     * @return the features
     */
    public static LexiconFeatures load(DatasetStore store, ProgressMonitor progress) {
        return new LexiconFeatures(
                VaderAnalyzer.create(VaderLexicon.load(store, progress)),
                AfinnAnalyzer.create(Afinn.load(store, progress)));
    }

    /**
     * Computes the features of one text.
     *
     * @param text the text
     * @return {@link #NAMES}{@code .size()} values
     */
    public double[] of(String text) {
        VaderScores v = vader.scores(text);
        int score = afinn.score(text);
        int negations = 0;
        for (String word : AfinnAnalyzer.tokenize(text)) {
            if (NEGATIONS.contains(word) || word.endsWith("n't")) {
                negations++;
            }
        }
        return new double[] {
            v.compound(),
            v.positive(),
            v.negative(),
            Math.tanh(score / 4.0),
            Math.signum(score),
            Math.min(3, negations),
            Math.min(3, text.toLowerCase(Locale.ROOT).chars().filter(c -> c == '!').count())
        };
    }
}
