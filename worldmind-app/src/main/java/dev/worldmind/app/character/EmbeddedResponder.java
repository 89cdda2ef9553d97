package dev.worldmind.app.character;

import dev.worldmind.model.language.TextEmbedder;
import dev.worldmind.model.language.retrieval.Chunker;
import dev.worldmind.model.language.retrieval.KnowledgeIndex;
import dev.worldmind.model.language.retrieval.RetrievalHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Answers a visitor without any LLM: it retrieves the character's best passages for the question,
 * picks the few sentences in them most similar to the question, and wraps them in the character's
 * own opener (chosen by the visitor's emotion) and closer. If even the best passage is less similar
 * than the threshold, the character says honestly that it does not know. Greetings, thanks and
 * goodbyes get the character's small-talk lines. Choices among lines are seeded by the text, so the
 * same question gets the same answer. Stateless and thread-safe.
 */
public final class EmbeddedResponder {
    /**
     * The least cosine similarity (all-MiniLM-L6-v2, question vs. title + passage) for an answer
     * from knowledge, tuned on the built-in evaluation questions ({@link RetrievalEvaluation}): of
     * 120 answerable and 20 unanswerable questions, 0.37 wrongly declines 4 and rightly declines
     * 16; 0.30 declines only 12 of the unanswerable ones, and 0.44 already declines 15 answerable
     * ones.
     */
    public static final double DEFAULT_THRESHOLD = 0.37;

    private static final int PASSAGES = 3;
    private static final int MAX_SENTENCES = 3;
    private static final int MAX_WORDS = 70;
    private static final int MIN_WORDS = 12;
    private static final double LEAD_BONUS = 0.03;
    private static final double NEIGHBOUR_MARGIN = 0.12;
    // A sentence that leans on the one before it.
    private static final Pattern DEPENDENT =
            Pattern.compile(
                    "(it|its|they|their|them|this|these|that|those|he|she|his|her|then|there|"
                            + "behind it|next|also)\\b",
                    Pattern.CASE_INSENSITIVE);

    private static final Pattern GREETING =
            Pattern.compile(
                    "^(hi|hello|hey|hiya|howdy|greetings|good (morning|afternoon|evening|day)|hallo|yo)"
                            + "( there| everyone| all| again)?([, ]+[a-z]+)?[ !.]*$");
    private static final Pattern THANKS =
            Pattern.compile(
                    "^((many |thanks|thank you|thx|ta|cheers|much appreciated|that'?s (very )?helpful)"
                            + "[a-z ,']*)[ !.]*$");
    private static final Pattern FAREWELL =
            Pattern.compile(
                    "^(bye|goodbye|good bye|see you|see ya|farewell|good night|cya|take care|"
                            + "i have to go|i'?m off|i must go)[a-z ,']*[ !.]*$");

    private final double threshold;

    private EmbeddedResponder(double threshold) {
        this.threshold = threshold;
    }

    /** Returns a responder with the {@link #DEFAULT_THRESHOLD}. */
    public static EmbeddedResponder create() {
        return new EmbeddedResponder(DEFAULT_THRESHOLD);
    }

    /**
     * Returns a responder with its own threshold.
     *
     * @param threshold the least similarity of the best passage for an answer from knowledge
     */
    public static EmbeddedResponder create(double threshold) {
        return new EmbeddedResponder(threshold);
    }

    /** Returns the least similarity of the best passage for an answer from knowledge. */
    public double threshold() {
        return threshold;
    }

    /**
     * A reply.
     *
     * @param text what the character says
     * @param grounded whether it is drawn from the character's knowledge (false for small talk and
     *     "I don't know")
     * @param sources the passages it is drawn from, best first; empty when not grounded
     */
    public record Answer(String text, boolean grounded, List<RetrievalHit> sources) {
        public Answer {
            Objects.requireNonNull(text, "text");
            sources = List.copyOf(sources);
        }
    }

    /**
     * Answers a visitor.
     *
     * @param character who answers
     * @param index the character's knowledge, built from {@link CharacterDefinition#passages(int)}
     * @param userText what the visitor said
     * @param recentTurns the last few turns of the conversation, oldest first (either side; used to
     *     resolve short follow-ups such as "how much is it?" and to avoid repeating itself)
     * @param emotion the visitor's detected emotion (joy, trust, sadness, anger, ...), or null
     * @return the answer
     */
    public Answer answer(
            CharacterDefinition character,
            KnowledgeIndex index,
            String userText,
            List<String> recentTurns,
            String emotion) {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(index, "index");
        SpeakingStyle style = character.style();
        String text = userText == null ? "" : userText.strip();
        String seed = text.toLowerCase(Locale.ROOT);
        String plain = seed.replaceAll("[^a-z' ,!.]", "").strip();
        if (text.isEmpty() || GREETING.matcher(plain).matches()) {
            return smallTalk(pick(style.greetings(), seed, 1));
        }
        if (THANKS.matcher(plain).matches()) {
            return smallTalk(pick(style.thanks(), seed, 2));
        }
        if (FAREWELL.matcher(plain).matches()) {
            return smallTalk(pick(style.farewells(), seed, 3));
        }
        List<String> turns = recentTurns == null ? List.of() : recentTurns;
        List<RetrievalHit> hits = index.search(text, PASSAGES);
        if (!turns.isEmpty() && (hits.isEmpty() || hits.get(0).score() < threshold)) {
            // A short follow-up ("and how much is it?") may only make sense with the last turn.
            List<RetrievalHit> withContext =
                    index.search(turns.get(turns.size() - 1) + " " + text, PASSAGES);
            if (!withContext.isEmpty()
                    && (hits.isEmpty() || withContext.get(0).score() > hits.get(0).score())) {
                hits = withContext;
            }
        }
        if (hits.isEmpty() || hits.get(0).score() < threshold) {
            return new Answer(pick(style.unknown(), seed, 4), false, List.of());
        }
        List<RetrievalHit> sources = new ArrayList<>();
        for (RetrievalHit hit : hits) {
            // Passages much weaker than the best one would drift off the question.
            if (hit.score() >= hits.get(0).score() - 0.08) {
                sources.add(hit);
            }
        }
        String body = String.join(" ", bestSentences(index.embedder(), text, sources, turns));
        String opener = pick(style.openersFor(emotion), seed, 5);
        StringBuilder reply = new StringBuilder(opener).append(' ').append(body);
        if (!style.disclaimer().isEmpty()) {
            reply.append(' ').append(style.disclaimer());
        } else if (Math.floorMod(seed.hashCode() * 31 + 7, 2) == 0) {
            // A closer on about half the answers keeps replies from sounding scripted.
            reply.append(' ').append(pick(style.closers(), seed, 6));
        }
        return new Answer(reply.toString(), true, sources);
    }

    /**
     * Picks one short, contiguous excerpt: the sentence most similar to the question, grown with
     * its neighbours in the same passage while they are nearly as relevant. Neighbours rather than
     * the next-best sentences from anywhere, because a pronoun ("it", "they") at the start of a
     * sentence refers to the sentence before it, and scattered sentences read like a dump.
     */
    private List<String> bestSentences(
            TextEmbedder embedder,
            String question,
            List<RetrievalHit> sources,
            List<String> turns) {
        List<List<String>> sentences = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (RetrievalHit hit : sources) {
            List<String> s = Chunker.sentences(hit.passage().text());
            sentences.add(s);
            texts.addAll(s);
        }
        float[] q = embedder.embed(question);
        float[][] vectors = embedder.embed(texts);
        String said = String.join(" ", turns);
        double[][] scores = new double[sentences.size()][];
        int bestPassage = 0;
        int bestSentence = 0;
        int v = 0;
        for (int p = 0; p < sentences.size(); p++) {
            scores[p] = new double[sentences.get(p).size()];
            for (int s = 0; s < scores[p].length; s++, v++) {
                // Favour the best passage a little, as its sentences share the context that won,
                // and a passage's first sentence, which usually states its point.
                double score =
                        TextEmbedder.cosine(q, vectors[v])
                                + (p == 0 ? 0.05 : 0.0)
                                + (s == 0 ? LEAD_BONUS : 0.0);
                if (said.contains(sentences.get(p).get(s))) {
                    score -= 0.5; // already said in this conversation
                }
                scores[p][s] = score;
                if (score > scores[bestPassage][bestSentence]) {
                    bestPassage = p;
                    bestSentence = s;
                }
            }
        }
        List<String> passage = sentences.get(bestPassage);
        double[] score = scores[bestPassage];
        int from = bestSentence;
        int to = bestSentence; // inclusive
        int words = Chunker.wordCount(passage.get(from));
        if (from > 0
                && DEPENDENT.matcher(passage.get(from)).lookingAt()
                && words + Chunker.wordCount(passage.get(from - 1)) <= MAX_WORDS) {
            from--;
            words += Chunker.wordCount(passage.get(from));
        }
        while (to - from + 1 < MAX_SENTENCES) {
            int before = from - 1;
            int after = to + 1;
            double b = before >= 0 ? score[before] : Double.NEGATIVE_INFINITY;
            double a = after < passage.size() ? score[after] : Double.NEGATIVE_INFINITY;
            boolean takeAfter = a >= b;
            int next = takeAfter ? after : before;
            if (next < 0 || next >= passage.size()) {
                break;
            }
            int n = Chunker.wordCount(passage.get(next));
            boolean relevant = Math.max(a, b) >= score[bestSentence] - NEIGHBOUR_MARGIN;
            // A very short excerpt ("Emergency numbers differ by country.") needs what follows.
            boolean tooShort = words < MIN_WORDS && takeAfter;
            if (!(relevant || tooShort) || words + n > MAX_WORDS) {
                break;
            }
            if (takeAfter) {
                to = after;
            } else {
                from = before;
            }
            words += n;
        }
        return passage.subList(from, to + 1);
    }

    private static Answer smallTalk(String line) {
        return new Answer(line, false, List.of());
    }

    private static String pick(List<String> lines, String seed, int salt) {
        return lines.get(Math.floorMod(seed.hashCode() * 31 + salt, lines.size()));
    }
}
