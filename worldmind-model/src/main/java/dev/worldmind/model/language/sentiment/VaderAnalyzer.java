package dev.worldmind.model.language.sentiment;

import static dev.worldmind.model.language.sentiment.internal.VaderWords.B_DECR;
import static dev.worldmind.model.language.sentiment.internal.VaderWords.C_INCR;
import static dev.worldmind.model.language.sentiment.internal.VaderWords.N_SCALAR;

import dev.worldmind.data.catalog.VaderLexicon;
import dev.worldmind.model.language.sentiment.internal.VaderText;
import dev.worldmind.model.language.sentiment.internal.VaderWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * VADER (Hutto and Gilbert, 2014), a rule-based scorer for short informal text: lexicon valences
 * adjusted for negation within three words, booster and dampener words, words in capitals among
 * lowercase ones, a contrastive "but", "least", a few idioms, and exclamation and question marks,
 * summed and normalised to a compound score {@code x / sqrt(x^2 + 15)}.
 *
 * <p>A faithful port of the npm package {@code vader-sentiment} 1.1.3, quirks included (negation
 * words are matched case-sensitively, as in the original), so its compound scores agree with the
 * original's to the four decimals the original rounds to. Immutable and thread-safe.
 */
public final class VaderAnalyzer implements SentimentAnalyzer {
    private final Map<String, Double> lexicon;

    private VaderAnalyzer(VaderLexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon").valences();
    }

    /**
     * Creates an analyzer.
     *
     * @param lexicon the VADER lexicon
     * @return the analyzer
     */
    public static VaderAnalyzer create(VaderLexicon lexicon) {
        return new VaderAnalyzer(lexicon);
    }

    @Override
    public String name() {
        return "vader";
    }

    @Override
    public Sentiment analyze(String text) {
        return scores(text).toSentiment();
    }

