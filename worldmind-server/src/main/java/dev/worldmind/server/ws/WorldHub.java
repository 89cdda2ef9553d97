package dev.worldmind.server.ws;

import dev.worldmind.data.world.Space;
import dev.worldmind.server.ws.SpaceInstance.Outgoing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live world: connections, the running instances of each space, and the tick that sends
 * presence deltas. Thread-safe: connections are handled on Jetty's threads, the tick on its own.
 */
public final class WorldHub implements AutoCloseable {
    /**
     * Each instance ticks at the configured rate, but instances are spread over this many phases of
     * the tick period, so their deltas do not all leave in one burst (which would queue them behind
     * each other and lengthen the tail latency).
     */
    static final int PHASES = 5;

    private static final Logger LOG = LoggerFactory.getLogger(WorldHub.class);

    private final Map<Long, Connection> connections = new ConcurrentHashMap<>();
    private final Map<String, List<SpaceInstance>> instances = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;
    private final AtomicLong tick = new AtomicLong();
    private final AtomicLong opened = new AtomicLong();
    private final int tickHz;

    /** How many people are in one instance of a space. */
    public record InstanceStats(String space, int instance, int people) {}

    /**
     * @param tickHz ticks per second
     */
    public WorldHub(int tickHz) {
        this.tickHz = tickHz;
        this.ticker =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "worldmind-tick");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Starts ticking. */
    public void start() {
        long period = 1_000_000_000L / tickHz / PHASES;
        ticker.scheduleAtFixedRate(this::safeTick, period, period, TimeUnit.NANOSECONDS);
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
                if (instance.hasRoom()) {
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
        return instancesOf(spaceId).stream().mapToInt(SpaceInstance::size).sum();
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
                                    if (i.size() > 0) {
                                        stats.add(new InstanceStats(space, i.number, i.size()));
                                    }
                                }));
        return stats;
    }

    private void safeTick() {
        try {
            long step = tick.incrementAndGet();
            int phase = (int) (step % PHASES);
            List<Outgoing> out = new ArrayList<>();
            for (List<SpaceInstance> list : instances.values()) {
                for (SpaceInstance instance : list) {
                    if (instance.phase == phase) {
                        instance.tick(step / PHASES, out);
                    }
                }
            }
            for (Outgoing o : out) {
                o.to().send(o.text());
            }
        } catch (RuntimeException e) {
            LOG.error("tick failed; the next one runs as usual", e);
        }
    }

    /** Stops the tick and closes every connection with "going away". */
    @Override
    public void close() {
        ticker.shutdownNow();
        connections.values().forEach(c -> c.close(1001, "the server is shutting down"));
        connections.clear();
    }
}
