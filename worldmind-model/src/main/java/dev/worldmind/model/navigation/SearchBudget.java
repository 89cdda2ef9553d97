package dev.worldmind.model.navigation;

import java.time.Duration;

/**
 * How much work a search (or a chain of searches, like planning a whole tour) may do: at most so
 * many expanded cells and so much wall time. A planner that runs out throws {@link
 * SearchBudgetExceededException} instead of holding a thread, so a huge or tangled floor cannot
 * stall whoever waits for the plan. Not thread-safe: one budget per planning job.
 */
public final class SearchBudget {
    /** How many expansions pass between two looks at the clock (a power of two). */
    private static final int CLOCK_EVERY = 256;

    private final long maxNodes;
    private final Duration maxTime;
    private final long deadline;
    private long spent;

    private SearchBudget(long maxNodes, Duration maxTime) {
        if (maxNodes <= 0 || maxTime.isNegative()) {
            throw new IllegalArgumentException(
                    "a search budget needs positive nodes and a time that is not negative");
        }
        this.maxNodes = maxNodes;
        this.maxTime = maxTime;
        long nanos =
                maxTime.compareTo(Duration.ofDays(365)) > 0
                        ? Long.MAX_VALUE / 4
                        : maxTime.toNanos();
        this.deadline = System.nanoTime() + nanos;
    }

    /**
     * A budget that starts now.
     *
     * @param maxNodes the most cells the searches may expand, together
     * @param maxTime the most wall time from now
     * @return the budget
     */
    public static SearchBudget of(long maxNodes, Duration maxTime) {
        return new SearchBudget(maxNodes, maxTime);
    }

    /** No limit, for offline work (training, tests) where the floor is known to be small. */
    public static SearchBudget unlimited() {
        return new SearchBudget(Long.MAX_VALUE, Duration.ofDays(3650));
    }

    /**
     * Counts one expanded cell.
     *
     * @throws SearchBudgetExceededException when the nodes or the time are used up
     */
    public void spend() {
        spent++;
        if (spent > maxNodes) {
            throw new SearchBudgetExceededException(
                    "the route search gave up after " + maxNodes + " cells");
        }
        if ((spent & (CLOCK_EVERY - 1)) == 1 && System.nanoTime() - deadline > 0) {
            throw new SearchBudgetExceededException(
                    "the route search gave up after " + maxTime.toMillis() + " ms");
        }
    }

    /** How many cells were expanded so far. */
    public long spent() {
        return spent;
    }
}
