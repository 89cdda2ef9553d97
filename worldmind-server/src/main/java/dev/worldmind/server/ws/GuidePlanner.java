package dev.worldmind.server.ws;

import dev.worldmind.core.concurrent.DaemonThreads;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where the guides think: planning a tour and every step of a walking guide run here, never on the
 * tick thread and never under an instance's lock, so a tangled floor slows only its own guide. Two
 * single threads with short queues: one for whole tours (seconds at worst, bounded by a {@code
 * SearchBudget}), one for steps (milliseconds), so a big plan never holds up the walking guides. A
 * full queue refuses the work at once. Thread-safe.
 */
final class GuidePlanner implements AutoCloseable {
    /** How many tour plans may wait; more are refused ("ask again later"). */
    static final int WAITING_PLANS = 8;

    /** How many guide steps may wait (at most one per walking guide). */
    static final int WAITING_STEPS = 1024;

    private final ThreadPoolExecutor plans = single("worldmind-tour-plan", WAITING_PLANS);
    private final ThreadPoolExecutor steps = single("worldmind-guide-step", WAITING_STEPS);

    /**
     * Plans a tour in the background.
     *
     * @param job the planning, which answers the visitor itself
     * @throws RejectedExecutionException when too many plans wait
     */
    void plan(Runnable job) {
        plans.execute(job);
    }

    /**
     * Runs one step of a walking guide in the background.
     *
     * @param job the step
     * @return its result, when done
     * @throws RejectedExecutionException when too many steps wait
     */
    <T> Future<T> step(Callable<T> job) {
        return steps.submit(job);
    }

    private static ThreadPoolExecutor single(String name, int waiting) {
        return new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(waiting),
                DaemonThreads.named(name));
    }

    @Override
    public void close() {
        plans.shutdownNow();
        steps.shutdownNow();
    }
}