    /**
     * Scores a text as VADER's {@code polarity_scores} does, without its rounding.
     *
     * @param text the text
     * @return its negative, neutral, positive and compound scores
     */
    public VaderScores scores(String text) {
        VaderText st = VaderText.of(text);
        List<String> words = st.words();
        List<Double> sentiments = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            String lower = lower(words.get(i));
            if ((i < words.size() - 1
                            && lower.equals("kind")
                            && lower(words.get(i + 1)).equals("of"))
                    || VaderWords.booster(lower) != null) {
                sentiments.add(0.0);
                continue;
            }
            sentiments.add(valence(st, i));
        }
        butCheck(words, sentiments);
        return scoreValence(sentiments, text);
    }

    private double valence(VaderText st, int index) {
        List<String> words = st.words();
        String item = words.get(index);
        Double base = lexicon.get(lower(item));
        if (base == null) {
            return 0;
        }
        double valence = base;
        if (VaderText.isUpper(item) && st.capDifferential()) {
            valence += valence > 0 ? C_INCR : -C_INCR;
        }
        for (int start = 0; start < 3; start++) {
            if (index > start && !lexicon.containsKey(lower(words.get(index - (start + 1))))) {
                double s =
                        scalarIncDec(words.get(index - (start + 1)), valence, st.capDifferential());
                if (start == 1 && s != 0) {
                    s *= 0.95;
                } else if (start == 2 && s != 0) {
                    s *= 0.9;
                }
                valence += s;
                valence = neverCheck(valence, words, start, index);
                if (start == 2) {
                    valence = idiomsCheck(valence, words, index);
                }
            }
        }
        return leastCheck(valence, words, index);
    }

    private static double scalarIncDec(String word, double valence, boolean capDifferential) {
        Double booster = VaderWords.booster(lower(word));
        if (booster == null) {
            return 0;
        }
        double scalar = valence < 0 ? -booster : booster;
        if (capDifferential && VaderText.isUpper(word)) {
            scalar += valence > 0 ? C_INCR : -C_INCR;
        }
        return scalar;
    }

    private static double neverCheck(double valence, List<String> w, int start, int index) {
        if (start == 0 && VaderWords.negates(w.get(index - 1))) {
            return valence * N_SCALAR;
        }
        if (start == 1) {
            if (w.get(index - 2).equals("never") && soOrThis(w.get(index - 1))) {
                return valence * 1.5;
            } else if (VaderWords.negates(w.get(index - 2))) {
                return valence * N_SCALAR;
            }
        }
        if (start == 2) {
            // The original tests the word right before the item here, not the one two before.
            if ((w.get(index - 3).equals("never") && soOrThis(w.get(index - 2)))
                    || soOrThis(w.get(index - 1))) {
                return valence * 1.25;
            } else if (VaderWords.negates(w.get(index - 3))) {
                return valence * N_SCALAR;
            }
        }
        return valence;
    }

    private static boolean soOrThis(String word) {
        return word.equals("so") || word.equals("this");
    }

    private static double idiomsCheck(double valence, List<String> w, int index) {
        String oneZero = w.get(index - 1) + " " + w.get(index);
        String twoOneZero = w.get(index - 2) + " " + w.get(index - 1) + " " + w.get(index);
        String twoOne = w.get(index - 2) + " " + w.get(index - 1);
        String threeTwoOne = w.get(index - 3) + " " + w.get(index - 2) + " " + w.get(index - 1);
        String threeTwo = w.get(index - 3) + " " + w.get(index - 2);
        for (String sequence : List.of(oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo)) {
            Double idiom = VaderWords.idiom(sequence);
            if (idiom != null) {
                valence = idiom;
                break;
            }
        }
        if (w.size() - 1 > index) {
            Double idiom = VaderWords.idiom(w.get(index) + " " + w.get(index + 1));
            if (idiom != null) {
                valence = idiom;
            }
        }
        if (w.size() - 1 > index + 1) {
            Double idiom =
                    VaderWords.idiom(
                            w.get(index) + " " + w.get(index + 1) + " " + w.get(index + 2));
            if (idiom != null) {
                valence = idiom;
            }
        }
        if (VaderWords.booster(threeTwo) != null || VaderWords.booster(twoOne) != null) {
            valence += B_DECR;
        }
        return valence;
    }

    private double leastCheck(double valence, List<String> w, int index) {
        boolean leastBefore =
                index > 0
                        && lower(w.get(index - 1)).equals("least")
                        && !lexicon.containsKey("least");
        if (leastBefore && index > 1) {
            String before = lower(w.get(index - 2));
            if (!before.equals("at") && !before.equals("very")) {
                return valence * N_SCALAR;
            }
            return valence;
        }
        return leastBefore ? valence * N_SCALAR : valence;
    }

    private static void butCheck(List<String> words, List<Double> sentiments) {
        int but = words.indexOf("but");
        if (but == -1) {
            but = words.indexOf("BUT");
        }
        if (but == -1) {
            return;
        }
        for (int i = 0; i < sentiments.size(); i++) {
            if (i < but) {
                sentiments.set(i, sentiments.get(i) * 0.5);
            } else if (i > but) {
                sentiments.set(i, sentiments.get(i) * 1.5);
            }
        }
    }

    private static VaderScores scoreValence(List<Double> sentiments, String text) {
        if (sentiments.isEmpty()) {
            return new VaderScores(0, 0, 0, 0);
        }
        double sum = 0;
        for (double s : sentiments) {
            sum += s;
        }
        double emphasis = exclamationEmphasis(text) + questionEmphasis(text);
        if (sum > 0) {
            sum += emphasis;
        } else if (sum < 0) {
            sum -= emphasis;
        }
        double compound = normalize(sum);
        double posSum = 0;
        double negSum = 0;
        int neutral = 0;
        for (double s : sentiments) {
            if (s > 0) {
                posSum += s + 1;
            } else if (s < 0) {
                negSum += s - 1;
            } else {
                neutral++;
            }
        }
        if (posSum > Math.abs(negSum)) {
            posSum += emphasis;
        } else if (posSum < Math.abs(negSum)) {
            negSum -= emphasis;
        }
        double total = posSum + Math.abs(negSum) + neutral;
        return new VaderScores(
                Math.abs(negSum / total),
                Math.abs(neutral / total),
                Math.abs(posSum / total),
                compound);
    }

    /**
     * Normalises a valence sum to [-1, 1] as VADER does: {@code x / sqrt(x^2 + 15)}.
     *
     * @param score the sum
     * @return the compound score
     */
    static double normalize(double score) {
        double norm = score / Math.sqrt(score * score + 15);
        return Math.max(-1, Math.min(1, norm));
    }

    private static double exclamationEmphasis(String text) {
        return Math.min(4, count(text, '!')) * 0.292;
    }

    private static double questionEmphasis(String text) {
        long marks = count(text, '?');
        if (marks <= 1) {
            return 0;
        }
        return marks <= 3 ? marks * 0.18 : 0.96;
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
