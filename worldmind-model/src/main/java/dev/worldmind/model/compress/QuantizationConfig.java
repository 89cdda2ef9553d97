package dev.worldmind.model.compress;

/**
 * How {@link Int8Quantizer} quantises a model.
 *
 * @param ranges how activation ranges are taken from the calibration run
 * @param percentile for {@link RangeMethod#PERCENTILE}: the share of values kept inside the range,
 *     e.g. 99.99; each tail beyond it is clipped
 * @param foldBatchNorm whether batch norm is folded into the convolution or dense layer before it,
 *     so its weights are quantised as they are used
 * @param batchSize images per calibration run
 * @param reduceRange whether weights use 7 bits ([-63, 63]) instead of 8: on x86 CPUs without VNNI,
 *     ONNX Runtime's int8 kernels add pairs of uint8 x int8 products in 16 bits, which saturates
 *     with full-range weights and costs accuracy
 */
public record QuantizationConfig(
        RangeMethod ranges,
        double percentile,
        boolean foldBatchNorm,
        int batchSize,
        boolean reduceRange) {
    public QuantizationConfig {
        if (ranges == null) {
            throw new IllegalArgumentException("ranges must be set");
        }
        if (!(percentile > 50 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (50, 100]: " + percentile);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
    }

    /** Min/max ranges, batch norm folded, calibration in batches of 100, 7-bit weights. */
    public static QuantizationConfig defaults() {
        return new QuantizationConfig(RangeMethod.MIN_MAX, 99.99, true, 100, true);
    }

    /**
     * Returns this configuration with another range method.
     *
     * @param method the method
     * @param keep the percentile for {@link RangeMethod#PERCENTILE}
     */
    public QuantizationConfig withRanges(RangeMethod method, double keep) {
        return new QuantizationConfig(method, keep, foldBatchNorm, batchSize, reduceRange);
    }

    /**
     * Returns this configuration with or without batch-norm folding.
     *
     * @param fold whether to fold
     */
    public QuantizationConfig withFoldBatchNorm(boolean fold) {
        return new QuantizationConfig(ranges, percentile, fold, batchSize, reduceRange);
    }

    /**
     * Returns this configuration with 7-bit or full 8-bit weights.
     *
     * @param reduce whether to use 7 bits
     */
    public QuantizationConfig withReduceRange(boolean reduce) {
        return new QuantizationConfig(ranges, percentile, foldBatchNorm, batchSize, reduce);
    }

    /** How an activation's quantisation range is chosen from what calibration saw. */
    public enum RangeMethod {
        /** The smallest and largest value seen. */
        MIN_MAX,
        /** The values at a low and high percentile, clipping rare outliers. */
        PERCENTILE
    }
}
