package dev.worldmind.model.onnx;

/**
 * The shape of the ONNX files Worldmind writes: one graph from raw pixels to logits and
 * probabilities, with the normalisation inside. Changing any of this is a new {@link
 * #FORMAT_VERSION}.
 */
public final class OnnxFormat {
    /** The version of this layout and of the {@code worldmind.*} metadata, stored in every file. */
    public static final int FORMAT_VERSION = 1;

    /** The ONNX operator set the graphs use (13: per-channel DequantizeLinear, Softmax axis). */
    public static final long OPSET = 13;

    /** The ONNX IR version written; 7 is the one that goes with opset 13. */
    public static final long IR_VERSION = 7;

    /** The producer name in every file. */
    public static final String PRODUCER = "worldmind";

    /** The input: float32 pixels in [0, 1], {@code [batch, channels, height, width]}. */
    public static final String INPUT = "pixels";

    /** The first output: float32 logits, {@code [batch, classes]}. */
    public static final String LOGITS = "logits";

    /** The second output: float32 softmax probabilities, {@code [batch, classes]}. */
    public static final String PROBABILITIES = "probabilities";

    private OnnxFormat() {}
}
