package dev.worldmind.model.train;

/** How the learning rate changes over a training run. */
public enum ScheduleKind {
    /** The same rate throughout. */
    CONSTANT,
    /** Cosine decay from the base rate to 1% of it over the whole run. */
    COSINE,
    /** The base rate, divided by 10 after half and again after three quarters of the run. */
    STEP
}
