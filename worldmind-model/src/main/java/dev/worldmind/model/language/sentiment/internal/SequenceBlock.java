package dev.worldmind.model.language.sentiment.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.transformer.TransformerEncoderBlock;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * A sentence classifier over token ids (0 = padding): a trained token embedding, an encoder (a
 * bidirectional LSTM ({@link MaskedBiLstm}), or Transformer encoder blocks over learned position
 * embeddings), the mean of the encoder's outputs over the real tokens, dropout and a linear layer
 * to two logits.
 */
public final class SequenceBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final boolean transformer;
    private final int embeddingSize;
    private final int maxTokens;
    private final Parameter tokens;
    private final Parameter positions;
    private final Block[] encoders;
    private final Dropout dropout;
    private final Linear output;

    /**
     * Creates the block.
     *
     * @param transformer a Transformer encoder if true, else a bidirectional LSTM
     * @param vocabularySize the number of token ids
     * @param embeddingSize the token embedding size
     * @param hiddenSize the LSTM state size per direction, or the Transformer's feed-forward size
     * @param layers the number of LSTM layers or Transformer blocks
     * @param heads the Transformer's attention heads (ignored by the LSTM)
     * @param dropoutRate the dropout before the output layer and inside the Transformer
     * @param maxTokens the longest input, for the position embeddings
     */
    public SequenceBlock(
            boolean transformer,
            int vocabularySize,
            int embeddingSize,
            int hiddenSize,
            int layers,
            int heads,
            float dropoutRate,
            int maxTokens) {
        super(VERSION);
        this.transformer = transformer;
        this.embeddingSize = embeddingSize;
        this.maxTokens = maxTokens;
        this.tokens =
                addParameter(
                        Parameter.builder()
                                .setName("tokens")
                                .setType(Parameter.Type.WEIGHT)
                                .optShape(new Shape(vocabularySize, embeddingSize))
                                .optInitializer(new NormalInitializer(0.1f))
                                .build());
        this.positions =
                transformer
                        ? addParameter(
                                Parameter.builder()
                                        .setName("positions")
                                        .setType(Parameter.Type.WEIGHT)
                                        .optShape(new Shape(maxTokens, embeddingSize))
                                        .optInitializer(new NormalInitializer(0.02f))
                                        .build())
                        : null;
        if (transformer) {
            encoders = new Block[layers];
            for (int i = 0; i < layers; i++) {
                encoders[i] =
                        addChildBlock(
                                "encoder" + i,
                                new TransformerEncoderBlock(
                                        embeddingSize,
                                        heads,
                                        hiddenSize,
                                        dropoutRate,
                                        Activation::gelu));
            }
        } else {
            encoders =
                    new Block[] {
                        addChildBlock("lstm", new MaskedBiLstm(embeddingSize, hiddenSize, layers))
                    };
        }
        this.dropout = addChildBlock("dropout", Dropout.builder().optRate(dropoutRate).build());
        this.output = addChildBlock("output", Linear.builder().setUnits(2).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.head();
        long batch = ids.getShape().get(0);
        long length = ids.getShape().get(1);
        NDArray mask = ids.gt(0).toType(DataType.FLOAT32, false); // (B, T)
        NDArray x =
                Embedding.embedding(
                                ids,
                                ps.getValue(tokens, ids.getDevice(), training),
                                SparseFormat.DENSE)
                        .head(); // (B, T, E)
        if (transformer) {
            NDArray pos = ps.getValue(positions, ids.getDevice(), training).get("0:" + length);
            x = x.add(pos.expandDims(0));
            // The attention mask is (B, T, F): every query position may attend to real tokens only.
            NDArray attend = mask.expandDims(1).broadcast(new Shape(batch, length, length));
            for (Block encoder : encoders) {
                x = encoder.forward(ps, new NDList(x, attend), training, params).head();
            }
        } else {
            x = encoders[0].forward(ps, new NDList(x, mask), training, params).head(); // (B,T,2H)
        }
        NDArray weights = mask.expandDims(2);
        NDArray pooled =
                x.mul(weights).sum(new int[] {1}).div(mask.sum(new int[] {1}, true).maximum(1f));
        NDList dropped = dropout.forward(ps, new NDList(pooled), training, params);
        return output.forward(ps, dropped, training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 2)};
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        Shape embedded = new Shape(batch, maxTokens, embeddingSize);
        Shape encoded = embedded;
        Shape mask = new Shape(batch, maxTokens);
        for (Block encoder : encoders) {
            Shape[] in = transformer ? new Shape[] {encoded} : new Shape[] {encoded, mask};
            encoder.initialize(manager, dataType, in);
            encoded = encoder.getOutputShapes(in)[0];
        }
        Shape pooled = new Shape(batch, encoded.get(2));
        dropout.initialize(manager, dataType, pooled);
        output.initialize(manager, dataType, pooled);
    }
}
