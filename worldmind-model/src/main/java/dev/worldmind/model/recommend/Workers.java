package dev.worldmind.model.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A small fixed pool of daemon threads for one training run, closed when training ends. With one
 * thread everything runs on the caller's thread. Used by one training thread at a time.
 */
final class Workers implements AutoCloseable {
    /** Work on a range of rows, {@code from} inclusive to {@code to} exclusive. */
    @FunctionalInterface
    interface RangeTask {
        void run(int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    Workers(int threads, String name) {
        this.threads = threads;
        if (threads == 1) {
            pool = null;
        } else {
            AtomicInteger count = new AtomicInteger();
            pool =
                    Executors.newFixedThreadPool(
                            threads,
                            r -> {
                                Thread t = new Thread(r, name + "-" + count.incrementAndGet());
                                t.setDaemon(true);
                                return t;
                            });
        }
    }

    int threads() {
        return threads;
    }

    /**
     * Splits {@code 0..n} into a few chunks per thread (rows differ in cost) and runs them all.
     *
     * @param n how many rows
     * @param task the work on one chunk; it allocates its own scratch space
     */
    void forRanges(int n, RangeTask task) {
        if (pool == null || n < 2) {
            task.run(0, n);
            return;
        }
        int chunks = Math.min(n, threads * 8);
        List<Callable<Void>> jobs = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            jobs.add(
                    () -> {
                        task.run(from, to);
                        return null;
                    });
        }
        runAll(jobs);
    }

    /**
     * Runs {@code body(t)} for every thread number {@code t}, all at once.
     *
     * @param body the work of one thread
     */
    void forEachThread(IntConsumer body) {
        if (pool == null) {
            body.accept(0);
            return;
        }
        List<Callable<Void>> jobs = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            jobs.add(
                    () -> {
                        body.accept(thread);
                        return null;
                    });
        }
        runAll(jobs);
    }

    private void runAll(List<Callable<Void>> jobs) {
        try {
            for (Future<Void> f : pool.invokeAll(jobs)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
