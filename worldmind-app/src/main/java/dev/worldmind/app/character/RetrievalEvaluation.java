package dev.worldmind.app.character;

import dev.worldmind.model.language.TextEmbedder;
import dev.worldmind.model.language.retrieval.Chunker;
import dev.worldmind.model.language.retrieval.KnowledgeIndex;
import dev.worldmind.model.language.retrieval.RetrievalHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How well each character's knowledge index finds the document that answers a visitor's question,
 * measured on the library's evaluation questions: hit@1 and hit@3 (a passage of the expected
 * document ranked first / in the top three) for answerable questions, and for unanswerable ones how
 * often the best score falls below the "I don't know" threshold.
 *
 * @param embedder the embedder's name
 * @param threshold the "I don't know" threshold used
 * @param characters one score per character with questions
 */
public record RetrievalEvaluation(
        String embedder, double threshold, List<CharacterScore> characters) {
    public RetrievalEvaluation {
        Objects.requireNonNull(embedder, "embedder");
        characters = List.copyOf(characters);
    }

    /**
     * One character's figures.
     *
     * @param characterId the character
     * @param passages how many passages its knowledge was cut into
     * @param answerable how many questions its knowledge answers
     * @param hitsAt1 how many of those ranked a passage of the expected document first
     * @param hitsAt3 ... in the top three
     * @param wronglyDeclined answerable questions whose best score fell below the threshold
     * @param unanswerable how many questions its knowledge does not answer
     * @param correctlyDeclined how many of those fell below the threshold
     * @param misses the answerable questions missed at 1, with the document ranked first instead
     */
    public record CharacterScore(
            String characterId,
            int passages,
            int answerable,
            int hitsAt1,
            int hitsAt3,
            int wronglyDeclined,
            int unanswerable,
            int correctlyDeclined,
            List<String> misses) {
        public CharacterScore {
            misses = List.copyOf(misses);
        }

        /** Returns hit@1 as a fraction of the answerable questions. */
        public double hitAt1() {
            return answerable == 0 ? 0 : (double) hitsAt1 / answerable;
        }

        /** Returns hit@3 as a fraction of the answerable questions. */
        public double hitAt3() {
            return answerable == 0 ? 0 : (double) hitsAt3 / answerable;
        }

        /** Returns the fraction of unanswerable questions met with "I don't know". */
        public double declineAccuracy() {
            return unanswerable == 0 ? 0 : (double) correctlyDeclined / unanswerable;
        }
    }

    /**
     * The least cosine similarity of the best passage for an answer in this dense-only evaluation
     * (the dialogue manager's own thresholds are in {@link KnowledgeAnswerer.Tuning}).
     */
    public static final double DEFAULT_THRESHOLD = 0.37;

    /**
     * Evaluates every character with the default threshold.
     *
     * @param library the characters and their questions
     * @param embedder the embedder to index and query with
     */
    public static RetrievalEvaluation run(CharacterLibrary library, TextEmbedder embedder) {
        return run(library, embedder, DEFAULT_THRESHOLD);
    }

    /**
     * Evaluates every character.
     *
     * @param library the characters and their questions
     * @param embedder the embedder to index and query with
     * @param threshold the "I don't know" threshold
     */
    public static RetrievalEvaluation run(
            CharacterLibrary library, TextEmbedder embedder, double threshold) {
        List<CharacterScore> scores = new ArrayList<>();
        for (CharacterDefinition c : library.all()) {
            List<RetrievalQuestion> questions = library.questions(c.id());
            if (questions.isEmpty()) {
                continue;
            }
            KnowledgeIndex index =
                    KnowledgeIndex.build(c.passages(Chunker.DEFAULT_MAX_WORDS), embedder);
            int answerable = 0;
            int at1 = 0;
            int at3 = 0;
            int wronglyDeclined = 0;
            int unanswerable = 0;
            int declined = 0;
            List<String> misses = new ArrayList<>();
            for (RetrievalQuestion q : questions) {
                List<RetrievalHit> hits = index.search(q.question(), 3);
                boolean below = hits.isEmpty() || hits.get(0).score() < threshold;
                if (!q.answerable()) {
                    unanswerable++;
                    declined += below ? 1 : 0;
                    continue;
                }
                answerable++;
                wronglyDeclined += below ? 1 : 0;
                boolean first =
                        !hits.isEmpty()
                                && hits.get(0)
                                        .passage()
                                        .documentId()
                                        .equals(q.expectedDocumentId());
                boolean top3 =
                        hits.stream()
                                .anyMatch(
                                        h ->
                                                h.passage()
                                                        .documentId()
                                                        .equals(q.expectedDocumentId()));
                at1 += first ? 1 : 0;
                at3 += top3 ? 1 : 0;
                if (!first) {
                    misses.add(
                            q.question()
                                    + " -> "
                                    + (hits.isEmpty()
                                            ? "nothing"
                                            : hits.get(0).passage().documentId())
                                    + " (expected "
                                    + q.expectedDocumentId()
                                    + ")");
                }
            }
            scores.add(
                    new CharacterScore(
                            c.id(),
                            index.size(),
                            answerable,
                            at1,
                            at3,
                            wronglyDeclined,
                            unanswerable,
                            declined,
                            misses));
        }
        return new RetrievalEvaluation(embedder.name(), threshold, scores);
    }

    /** Returns the figures as a plain-text table, one row per character and a total. */
    public String toTable() {
        StringBuilder out = new StringBuilder();
        out.append(
                String.format(
                        Locale.ROOT,
                        "retrieval with %s, \"I don't know\" below %.2f%n",
                        embedder,
                        threshold));
        out.append(
                String.format(
                        Locale.ROOT,
                        "%-12s %8s %10s %7s %7s %9s %13s%n",
                        "character",
                        "passages",
                        "questions",
                        "hit@1",
                        "hit@3",
                        "declined",
                        "idk accuracy"));
        int n = 0;
        int a1 = 0;
        int a3 = 0;
        int wrong = 0;
        int un = 0;
        int dec = 0;
        for (CharacterScore s : characters) {
            out.append(
                    row(
                            s.characterId(),
                            s.passages(),
                            s.answerable(),
                            s.hitAt1(),
                            s.hitAt3(),
                            s.wronglyDeclined(),
                            s.correctlyDeclined(),
                            s.unanswerable()));
            n += s.answerable();
            a1 += s.hitsAt1();
            a3 += s.hitsAt3();
            wrong += s.wronglyDeclined();
            un += s.unanswerable();
            dec += s.correctlyDeclined();
        }
        int passages = characters.stream().mapToInt(CharacterScore::passages).sum();
        out.append(
                row(
                        "all",
                        passages,
                        n,
                        n == 0 ? 0 : (double) a1 / n,
                        n == 0 ? 0 : (double) a3 / n,
                        wrong,
                        dec,
                        un));
        return out.toString();
    }

    private static String row(
            String name,
            int passages,
            int questions,
            double at1,
            double at3,
            int wronglyDeclined,
            int declined,
            int unanswerable) {
        return String.format(
                Locale.ROOT,
                "%-12s %8d %10d %7.3f %7.3f %9d %13s%n",
                name,
                passages,
                questions,
                at1,
                at3,
                wronglyDeclined,
                declined + "/" + unanswerable);
    }
}
