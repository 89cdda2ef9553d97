package dev.worldmind.model.reinforce;

/** Counts an episode's steps and refuses steps outside an episode. Not thread-safe. */
final class EpisodeClock {
    private final String id;
    private final int limit;
    private int steps = -1;
    private boolean over;

    EpisodeClock(String id, int limit) {
        this.id = id;
        this.limit = limit;
    }

    void start() {
        steps = 0;
        over = false;
    }

    /** Checks that a step may be taken now. */
    void beforeStep() {
        if (steps < 0) {
            throw new IllegalStateException(id + ": call reset(seed) before step");
        }
        if (over) {
            throw new IllegalStateException(id + ": the episode is over; call reset(seed)");
        }
    }

    /** Counts a step and returns whether the time limit cut the episode. */
    boolean afterStep(boolean terminated) {
        steps++;
        boolean truncated = !terminated && steps >= limit;
        over = terminated || truncated;
        return truncated;
    }
}
