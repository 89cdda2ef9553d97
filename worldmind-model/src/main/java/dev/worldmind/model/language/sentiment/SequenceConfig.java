package dev.worldmind.model.language.sentiment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to build and train a {@link SequenceSentimentClassifier} from scratch.
 *
 * @param architecture the encoder
 * @param embeddingSize the token embedding size
 * @param hiddenSize the LSTM state size per direction, or the Transformer's feed-forward size
 * @param layers the LSTM layers or Transformer blocks
 * @param heads the Transformer's attention heads
 * @param dropout the dropout rate
 * @param maxTokens the longest input in words; longer texts are cut
 * @param minCount how often a training word must occur to join the vocabulary
 * @param epochs the most epochs to train
 * @param batchSize the mini-batch size
 * @param learningRate Adam's learning rate
 * @param validationShare the share of the training part held back to pick the best epoch
 * @param seed the seed of the initial weights, batch order, dropout and validation split
 */
public record SequenceConfig(
        Architecture architecture,
        int embeddingSize,
        int hiddenSize,
        int layers,
        int heads,
        float dropout,
        int maxTokens,
        int minCount,
        int epochs,
        int batchSize,
        float learningRate,
        double validationShare,
        long seed) {
    /** The encoder of a sequence classifier. */
    public enum Architecture {
        /**
         * A bidirectional LSTM, unrolled over time in plain DJL operators (DJL's own LSTM block
         * crashed in oneDNN's backward pass with the PyTorch 2.7.1 CPU engine).
         */
        LSTM,
        /** Transformer encoder blocks with learned position embeddings. */
        TRANSFORMER
    }

    public SequenceConfig {
        if (embeddingSize < 1 || hiddenSize < 1 || layers < 1 || heads < 1) {
            throw new IllegalArgumentException("sizes are positive");
        }
        if (architecture == Architecture.TRANSFORMER && embeddingSize % heads != 0) {
            throw new IllegalArgumentException("heads divide the embedding size");
        }
        if (!(dropout >= 0 && dropout < 1) || !(validationShare > 0 && validationShare < 1)) {
            throw new IllegalArgumentException("dropout and validation share lie in [0, 1)");
        }
        if (maxTokens < 1 || minCount < 1 || epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("counts and the learning rate are positive");
        }
    }

    /**
     * Returns the LSTM defaults: 64-d embeddings, 64 states per direction, one layer, at most 8
     * epochs (on the 2,400 UCI training sentences the validation score peaked at epoch 2 or 3 and
     * later epochs only overfit; 30 s to 90 s on two cores, depending on what else runs).
     *
     * @param seed the seed
     * @return the configuration
     */
    public static SequenceConfig lstm(long seed) {
        return new SequenceConfig(
                Architecture.LSTM, 64, 64, 1, 1, 0.4f, 48, 2, 8, 32, 0.003f, 0.1, seed);
    }

    /**
     * Returns the Transformer defaults: 64-d embeddings, 4 heads, 128-wide feed-forward, 2 blocks.
     *
     * @param seed the seed
     * @return the configuration
     */
    public static SequenceConfig transformer(long seed) {
        return new SequenceConfig(
                Architecture.TRANSFORMER, 64, 128, 2, 4, 0.3f, 48, 2, 6, 32, 0.001f, 0.1, seed);
    }

    /**
     * Returns the same configuration with another number of epochs.
     *
     * @param n the epochs
     * @return the configuration
     */
    public SequenceConfig withEpochs(int n) {
        return new SequenceConfig(
                architecture,
                embeddingSize,
                hiddenSize,
                layers,
                heads,
                dropout,
                maxTokens,
                minCount,
                n,
                batchSize,
                learningRate,
                validationShare,
                seed);
    }

    /** Returns the configuration as a map, for provenance. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("architecture", architecture.name());
        map.put("embeddingSize", embeddingSize);
        map.put("hiddenSize", hiddenSize);
        map.put("layers", layers);
        map.put("heads", heads);
        map.put("dropout", dropout);
        map.put("maxTokens", maxTokens);
        map.put("minCount", minCount);
        map.put("epochs", epochs);
        map.put("batchSize", batchSize);
        map.put("learningRate", learningRate);
        map.put("validationShare", validationShare);
        map.put("seed", seed);
        return map;
    }
}
