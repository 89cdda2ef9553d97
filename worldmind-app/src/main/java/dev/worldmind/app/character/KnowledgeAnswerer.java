package dev.worldmind.app.character;

import dev.worldmind.model.language.TextEmbedder;
import dev.worldmind.model.language.retrieval.Chunker;
import dev.worldmind.model.language.retrieval.HybridIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers a question from a character's knowledge, or declines: hybrid retrieval (MiniLM meaning
 * plus Lucene BM25 words), then the sentence that best answers the question asked: similar in
 * meaning, sharing its rare words, and of the right {@link AnswerType}. It declines when even the
 * best passage is far from the question, when no sentence is of the type asked for, or when the
 * question names something the character's knowledge never mentions. Thresholds are {@link Tuning},
 * chosen on the dev half of the visitor question banks. Stateless and thread-safe.
 */
final class KnowledgeAnswerer {
    /**
     * The numbers the answerer decides by; {@link #DEFAULT} was chosen on the dev split of the
     * visitor question banks (see docs/models/dialogue.md).
     *
     * @param wordWeight how much BM25 counts beside meaning when ranking passages
     * @param minScore the least hybrid score of the best passage for an answer
     * @param lexicalWeight how much sharing the question's words counts when choosing a sentence
     * @param typeWeight how much being of the asked type counts when choosing a sentence
     * @param unknownMeaning the least meaning score of the best passage when the question has a
     *     word the character's knowledge never uses ("sunflowers", "born"): below it, the question
     *     is about something the character does not know
     */
    record Tuning(
            double wordWeight,
            double minScore,
            double lexicalWeight,
            double typeWeight,
            double unknownMeaning) {
        static final Tuning DEFAULT = new Tuning(0.35, 0.42, 0.3, 0.2, 0.45);
    }

    /**
     * Stems that say nothing about the subject, so their absence from the knowledge is no sign
     * (function words and chat fillers never reach here: the index drops them).
     */
    private static final Set<String> FILLER =
            Set.of(
                    "much",
                    "mani",
                    "veri",
                    "good",
                    "nice",
                    "best",
                    "help",
                    "need",
                    "look",
                    "find",
                    "see",
                    "todai",
                    "question",
                    "someth",
                    "anyth",
                    "everyth",
                    "exactli",
                    "actual",
                    "realli",
                    "mean",
                    "sai",
                    "tho",
                    "tbh",
                    "idk",
                    "abl",
                    "tri",
                    "try",
                    "show",
                    "cool",
                    "sure",
                    "mondai",
                    "tuesdai",
                    "wednesdai",
                    "thursdai",
                    "fridai",
                    "saturdai",
                    "sundai",
                    "weekend",
                    "weekdai");

    /**
     * An answer.
     *
     * @param sentences what to say, in order
     * @param sources the documents' titles it came from, best first
     * @param score the best passage's hybrid score
     */
    record Found(List<String> sentences, List<String> sources, double score) {}

    private static final int PASSAGES = 4;
    private static final int MAX_SENTENCES = 3;
    private static final int MAX_WORDS = 70;
    private static final double PASSAGE_SPREAD = 0.1;
    private static final Pattern AVAILABILITY =
            Pattern.compile(
                    "\\b(?:do (?:you|u|they|we) (?:have|sell|stock|carry|do|make)|have (?:you|u) got|is there"
                            + "|are there|(?:do|does|can) (?:it|they|this|that|these|those|the(?: [\\w-]+){1,3})"
                            + " come in|any chance of|can i (?:get|buy|order))\\b",
                    Pattern.CASE_INSENSITIVE);

    /** The stems of asking whether there is something: not what is asked about. */
    private static final Set<String> ASKING =
            Set.of("sell", "stock", "carri", "come", "make", "bui", "order", "avail", "offer");

