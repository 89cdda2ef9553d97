package dev.worldmind.data.jobs;

import java.util.Objects;

/**
 * One point of a job's curve.
 *
 * @param series which curve, e.g. {@code loss}, {@code validationAccuracy}, {@code reward}
 * @param x where along the run (epochs, steps)
 * @param y the value
 */
public record JobPoint(String series, double x, double y) {
    public JobPoint {
        Objects.requireNonNull(series, "series");
        if (series.isEmpty() || series.length() > 40) {
            throw new IllegalArgumentException("a series name has 1-40 characters: " + series);
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a point is finite: " + x + ", " + y);
        }
    }
}
