package dev.worldmind.model.compress;

/**
 * The measured range of one activation tensor and the uint8 quantisation chosen for it.
 *
 * @param tensor the tensor's name in the graph
 * @param min the smallest value kept in range (never above 0)
 * @param max the largest value kept in range (never below 0)
 * @param scale the quantisation step
 * @param zeroPoint the uint8 code of 0.0
 */
public record ActivationRange(String tensor, float min, float max, float scale, int zeroPoint) {
    /**
     * Chooses uint8 parameters for a range; it is widened to include 0 so zero padding and ReLU
     * zeros are exact.
     *
     * @param tensor the tensor
     * @param min the smallest value to represent
     * @param max the largest value to represent
     * @return the range
     */
    public static ActivationRange uint8(String tensor, float min, float max) {
        float lo = Math.min(min, 0f);
        float hi = Math.max(max, 0f);
        float scale = (hi - lo) / 255f;
        if (!(scale > 0) || !Float.isFinite(scale)) {
            scale = 1f;
        }
        int zero = Math.round(-lo / scale);
        zero = Math.max(0, Math.min(255, zero));
        return new ActivationRange(tensor, lo, hi, scale, zero);
    }
}
