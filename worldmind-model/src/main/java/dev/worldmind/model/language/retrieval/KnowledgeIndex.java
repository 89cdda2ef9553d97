package dev.worldmind.model.language.retrieval;

import dev.worldmind.model.language.TextEmbedder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Passages and their sentence embeddings, searched by cosine similarity (exhaustively: a character
 * knows hundreds of passages, not millions). Immutable and thread-safe; it uses, but does not own,
 * the embedder, which must stay open while the index is searched.
 */
public final class KnowledgeIndex {
    private static final int BATCH = 32;

    private final List<Passage> passages;
    private final float[][] vectors;
    private final TextEmbedder embedder;

    private KnowledgeIndex(List<Passage> passages, float[][] vectors, TextEmbedder embedder) {
        this.passages = passages;
        this.vectors = vectors;
        this.embedder = embedder;
    }

    /**
     * Embeds the passages (title and text, see {@link Passage#embeddingText()}).
     *
     * @param passages the passages, with unique ids
     * @param embedder the embedder for passages and later for queries
     * @return the index
     */
    public static KnowledgeIndex build(List<Passage> passages, TextEmbedder embedder) {
        Objects.requireNonNull(embedder, "embedder");
        List<Passage> copy = List.copyOf(passages);
        Set<String> ids = new HashSet<>();
        for (Passage p : copy) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("duplicate passage id " + p.id());
            }
        }
        float[][] vectors = new float[copy.size()][];
        for (int start = 0; start < copy.size(); start += BATCH) {
            int end = Math.min(copy.size(), start + BATCH);
            List<String> texts = new ArrayList<>();
            for (Passage p : copy.subList(start, end)) {
                texts.add(p.embeddingText());
            }
            float[][] batch = embedder.embed(texts);
            System.arraycopy(batch, 0, vectors, start, batch.length);
        }
        return new KnowledgeIndex(copy, vectors, embedder);
    }

    /**
     * Finds the passages most similar in meaning to a query.
     *
     * @param query the question or statement
     * @param k how many hits at most
     * @return up to k hits, best first; ties keep passage order
     */
    public List<RetrievalHit> search(String query, int k) {
        Objects.requireNonNull(query, "query");
        if (passages.isEmpty() || k <= 0) {
            return List.of();
        }
        return search(embedder.embed(query), k);
    }

    /**
     * Finds the passages most similar to an already embedded query.
     *
     * @param queryVector a unit-length vector from this index's embedder
     * @param k how many hits at most
     * @return up to k hits, best first; ties keep passage order
     */
    public List<RetrievalHit> search(float[] queryVector, int k) {
        List<RetrievalHit> hits = new ArrayList<>(passages.size());
        for (int i = 0; i < passages.size(); i++) {
            hits.add(
                    new RetrievalHit(
                            passages.get(i), TextEmbedder.cosine(queryVector, vectors[i])));
        }
        hits.sort(Comparator.comparingDouble(RetrievalHit::score).reversed());
        return List.copyOf(hits.subList(0, Math.min(k, hits.size())));
    }

    /** Returns how many passages the index holds. */
    public int size() {
        return passages.size();
    }

    /** Returns the indexed passages, in the order given to {@link #build}. */
    public List<Passage> passages() {
        return passages;
    }

    /** Returns the embedder the index was built with, for embedding queries and sentences alike. */
    public TextEmbedder embedder() {
        return embedder;
    }
}