    private static final Pattern LIFE_DATES =
            Pattern.compile(
                    "\\b(?:lived|born|died)\\b|\\(\\d{4}\\s*[-–]\\s*\\d{4}\\)",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern BIRTH =
            Pattern.compile(
                    "\\bborn\\b|\\blived from \\d|\\(\\d{4}\\s*[-–]", Pattern.CASE_INSENSITIVE);
    private static final Pattern DEATH =
            Pattern.compile(
                    "\\b(?:died|death)\\b|\\blived from \\d{4} to \\d|[-–]\\s*\\d{4}\\)",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern ABOUT_LIFE =
            Pattern.compile(
                    "\\b(?:born|die|died|death|live|lived|life|old was)\\b",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern DEPENDENT =
            Pattern.compile(
                    "(it|its|they|their|them|this|these|that|those|he|she|his|her|then|there|"
                            + "behind it|next|also)\\b",
                    Pattern.CASE_INSENSITIVE);

    private final Tuning tuning;

    KnowledgeAnswerer(Tuning tuning) {
        this.tuning = tuning;
    }

    Tuning tuning() {
        return tuning;
    }

    /**
     * Scores how well a character's knowledge covers a question: its best passage's hybrid score.
     *
     * @param index the character's knowledge
     * @param query the question
     * @param vector its embedding
     */
    double coverage(HybridIndex index, String query, float[] vector) {
        List<HybridIndex.Hit> hits = index.search(query, vector, tuning.wordWeight(), 1);
        return hits.isEmpty() ? 0 : hits.get(0).score(tuning.wordWeight());
    }

    /**
     * Returns whether a character's knowledge is about what a question asks, not only shares a word
     * with it ("how do I get to Paris" shares Paris with the museum, and means nothing there): no
     * word the knowledge never uses, or a close enough meaning.
     */
    boolean understands(HybridIndex index, String question, String query, float[] vector) {
        List<HybridIndex.Hit> hits = index.search(query, vector, tuning.wordWeight(), 1);
        if (hits.isEmpty()) {
            return false;
        }
        return unknownTerms(index, question).isEmpty()
                || hits.get(0).meaning() >= tuning.unknownMeaning();
    }

    private static Set<String> unknownTerms(HybridIndex index, String question) {
        Set<String> unknown = new HashSet<>(index.unknownTerms(question));
        unknown.removeAll(FILLER);
        unknown.removeIf(t -> t.length() < 3 || t.chars().anyMatch(Character::isDigit));
        return unknown;
    }

    /**
     * Answers from the knowledge, or returns empty to decline.
     *
     * @param index the character's knowledge
     * @param question the question as asked
     * @param query what to search for (the question, perhaps with the turn it follows up)
     * @param vector the query's embedding
     * @param said what the character already said in this conversation, to avoid repeating it
     */
    Optional<Found> answer(
            HybridIndex index,
            String question,
            AnswerType type,
            String query,
            float[] vector,
            String said) {
        double w = tuning.wordWeight();
        List<HybridIndex.Hit> hits = index.search(query, vector, w, PASSAGES);
        if (hits.isEmpty() || hits.get(0).score(w) < tuning.minScore()) {
            return Optional.empty();
        }
        double best = hits.get(0).score(w);
        Set<String> unknown = unknownTerms(index, question);
        boolean availability = AVAILABILITY.matcher(question).find();
        if (!unknown.isEmpty()
                && (hits.get(0).meaning() < tuning.unknownMeaning() || availability)) {
            // It names something the character never mentions, or asks whether there is such a
            // thing ("do you have the scarf in navy?"): the knowledge cannot say yes.
            return Optional.empty();
        }
        if (availability && !covers(index, hits.get(0), question)) {
            // "does the scarf come in navy": the scarf's passage must say navy, not another's.
            return Optional.empty();
        }
        Set<String> asked = new HashSet<>(index.terms(query));
        int bestPassage = -1;
        int bestSentence = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        boolean bestFits = false;
        List<double[]> scores = new ArrayList<>();
        for (int p = 0; p < hits.size(); p++) {
            HybridIndex.Hit hit = hits.get(p);
            List<String> sentences = index.sentences(hit.ordinal());
            float[][] vectors = index.sentenceVectors(hit.ordinal());
            double[] s = new double[sentences.size()];
            for (int i = 0; i < s.length; i++) {
                String sentence = sentences.get(i);
                boolean fits = type.fits(sentence);
                if (fits && type == AnswerType.WHEN) {
                    // "when was it made" is not answered by the maker's life dates, nor "when was
                    // she born" by the year of her death.
                    fits =
                            ABOUT_LIFE.matcher(question).find()
                                    ? lifeAnswers(question, sentence)
                                    : !LIFE_DATES.matcher(sentence).find();
                }
                double score =
                        TextEmbedder.cosine(vector, vectors[i])
                                + tuning.lexicalWeight() * overlap(asked, index.terms(sentence))
                                + (fits ? tuning.typeWeight() : 0)
                                + (hit.score(w) - best)
                                + (i == 0 ? 0.02 : 0);
                if (said.contains(sentence)) {
                    score -= 0.5;
                }
                s[i] = score;
                // A sentence of the kind asked for wins over any that is not; only prices and
                // opening hours must be stated to be answered at all.
                boolean usable = (fits || !type.strict()) && hit.score(w) >= best - PASSAGE_SPREAD;
                if (usable && (fits && !bestFits || fits == bestFits && score > bestScore)) {
                    bestScore = score;
                    bestFits = fits;
                    bestPassage = p;
                    bestSentence = i;
                }
            }
            scores.add(s);
        }
        if (bestPassage < 0) {
            return Optional.empty(); // nothing of the kind asked for
        }
        HybridIndex.Hit hit = hits.get(bestPassage);
        List<String> sentences = index.sentences(hit.ordinal());
        List<String> chosen = excerpt(sentences, scores.get(bestPassage), bestSentence, type);
        List<String> sources = new ArrayList<>();
        sources.add(hit.passage().title());
        return Optional.of(new Found(chosen, sources, best));
    }

    /**
     * Grows the best sentence into a short, contiguous excerpt: the sentence before when it leans
     * on it (a pronoun), and the next ones while they stay relevant; a "why" answer takes its
     * reason, which usually follows.
     */
    private static List<String> excerpt(
            List<String> sentences, double[] score, int best, AnswerType type) {
        int from = best;
        int to = best;
        int words = Chunker.wordCount(sentences.get(best));
        if (from > 0
                && DEPENDENT.matcher(sentences.get(from)).lookingAt()
                && words + Chunker.wordCount(sentences.get(from - 1)) <= MAX_WORDS) {
            from--;
            words += Chunker.wordCount(sentences.get(from));
        }
        double margin = type == AnswerType.GENERAL || type == AnswerType.WHY ? 0.18 : 0.1;
        while (to - from + 1 < MAX_SENTENCES && to + 1 < sentences.size()) {
            int next = to + 1;
            int n = Chunker.wordCount(sentences.get(next));
            boolean relevant = score[next] >= score[best] - margin;
            boolean tooShort = words < 20;
            if (!(relevant || tooShort) || words + n > MAX_WORDS) {
                break;
            }
            to = next;
            words += n;
        }
        return List.copyOf(sentences.subList(from, to + 1));
    }

    /** Returns whether a sentence gives the part of a life a question asks about. */
    private static boolean lifeAnswers(String question, String sentence) {
        String q = question.toLowerCase(java.util.Locale.ROOT);
        if (q.contains("born")) {
            return BIRTH.matcher(sentence).find();
        }
        if (q.contains("die") || q.contains("death")) {
            return DEATH.matcher(sentence).find();
        }
        return LIFE_DATES.matcher(sentence).find();
    }

    /** Returns whether a passage names everything a question asks about (numbers included). */
    private static boolean covers(HybridIndex index, HybridIndex.Hit hit, String question) {
        Set<String> has =
                new HashSet<>(index.terms(hit.passage().title() + " " + hit.passage().text()));
        for (String t : index.terms(question)) {
            if (!has.contains(t) && !FILLER.contains(t) && !ASKING.contains(t)) {
                return false;
            }
        }
        return true;
    }

    private static double overlap(Set<String> asked, List<String> sentence) {
        if (asked.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String t : new HashSet<>(sentence)) {
            if (asked.contains(t)) {
                shared++;
            }
        }
        return (double) shared / asked.size();
    }
}
