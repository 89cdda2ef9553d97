package dev.worldmind.model.serve;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.model.vision.ImageModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * Runs an image model behind a bounded queue with dynamic batching: a worker takes the oldest
 * request and whatever else is queued, waits at most {@link BatchingOptions#maxQueueDelay()} for
 * more when the previous batch held several images (so a lone caller is never delayed), and runs
 * them as one forward pass of up to {@link BatchingOptions#maxBatchSize()} images. A full queue
 * refuses new work at once ({@link OverloadedException}) instead of growing. Owns the model:
 * closing drains the queue, stops the workers and closes the model. Thread-safe.
 */
public final class BatchingPredictor implements AutoCloseable {
    private final ImageModel model;
    private final BatchingOptions options;
    private final int imageSize;
    private final LinkedBlockingDeque<Request> queue = new LinkedBlockingDeque<>();
    private final AtomicInteger queuedImages = new AtomicInteger();
    private final ReentrantLock assembly = new ReentrantLock();
    // Forward passes share the model (inference reads weights only); exclusive work does not.
    private final ReadWriteLock use = new ReentrantReadWriteLock(true);
    private final List<Thread> workers = new ArrayList<>();
    private final MeterRegistry meters;
    private final List<Meter> ownMeters = new ArrayList<>();
    private final Timer latency;
    private final Timer inference;
    private final DistributionSummary batchSizes;
    private final Counter overloads;
    private final Counter timeouts;
    private final Counter failures;
    private volatile boolean closed;
    private int lastBatch; // guarded by assembly

    /**
     * Starts the workers.
     *
     * @param model the model; owned from now on
     * @param options how to batch
     * @param meters where to record metrics
     * @param tags tags of every meter, e.g. the model's name and version
     */
    public BatchingPredictor(
            ImageModel model, BatchingOptions options, MeterRegistry meters, Tags tags) {
        this.model = model;
        this.options = options;
        this.imageSize = model.spec().input().size();
        this.meters = meters;
        this.latency =
                own(
                        Timer.builder("worldmind.serving.latency")
                                .description("queue wait plus forward pass, per request")
                                .tags(tags)
                                .publishPercentileHistogram()
                                .register(meters));
        this.inference =
                own(
                        Timer.builder("worldmind.serving.inference")
                                .description("one batched forward pass")
                                .tags(tags)
                                .publishPercentileHistogram()
                                .register(meters));
        this.batchSizes =
                own(
                        DistributionSummary.builder("worldmind.serving.batch.size")
                                .description("images per forward pass")
                                .baseUnit("images")
                                .tags(tags)
                                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128)
                                .register(meters));
        own(
                Gauge.builder("worldmind.serving.queue.depth", queuedImages, AtomicInteger::get)
                        .description("images waiting for a worker")
                        .baseUnit("images")
                        .tags(tags)
                        .register(meters));
        this.overloads = own(errors(tags, "overload"));
        this.timeouts = own(errors(tags, "timeout"));
        this.failures = own(errors(tags, "model"));
        for (int i = 0; i < options.workers(); i++) {
            Thread t = new Thread(this::work, "serve-" + model.spec().name() + "-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    private Counter errors(Tags tags, String reason) {
        return Counter.builder("worldmind.serving.errors")
                .description("requests that got no prediction, by reason")
                .tags(tags)
                .tag("reason", reason)
                .register(meters);
    }

    private <M extends Meter> M own(M meter) {
        ownMeters.add(meter);
        return meter;
    }

    /** Returns the model being served. */
    public ImageModel model() {
        return model;
    }

    /** Returns the batching options. */
    public BatchingOptions options() {
        return options;
    }

    /** Returns how many images wait for a worker. */
    public int queueDepth() {
        return queuedImages.get();
    }

    /**
     * Runs work that must have the model to itself (an explanation's backward pass), on the calling
     * thread, while no batch runs; batches wait until it returns.
     *
     * @param task what to do with the model
     * @param <T> the result type
     * @return the task's result
     * @throws OverloadedException if the predictor is closing
     */
    public <T> T exclusive(Function<ImageModel, T> task) {
        if (closed) {
            throw new OverloadedException("this model version is being unloaded; retry");
        }
        use.writeLock().lock();
        try {
            return task.apply(model);
        } finally {
            use.writeLock().unlock();
        }
    }

    /**
     * Queues images for prediction.
     *
     * @param images01 {@code count} images back to back, pixel values in [0, 1]
     * @param count how many images
     * @return their class probabilities, one row per image, when a worker has run them
     * @throws InvalidDataException if the values do not make {@code count} images
     * @throws OverloadedException if the queue has no room or the predictor is closing
     */
    public CompletableFuture<float[][]> submit(float[] images01, int count) {
        if (count < 1 || images01.length != (long) count * imageSize) {
            throw new InvalidDataException(
                    "expected "
                            + count
                            + " images of "
                            + imageSize
                            + " values, got "
                            + images01.length
                            + " values");
        }
        if (count > options.queueCapacity()) {
            throw new InvalidDataException(
                    "at most " + options.queueCapacity() + " images per request, got " + count);
        }
        if (closed) {
            throw new OverloadedException("this model version is being unloaded; retry");
        }
        int now;
        do {
            now = queuedImages.get();
            if (now + count > options.queueCapacity()) {
                overloads.increment();
                throw new OverloadedException(
                        "the model's queue is full ("
                                + now
                                + " images waiting); retry in a moment");
            }
        } while (!queuedImages.compareAndSet(now, now + count));
        Request r = new Request(images01, count, System.nanoTime(), new CompletableFuture<>());
        queue.addLast(r);
        if (closed && queue.removeFirstOccurrence(r)) {
            // close() may have drained the queue between the check above and the add.
            queuedImages.addAndGet(-count);
            throw new OverloadedException("this model version is being unloaded; retry");
        }
        return r.result();
    }

    private void work() {
        List<Request> batch = new ArrayList<>();
        while (true) {
            batch.clear();
            try {
                if (!assemble(batch)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failAll(batch, new OverloadedException("the model is shutting down; retry"));
                return;
            }
            run(batch);
        }
    }

    /** Fills a batch; returns false when closed and drained. */
    private boolean assemble(List<Request> batch) throws InterruptedException {
        assembly.lockInterruptibly();
        try {
            Request first = null;
            while (first == null) {
                if (closed && queue.isEmpty()) {
                    return false;
                }
                first = queue.pollFirst(50, TimeUnit.MILLISECONDS);
            }
            take(first, batch);
            int images = first.count();
            // Wait for company only when recent traffic brought some: a lone caller is never
            // delayed, and busy periods still fill batches.
            long delay = lastBatch > 1 ? options.maxQueueDelay().toNanos() : 0;
            long deadline = first.enqueuedNanos() + delay;
            while (images < options.maxBatchSize()) {
                long wait = deadline - System.nanoTime();
                Request next =
                        wait > 0 ? queue.pollFirst(wait, TimeUnit.NANOSECONDS) : queue.pollFirst();
                if (next == null) {
                    break;
                }
                if (images + next.count() > options.maxBatchSize()) {
                    queue.addFirst(next);
                    break;
                }
                take(next, batch);
                images += next.count();
            }
            lastBatch = images;
            return true;
        } finally {
            assembly.unlock();
        }
    }

    private void take(Request r, List<Request> batch) {
        queuedImages.addAndGet(-r.count());
        batch.add(r);
    }

    private void run(List<Request> batch) {
        long start = System.nanoTime();
        long limit = options.timeout().toNanos();
        List<Request> live = new ArrayList<>(batch.size());
        for (Request r : batch) {
            if (start - r.enqueuedNanos() > limit) {
                timeouts.increment();
                r.result()
                        .completeExceptionally(
                                new OverloadedException(
                                        "the request waited over "
                                                + options.timeout().toMillis()
                                                + " ms for the model; retry later"));
            } else {
                live.add(r);
            }
        }
        if (live.isEmpty()) {
            return;
        }
        int total = live.stream().mapToInt(Request::count).sum();
        float[] input;
        if (live.size() == 1) {
            input = live.get(0).images();
        } else {
            input = new float[total * imageSize];
            int at = 0;
            for (Request r : live) {
                System.arraycopy(r.images(), 0, input, at, r.images().length);
                at += r.images().length;
            }
        }
        float[][] out;
        use.readLock().lock();
        try {
            out = model.probabilities(input, total);
        } catch (RuntimeException e) {
            failures.increment(live.size());
            failAll(live, e);
            return;
        } finally {
            use.readLock().unlock();
        }
        long end = System.nanoTime();
        inference.record(end - start, TimeUnit.NANOSECONDS);
        batchSizes.record(total);
        int row = 0;
        for (Request r : live) {
            float[][] mine = new float[r.count()][];
            System.arraycopy(out, row, mine, 0, r.count());
            row += r.count();
            latency.record(end - r.enqueuedNanos(), TimeUnit.NANOSECONDS);
            r.result().complete(mine);
        }
    }

    private static void failAll(List<Request> batch, Throwable e) {
        for (Request r : batch) {
            r.result().completeExceptionally(e);
        }
    }

    /**
     * Stops taking requests, finishes every queued one, stops the workers, closes the model and
     * removes this predictor's meters.
     */
    @Override
    public void close() {
        closed = true;
        boolean interrupted = false;
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
                t.interrupt();
            }
        }
        Request left;
        while ((left = queue.pollFirst()) != null) {
            left.result().completeExceptionally(new OverloadedException("the model was unloaded"));
        }
        model.close();
        ownMeters.forEach(meters::remove);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private record Request(
            float[] images, int count, long enqueuedNanos, CompletableFuture<float[][]> result) {}
}
