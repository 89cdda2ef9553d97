package dev.worldmind.app.character;

import dev.worldmind.model.language.TextEmbedder;
import dev.worldmind.model.language.retrieval.Chunker;
import dev.worldmind.model.language.retrieval.KnowledgeIndex;
import dev.worldmind.model.language.retrieval.RetrievalHit;
import java.util.ArrayList;
import java.util.Comparator;
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
     * from knowledge. Tuned on the built-in evaluation questions: see {@link RetrievalEvaluation}.
     */
    public static final double DEFAULT_THRESHOLD = 0.37;

    private static final int PASSAGES = 3;
    private static final int MAX_SENTENCES = 3;
    private static final int MAX_WORDS = 70;

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
        // A closer on about half the answers keeps replies from sounding scripted.
        if (Math.floorMod(seed.hashCode() * 31 + 7, 2) == 0) {
            reply.append(' ').append(pick(style.closers(), seed, 6));
        }
        return new Answer(reply.toString(), true, sources);
    }

    private List<String> bestSentences(
            TextEmbedder embedder,
            String question,
            List<RetrievalHit> sources,
            List<String> turns) {
        record Candidate(int passage, int position, String text, double score) {}
        List<Candidate> candidates = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int p = 0; p < sources.size(); p++) {
            List<String> sentences = Chunker.sentences(sources.get(p).passage().text());
            for (int s = 0; s < sentences.size(); s++) {
                candidates.add(new Candidate(p, s, sentences.get(s), 0));
                texts.add(sentences.get(s));
            }
        }
        float[] q = embedder.embed(question);
        float[][] vectors = embedder.embed(texts);
        String said = String.join(" ", turns);
        List<Candidate> scored = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            // Favour the best passage a little: its sentences share the context that won retrieval.
            double score = TextEmbedder.cosine(q, vectors[i]) + (c.passage() == 0 ? 0.05 : 0.0);
            if (said.contains(c.text())) {
                score -= 0.5; // already said in this conversation
            }
            scored.add(new Candidate(c.passage(), c.position(), c.text(), score));
        }
        scored.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> chosen = new ArrayList<>();
        int words = 0;
        double best = scored.get(0).score();
        for (Candidate c : scored) {
            int n = Chunker.wordCount(c.text());
            boolean first = chosen.isEmpty();
            if (!first && (c.score() < best - 0.12 || words + n > MAX_WORDS)) {
                continue;
            }
            chosen.add(c);
            words += n;
            if (chosen.size() == MAX_SENTENCES) {
                break;
            }
        }
        // Read them in the order they were written, so that the reply flows like the source.
        chosen.sort(
                Comparator.comparingInt(Candidate::passage).thenComparingInt(Candidate::position));
        return chosen.stream().map(Candidate::text).toList();
    }

    private static Answer smallTalk(String line) {
        return new Answer(line, false, List.of());
    }

    private static String pick(List<String> lines, String seed, int salt) {
        return lines.get(Math.floorMod(seed.hashCode() * 31 + salt, lines.size()));
    }
}
