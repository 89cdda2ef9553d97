package dev.worldmind.data.image;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds how many pictures are decoded at once in this JVM, so a burst of uploads takes a few cores
 * and a known amount of memory instead of every request thread and the heap. A caller that finds
 * every slot taken waits briefly, then is refused with {@link DecoderBusyException} rather than
 * queued without bound. Thread-safe.
 */
public final class DecodeGate {
    private static final DecodeGate SHARED =
            new DecodeGate(
                    Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
                    Duration.ofMillis(500));

    private final Semaphore slots;
    private final int size;
    private final Duration wait;
    private final AtomicLong decodes = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    /**
     * Creates a gate.
     *
     * @param slots how many decodes may run at once
     * @param wait how long a caller waits for a slot before it is refused
     */
    public DecodeGate(int slots, Duration wait) {
        if (slots < 1 || wait.isNegative()) {
            throw new IllegalArgumentException("a decode gate needs slots and a wait: " + slots);
        }
        this.slots = new Semaphore(slots, true);
        this.size = slots;
        this.wait = wait;
    }

    /** The JVM's gate, shared by every intake that is not given its own. */
    public static DecodeGate shared() {
        return SHARED;
    }

    /** How many decodes may run at once. */
    public int size() {
        return size;
    }

    /** How many decodes have started through this gate (a decoder was reached). */
    public long decodes() {
        return decodes.get();
    }

    /** How many callers were refused because every slot was taken. */
    public long refused() {
        return refused.get();
    }

    /**
     * Takes a slot, waiting at most the gate's wait.
     *
     * @return the slot, to close when the decode is done
     * @throws DecoderBusyException when none came free in time
     */
    Slot enter() {
        boolean got;
        try {
            got = slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            refused.incrementAndGet();
            throw new DecoderBusyException(
                    "every picture decoder is busy (" + size + " at once); try again in a second",
                    Duration.ofSeconds(1));
        }
        decodes.incrementAndGet();
        return slots::release;
    }

    /**
     * Holds every slot until closed, so that callers are refused (for tests and drills).
     *
     * @return the held slots
     * @throws InterruptedException if interrupted while waiting for running decodes
     */
    public Slot closeAll() throws InterruptedException {
        slots.acquire(size);
        return () -> slots.release(size);
    }

    /** A taken slot. */
    @FunctionalInterface
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }
}
