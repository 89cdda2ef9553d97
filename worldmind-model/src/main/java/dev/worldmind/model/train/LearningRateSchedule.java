package dev.worldmind.model.train;

import java.util.Objects;

/**
 * The learning rate as a pure function of the global step, so a resumed run continues exactly where
 * it stopped.
 *
 * @param kind the shape of the schedule
 * @param base the starting rate
 * @param totalSteps the number of optimiser steps in the whole run
 */
public record LearningRateSchedule(ScheduleKind kind, float base, int totalSteps) {
    /** Where cosine decay ends, relative to the base rate. */
    public static final float COSINE_FLOOR = 0.01f;

    public LearningRateSchedule {
        Objects.requireNonNull(kind, "kind");
        if (!(base > 0) || totalSteps <= 0) {
            throw new IllegalArgumentException("base rate and total steps must be positive");
        }
    }

    /**
     * Returns the learning rate for a step.
     *
     * @param step the global optimiser step, from 0
     * @return the rate
     */
    public float at(int step) {
        double progress = Math.min(1.0, Math.max(0, step) / (double) totalSteps);
        return switch (kind) {
            case CONSTANT -> base;
            case COSINE -> {
                double floor = base * COSINE_FLOOR;
                yield (float) (floor + (base - floor) * 0.5 * (1 + Math.cos(Math.PI * progress)));
            }
            case STEP -> progress < 0.5 ? base : progress < 0.75 ? base / 10 : base / 100;
        };
    }
}
