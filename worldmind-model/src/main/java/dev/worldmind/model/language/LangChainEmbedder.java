package dev.worldmind.model.language;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.List;

/**
 * Any LangChain4j embedding model as a {@link TextEmbedder}, with the model's own threading. {@link
 * #stockMiniLm()} is LangChain4j's all-MiniLM-L6-v2 with its stock settings, the baseline that
 * {@link MiniLmEmbedder} is measured against. Thread-safe if the wrapped model is.
 */
public final class LangChainEmbedder implements TextEmbedder {
    private final String name;
    private final EmbeddingModel model;
    private final int dimension;

    /**
     * Wraps a model.
     *
     * @param name the name for provenance
     * @param model the LangChain4j model
     */
    public LangChainEmbedder(String name, EmbeddingModel model) {
        this.name = name;
        this.model = model;
        this.dimension = model.dimension();
    }

    /** Returns LangChain4j's all-MiniLM-L6-v2 with its default executor and session options. */
    public static LangChainEmbedder stockMiniLm() {
        return new LangChainEmbedder("all-minilm-l6-v2/stock", new AllMiniLmL6V2EmbeddingModel());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[][] embed(List<String> texts) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        List<Embedding> vectors =
                model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        return vectors.stream().map(Embedding::vector).toArray(float[][]::new);
    }

    @Override
    public void close() {
        // LangChain4j's in-process models hold their session for the JVM's lifetime.
    }
}
