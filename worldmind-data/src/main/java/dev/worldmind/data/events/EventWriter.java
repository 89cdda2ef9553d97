package dev.worldmind.data.events;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends events to an {@link EventLog} in batches from one background thread, so the server's hot
 * path never waits for the database: {@link #offer} only queues. A batch is written when {@value
 * #BATCH} events are queued, every {@code flushEvery}, on {@link #flush()} and on {@link #close()}.
 * When the database fails, the batch is kept, the failure logged and the write retried with growing
 * pauses (up to {@value #MAX_BACKOFF_MS} ms); while that lasts the queue fills and further offers
 * are dropped and counted. Thread-safe.
 */
public final class EventWriter implements AutoCloseable {
    /** The most events written in one transaction; this many queued starts a write at once. */
    public static final int BATCH = 500;

    static final long MAX_BACKOFF_MS = 5_000;

    /** How often a closing writer retries a failing database before it gives up the rest. */
    private static final int CLOSING_ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);

    private final EventLog log;
    private final int capacity;
    private final long flushEveryNanos;
    private final Thread thread;
    private final Object lock = new Object();

    // Guarded by lock.
    private final ArrayDeque<BehaviourEvent> queue = new ArrayDeque<>();
    private long offered;
    private long written;
    private long dropped;
    private boolean flushRequested;
    private boolean closed;

    /**
     * Starts a running world's writer: up to 100,000 events may wait, none longer than 200 ms.
     *
     * @param log where to append
     * @return the writer, started
     */
    public static EventWriter of(EventLog log) {
        return new EventWriter(log, 100_000, Duration.ofMillis(200));
    }

    /**
     * Starts the writer and its daemon thread.
     *
     * @param log where to append
     * @param capacity the most events waiting at once; more are dropped
     * @param flushEvery the longest an event waits before it is written
     */
    public EventWriter(EventLog log, int capacity, Duration flushEvery) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, not " + capacity);
        }
        if (flushEvery.isNegative() || flushEvery.isZero()) {
            throw new IllegalArgumentException("flushEvery must be positive, not " + flushEvery);
        }
        this.log = log;
        this.capacity = capacity;
        this.flushEveryNanos = flushEvery.toNanos();
        this.thread = new Thread(this::run, "worldmind-event-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues an event without ever blocking.
     *
     * @param event the event
     * @return false, and the event counted as dropped, when the queue is full or the writer closed
     */
    public boolean offer(BehaviourEvent event) {
        synchronized (lock) {
            if (closed || queue.size() >= capacity) {
                dropped++;
                return false;
            }
            queue.add(event);
            offered++;
            if (queue.size() == BATCH) {
                lock.notifyAll();
            }
            return true;
        }
    }

    /** Returns how many events were dropped because the queue was full or the writer closed. */
    public long dropped() {
        synchronized (lock) {
            return dropped;
        }
    }

    /** Returns how many events wait to be written (not counting a batch being written). */
    public int queued() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /**
     * Writes everything offered so far and waits until it is committed. While the database fails
     * this waits (the writer retries); it returns early only if the writer is closed and gives up.
     *
     * @throws IllegalStateException when interrupted
     */
    public void flush() {
        synchronized (lock) {
            long target = offered;
            flushRequested = true;
            lock.notifyAll();
            while (written < target && thread.isAlive()) {
                try {
                    lock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while flushing events", e);
                }
            }
        }
    }

    /** Writes everything queued, then stops the thread. Offers after this are dropped. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            List<BehaviourEvent> batch = nextBatch();
            if (batch == null) {
                return;
            }
            if (!batch.isEmpty()) {
                write(batch);
            }
        }
    }

    /** Waits for work and takes up to one batch; null when closed and nothing is left. */
    private List<BehaviourEvent> nextBatch() {
        synchronized (lock) {
            long deadline = System.nanoTime() + flushEveryNanos;
            while (!closed && !flushRequested && queue.size() < BATCH) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    // Only close() stops this thread; an interrupt just wakes it up.
                }
            }
            if (queue.isEmpty()) {
                flushRequested = false;
                return closed ? null : List.of();
            }
            List<BehaviourEvent> batch = new ArrayList<>(Math.min(queue.size(), BATCH));
            while (batch.size() < BATCH && !queue.isEmpty()) {
                batch.add(queue.poll());
            }
            if (queue.isEmpty()) {
                flushRequested = false;
            }
            return batch;
        }
    }

    private void write(List<BehaviourEvent> batch) {
        long backoff = 50;
        for (int attempt = 1; ; attempt++) {
            try {
                log.appendAll(batch);
                done(batch.size());
                return;
            } catch (RuntimeException e) {
                boolean giveUp = isClosed() && attempt >= CLOSING_ATTEMPTS;
                LOG.warn(
                        "cannot write {} behaviour events (attempt {}){}: {}",
                        batch.size(),
                        attempt,
                        giveUp ? ", giving up as the writer is closing" : ", will retry",
                        e.getMessage());
                if (giveUp) {
                    synchronized (lock) {
                        dropped += batch.size() + queue.size();
                        queue.clear();
                    }
                    return;
                }
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    private void done(int count) {
        synchronized (lock) {
            written += count;
            lock.notifyAll();
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // Keep retrying: only close() ends this thread.
        }
    }
}
