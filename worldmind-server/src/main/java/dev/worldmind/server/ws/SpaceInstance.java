package dev.worldmind.server.ws;

import dev.worldmind.data.world.Avatar;
import dev.worldmind.data.world.Point;
import dev.worldmind.data.world.Space;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One running copy of a space: the avatars in it and what changed since the last tick. When a space
 * is full, the hub opens another instance of it (overflow). All methods lock the instance; the
 * messages they produce are sent by the caller after the lock is released.
 */
final class SpaceInstance {
    final Space space;
    final int number;
    private final Map<Long, Occupant> occupants = new LinkedHashMap<>();
    private final List<Long> departed = new ArrayList<>();
    private int nextSpawn;
    private boolean joinedSinceTick;

    /** A message for one connection. */
    record Outgoing(Connection to, String text) {}

    SpaceInstance(Space space, int number) {
        this.space = space;
        this.number = number;
    }

    synchronized int size() {
        return occupants.size();
    }

    synchronized boolean hasRoom() {
        return occupants.size() < space.capacity();
    }

    /** Adds an avatar at a spawn point; returns its {@code joined} message. */
    synchronized String enter(Connection connection, Avatar avatar) {
        List<Point> spawns = space.layout().spawns();
        Point spawn = spawns.get(nextSpawn++ % spawns.size());
        Occupant self = new Occupant(connection, avatar, spawn.x(), spawn.z());
        List<Occupant> near = new ArrayList<>();
        double enter2 = Limits.AOI_ENTER * Limits.AOI_ENTER;
        for (Occupant other : occupants.values()) {
            if (self.distanceSquared(other) <= enter2) {
                near.add(other);
                self.visible.add(other.id());
            }
        }
        occupants.put(self.id(), self);
        departed.remove(self.id());
        joinedSinceTick = true;
        return Outbound.joined(space, number, self, near);
    }

    /** Removes an avatar; observers see it exit at the next tick. */
    synchronized boolean remove(long id) {
        if (occupants.remove(id) != null) {
            departed.add(id);
            return true;
        }
        return false;
    }

    synchronized Occupant find(long id) {
        return occupants.get(id);
    }

    /**
     * Applies a move if it is walkable and not faster than allowed.
     *
     * @return null when accepted, else the {@code correction} to send back
     */
    synchronized String move(long id, Inbound.Move move, long now) {
        Occupant o = occupants.get(id);
        if (o == null) {
            return null;
        }
        double dt = Math.max(0.05, (now - o.lastMoveNanos) / 1e9);
        double dx = move.x() - o.x;
        double dz = move.z() - o.z;
        double reach = Limits.MAX_SPEED * dt + 0.5;
        if (move.seq() <= o.seq) {
            return null; // stale or repeated: ignore quietly
        }
        if (dx * dx + dz * dz > reach * reach || !space.layout().isWalkable(move.x(), move.z())) {
            o.seq = move.seq();
            return Outbound.correction(Outbound.round(o.x), Outbound.round(o.z), move.seq());
        }
        o.x = move.x();
        o.z = move.z();
        o.ry = move.ry();
        o.seq = move.seq();
        o.lastMoveNanos = now;
        o.moved = true;
        return null;
    }

    /** Whether the avatar's move should be logged now (sampled), and marks it logged. */
    synchronized boolean sampleMove(long id, long now) {
        Occupant o = occupants.get(id);
        if (o == null || now - o.lastLoggedNanos < Limits.MOVE_LOG_NANOS) {
            return false;
        }
        o.lastLoggedNanos = now;
        return true;
    }

    synchronized List<Connection> connections() {
        List<Connection> list = new ArrayList<>(occupants.size());
        occupants.values().forEach(o -> list.add(o.connection));
        return list;
    }

    /**
     * Computes each observer's delta: moves of visible avatars, avatars entering its area of
     * interest and avatars leaving it or the instance. Cost grows with neighbours, not with the
     * crowd squared.
     */
    synchronized void tick(long tick, List<Outgoing> out) {
        boolean anyMoved = false;
        for (Occupant o : occupants.values()) {
            anyMoved |= o.moved;
        }
        if (!anyMoved && departed.isEmpty() && !joinedSinceTick) {
            return;
        }
        Map<Long, String> movedJson = new HashMap<>();
        Map<Long, List<Occupant>> grid = new HashMap<>();
        for (Occupant o : occupants.values()) {
            if (o.moved) {
                movedJson.put(o.id(), Outbound.movedEntry(o.id(), o.x, o.z, o.ry, o.seq));
            }
            grid.computeIfAbsent(cell(o.x, o.z), k -> new ArrayList<>()).add(o);
        }
        Map<Long, String> presenceJson = new HashMap<>();
        double exit2 = Limits.AOI_EXIT * Limits.AOI_EXIT;
        double enter2 = Limits.AOI_ENTER * Limits.AOI_ENTER;
        StringBuilder moved = new StringBuilder();
        StringBuilder entered = new StringBuilder();
        StringBuilder exited = new StringBuilder();
        for (Occupant observer : occupants.values()) {
            moved.setLength(0);
            entered.setLength(0);
            exited.setLength(0);
            for (Iterator<Long> it = observer.visible.iterator(); it.hasNext(); ) {
                long id = it.next();
                Occupant other = occupants.get(id);
                if (other == null || observer.distanceSquared(other) > exit2) {
                    it.remove();
                    append(exited, Long.toString(id));
                } else if (other.moved) {
                    append(moved, movedJson.get(id));
                }
            }
            int cx = (int) Math.floor(observer.x / Limits.AOI_EXIT);
            int cz = (int) Math.floor(observer.z / Limits.AOI_EXIT);
            for (int gx = cx - 1; gx <= cx + 1; gx++) {
                for (int gz = cz - 1; gz <= cz + 1; gz++) {
                    for (Occupant other : grid.getOrDefault(key(gx, gz), List.of())) {
                        if (other != observer
                                && !observer.visible.contains(other.id())
                                && observer.distanceSquared(other) <= enter2) {
                            observer.visible.add(other.id());
                            append(
                                    entered,
                                    presenceJson.computeIfAbsent(
                                            other.id(), k -> other.presence().toString()));
                        }
                    }
                }
            }
            if (!moved.isEmpty() || !entered.isEmpty() || !exited.isEmpty()) {
                out.add(
                        new Outgoing(
                                observer.connection, Outbound.delta(tick, moved, entered, exited)));
            }
        }
        occupants.values().forEach(o -> o.moved = false);
        departed.clear();
        joinedSinceTick = false;
    }

    private static void append(StringBuilder sb, String json) {
        if (!sb.isEmpty()) {
            sb.append(',');
        }
        sb.append(json);
    }

    private static long cell(double x, double z) {
        return key((int) Math.floor(x / Limits.AOI_EXIT), (int) Math.floor(z / Limits.AOI_EXIT));
    }

    private static long key(int gx, int gz) {
        return ((long) gx << 32) ^ (gz & 0xffffffffL);
    }
}
