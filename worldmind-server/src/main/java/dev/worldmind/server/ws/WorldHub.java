package dev.worldmind.server.ws;

import dev.worldmind.core.concurrent.DaemonThreads;
import dev.worldmind.data.world.Space;
import dev.worldmind.server.service.Lifecycle;
import dev.worldmind.server.service.Service;
import dev.worldmind.server.ws.SpaceInstance.Outgoing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live world: connections, the running instances of each space, and the tick that sends
 * presence deltas. Thread-safe: connections are handled on Jetty's threads, the tick on its own,
 * watched by a watchdog that sheds an instance whose tick takes longer than {@link #STALL}.
 */
public final class WorldHub implements Service {
    /**
     * Each instance ticks at the configured rate, but instances are spread over this many phases of
     * the tick period, so their deltas do not all leave in one burst (which would queue them behind
     * each other and lengthen the tail latency).
     */
    static final int PHASES = 5;

    private static final Logger LOG = LoggerFactory.getLogger(WorldHub.class);

    /** How long one instance's tick may take before the watchdog sheds it, by default. */
    public static final Duration STALL = Duration.ofSeconds(2);

    /** How often the watchdog looks at the tick. */
    static final Duration WATCH_EVERY = Duration.ofMillis(100);

    private final Map<Long, Connection> connections = new ConcurrentHashMap<>();
    private final Map<String, List<SpaceInstance>> instances = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = daemon("worldmind-tick-watchdog");
    private volatile ScheduledExecutorService ticker;
    private final AtomicInteger generation = new AtomicInteger();
    private final AtomicReference<Busy> busy = new AtomicReference<>();
    private final AtomicLong tick = new AtomicLong();
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong shed = new AtomicLong();
    // How long each tick takes (all instances of its phase, sending included), for benchmarks.
    private final Recorder tickTimes = new Recorder(3);
    private final int tickHz;
    private final long stallNanos;

    /** The instance the tick thread of one generation is ticking now, and since when. */
    private record Busy(SpaceInstance instance, long since, int generation, Thread thread) {}

    /** How many people are in one instance of a space. */
    public record InstanceStats(String space, int instance, int people) {}

    /**
     * @param tickHz ticks per second
     */
    public WorldHub(int tickHz) {
        this(tickHz, STALL);
    }

    /**
     * @param tickHz ticks per second
     * @param stall how long one instance's tick may take before the watchdog sheds that instance
     */
    public WorldHub(int tickHz, Duration stall) {
        this.tickHz = tickHz;
        this.stallNanos = stall.toNanos();
    }

    @Override
    public String name() {
        return "world";
    }

    /**
     * Starts ticking. The tick and its watchdog keep threads of their own, off the shared
     * scheduler: the tick runs at a fixed rate, and the watchdog must notice a stuck tick even
     * while a slow task holds the scheduler.
     */
    @Override
    public void start(Lifecycle life) {
        start();
    }

    /** Starts ticking, and the watchdog that keeps one stuck space from stopping the others. */
    public void start() {
        startTicker();
        long every = WATCH_EVERY.toNanos();
        watchdog.scheduleWithFixedDelay(this::watch, every, every, TimeUnit.NANOSECONDS);
    }

    /**
     * How long the ticks took since the last call (nanoseconds; each tick covers the instances of
     * one phase, sending included).
     */
    public Histogram tickTimes() {
        return tickTimes.getIntervalHistogram();
    }

    /** Instances shed by the watchdog so far. */
    public long shed() {
        return shed.get();
    }

    private synchronized void startTicker() {
        int gen = generation.incrementAndGet();
        ScheduledExecutorService next = daemon("worldmind-tick-" + gen);
        ScheduledExecutorService before = ticker;
        ticker = next;
        long period = 1_000_000_000L / tickHz / PHASES;
        next.scheduleAtFixedRate(() -> safeTick(gen), period, period, TimeUnit.NANOSECONDS);
        if (before != null) {
            before.shutdownNow(); // interrupts the stuck thread, in case it waits interruptibly
        }
    }

    int tickHz() {
        return tickHz;
    }

    /** Registers a connection; returns the same account's older connection, which it replaces. */
    Connection register(Connection connection) {
        Connection previous = connections.put(connection.id(), connection);
        return previous == connection ? null : previous;
    }

    /** Forgets a connection and takes its avatar out of the world. */
    void unregister(Connection connection) {
        connections.remove(connection.id(), connection);
        leave(connection);
    }

    Connection connection(long accountId) {
        return connections.get(accountId);
    }

    /** The open connections, a live view (for the rights sweep). */
    java.util.Collection<Connection> connections() {
        return connections.values();
    }

    /** Puts a connection into an instance of the space with room, opening one if all are full. */
    SpaceInstance place(Space space) {
        List<SpaceInstance> list =
                instances.computeIfAbsent(space.id(), k -> new CopyOnWriteArrayList<>());
        synchronized (list) {
            for (SpaceInstance instance : list) {
                if (!instance.degraded && instance.hasRoom()) {
                    return instance;
                }
            }
            SpaceInstance created =
                    new SpaceInstance(
                            space, list.size() + 1, (int) (opened.getAndIncrement() % PHASES));
            list.add(created);
            return created;
        }
    }

    /** Takes a connection's avatar out of its instance; returns the instance it was in. */
    SpaceInstance leave(Connection connection) {
        SpaceInstance current = connection.instance;
        connection.instance = null;
        if (current != null) {
            current.remove(connection.id());
        }
        return current;
    }

    /** The instances of a space that have people in them. */
    List<SpaceInstance> instancesOf(String spaceId) {
        return instances.getOrDefault(spaceId, List.of());
    }

    /** How many people are in a space, over all its instances. */
    public int people(String spaceId) {
        return instancesOf(spaceId).stream()
                .filter(i -> !i.degraded)
                .mapToInt(SpaceInstance::size)
                .sum();
    }

    /** The open connections. */
    public int connectionCount() {
        return connections.size();
    }

    /** The occupied instances. */
    public List<InstanceStats> instanceStats() {
        List<InstanceStats> stats = new ArrayList<>();
        instances.forEach(
                (space, list) ->
                        list.forEach(
                                i -> {
                                    if (!i.degraded && i.size() > 0) {
                                        stats.add(new InstanceStats(space, i.number, i.size()));
                                    }
                                }));
        return stats;
    }

    private void safeTick(int gen) {
        long began = System.nanoTime();
        try {
            long step = tick.incrementAndGet();
            int phase = (int) (step % PHASES);
            List<Outgoing> out = new ArrayList<>();
            for (List<SpaceInstance> list : instances.values()) {
                for (SpaceInstance instance : list) {
                    if (instance.phase != phase || instance.degraded) {
                        continue;
                    }
                    Busy now = new Busy(instance, System.nanoTime(), gen, Thread.currentThread());
                    busy.set(now);
                    try {
                        instance.tick(step / PHASES, out);
                    } finally {
                        busy.compareAndSet(now, null);
                    }
                    if (gen != generation.get()) {
                        return; // shed while stuck: a new tick thread runs the world now
                    }
                }
            }
            for (Outgoing o : out) {
                o.to().send(o.text());
            }
            tickTimes.recordValue(System.nanoTime() - began);
        } catch (Throwable e) { // an Error must not end the schedule: that would freeze the world
            LOG.error("tick failed; the next one runs as usual", e);
        }
    }

    /**
     * The watchdog: when one instance's tick has run longer than the stall limit, logs it with the
     * space's id and where the tick thread stands, sheds that instance (no more ticks, out of the
     * hub, its sockets closed with 1011 so their clients join afresh) and starts a new tick thread,
     * so every other space keeps ticking while the stuck one finishes or not.
     */
    private void watch() {
        try {
            Busy b = busy.get();
            if (b == null
                    || b.instance().degraded
                    || System.nanoTime() - b.since() < stallNanos
                    || b.generation() != generation.get()) {
                return;
            }
            SpaceInstance stuck = b.instance();
            stuck.degraded = true;
            shed.incrementAndGet();
            Throwable where = new Throwable("the tick thread's stack");
            where.setStackTrace(b.thread().getStackTrace());
            LOG.error(
                    "the tick of space {} (instance {}) has run {} ms; shedding that instance and"
                            + " starting a new tick thread",
                    stuck.space.id(),
                    stuck.number,
                    (System.nanoTime() - b.since()) / 1_000_000,
                    where);
            List<SpaceInstance> list = instances.get(stuck.space.id());
            if (list != null) {
                list.remove(stuck);
            }
            for (Connection c : connections.values()) {
                if (c.instance == stuck) {
                    c.instance = null; // so leaving never waits for the stuck instance's lock
                    c.close(1011, "the space stopped responding; join it again");
                }
            }
            startTicker();
        } catch (RuntimeException e) {
            LOG.error("the tick watchdog failed; it looks again shortly", e);
        }
    }

    private static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(name));
    }

    /** Stops the tick and closes every connection with "going away". */
    @Override
    public void close() {
        watchdog.shutdownNow();
        ticker.shutdownNow();
        connections.values().forEach(c -> c.close(1001, "the server is shutting down"));
        connections.clear();
    }
}
