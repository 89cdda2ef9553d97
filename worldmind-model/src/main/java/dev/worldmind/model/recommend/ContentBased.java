package dev.worldmind.model.recommend;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import dev.worldmind.model.language.TextEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Recommends items whose descriptions read like those the user interacted with: every item's text
 * is embedded once (e.g. by {@code MiniLmEmbedder}), a user is the weighted mean of their history's
 * item vectors, and an item's score is its cosine with that mean. It needs no interactions with an
 * item, so it covers new items that collaborative filtering cannot score yet. Items without text
 * get a zero vector and the score {@link #NO_TEXT_SCORE}, below any cosine: they are never ranked
 * above an item that has text. Immutable and thread-safe; it does not own the embedder.
 */
public final class ContentBased implements RecommenderAlgorithm {
    /** The algorithm's name. */
    public static final String NAME = "content";

    /** The score of an item without text: just below the lowest possible cosine, -1. */
    public static final float NO_TEXT_SCORE = Math.nextDown(-1f);

    private final TextEmbedder embedder;
    private final Map<String, String> texts;

    private ContentBased(TextEmbedder embedder, Map<String, String> texts) {
        this.embedder = embedder;
        this.texts = texts;
    }

    /**
     * Configures the algorithm.
     *
     * @param embedder e.g. {@code MiniLmEmbedder.create()}; the caller keeps owning and closing it
     * @param texts item id to text; items missing here have no text
     * @return the algorithm
     */
    public static ContentBased of(TextEmbedder embedder, Map<String, String> texts) {
        return new ContentBased(
                Objects.requireNonNull(embedder, "embedder"),
                Map.copyOf(Objects.requireNonNull(texts, "texts")));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("embedder", embedder.name(), "texts", texts.size());
    }

    /**
     * Embeds the texts of {@code train}'s items. Interactions are not needed, only the items'
     * numbering, so a matrix built over the whole catalogue with {@link
     * InteractionMatrix#of(java.util.Collection, List, List)} covers items nobody has touched.
     *
     * @throws InvalidDataException if {@code train} has no items or none of them has a text
     */
    @Override
    public Recommender fit(InteractionMatrix train, ProgressMonitor progress) {
        if (train.items() == 0) {
            throw new InvalidDataException("cannot train " + NAME + " on no items");
        }
        int dim = embedder.dimension();
        List<Integer> described = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < train.items(); i++) {
            String text = texts.get(train.itemId(i));
            if (text != null && !text.isBlank()) {
                described.add(i);
                batch.add(text);
            }
        }
        if (described.isEmpty()) {
            throw new InvalidDataException(
                    NAME + ": none of the " + train.items() + " items has a text");
        }
        progress.info(
                NAME
                        + ": embedding "
                        + batch.size()
                        + " of "
                        + train.items()
                        + " items' texts with "
                        + embedder.name());
        float[][] vectors = embedder.embed(batch);
        float[] embeddings = new float[train.items() * dim];
        for (int k = 0; k < vectors.length; k++) {
            if (vectors[k].length != dim) {
                throw new InvalidDataException(
                        embedder.name() + " gave " + vectors[k].length + " numbers, not " + dim);
            }
            System.arraycopy(vectors[k], 0, embeddings, described.get(k) * dim, dim);
        }
        return new Model(embedder.name(), dim, embeddings);
    }

    /**
     * Rebuilds a trained content recommender (no embedder is needed: the item vectors are stored).
     *
     * @param p parameters from its {@link Recommender#parameters()}
     * @return the recommender
     * @throws InvalidDataException if the parameters are not content's or are inconsistent
     */
    public static Recommender fromParameters(Parameters p) {
        if (!NAME.equals(p.algorithm())) {
            throw new InvalidDataException("not " + NAME + " parameters: " + p.algorithm());
        }
        int dim = (int) p.number("dimension");
        float[] embeddings = p.floats("embeddings");
        if (dim < 1 || embeddings.length % dim != 0) {
            throw new InvalidDataException(
                    NAME + " parameters: " + embeddings.length + " numbers in rows of " + dim);
        }
        return new Model(p.text("embedder"), dim, embeddings);
    }

    /** The items' unit vectors, row-major; all-zero rows for items without text. */
    private static final class Model implements Recommender {
        private final String embedderName;
        private final int dim;
        private final float[] embeddings;
        private final boolean[] hasText;

        Model(String embedderName, int dim, float[] embeddings) {
            this.embedderName = embedderName;
            this.dim = dim;
            this.embeddings = embeddings;
            this.hasText = new boolean[embeddings.length / dim];
            for (int i = 0; i < hasText.length; i++) {
                for (int d = 0; d < dim && !hasText[i]; d++) {
                    hasText[i] = embeddings[i * dim + d] != 0;
                }
            }
        }

        @Override
        public String algorithm() {
            return NAME;
        }

        @Override
        public int items() {
            return hasText.length;
        }

        /** The cosine of each item with the history's weighted mean vector. */
        @Override
        public float[] score(int user, SparseVector history) {
            float[] profile = new float[dim];
            for (int h = 0; h < history.size(); h++) {
                int j = history.index(h);
                if (j >= items()) {
                    throw new IllegalArgumentException(
                            "history item " + j + " is not in the catalogue of " + items());
                }
                float w = history.value(h);
                for (int d = 0; d < dim; d++) {
                    profile[d] += w * embeddings[j * dim + d];
                }
            }
            normalise(profile);
            return against(profile);
        }

        /** The cosine of each item's text with this item's; all {@link #NO_TEXT_SCORE} without. */
        @Override
        public float[] similarItems(int item) {
            float[] self = new float[dim];
            System.arraycopy(embeddings, item * dim, self, 0, dim);
            return against(self);
        }

        private float[] against(float[] unit) {
            float[] scores = new float[items()];
            for (int i = 0; i < scores.length; i++) {
                if (!hasText[i]) {
                    scores[i] = NO_TEXT_SCORE;
                    continue;
                }
                float dot = 0;
                int base = i * dim;
                for (int d = 0; d < dim; d++) {
                    dot += unit[d] * embeddings[base + d];
                }
                scores[i] = dot;
            }
            return scores;
        }

        private static void normalise(float[] v) {
            double sum = 0;
            for (float x : v) {
                sum += (double) x * x;
            }
            if (sum > 0) {
                float inverse = (float) (1 / Math.sqrt(sum));
                for (int d = 0; d < v.length; d++) {
                    v[d] *= inverse;
                }
            }
        }

        @Override
        public Parameters parameters() {
            return Parameters.builder(NAME)
                    .put("embedder", embedderName)
                    .put("dimension", dim)
                    .put("embeddings", embeddings)
                    .build();
        }
    }
}
