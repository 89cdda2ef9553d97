package dev.worldmind.server.ws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.worldmind.data.world.Avatar;
import dev.worldmind.data.world.Point;
import dev.worldmind.data.world.Space;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One running copy of a space: the avatars in it and what changed since the last tick. When a space
 * is full, the hub opens another instance of it (overflow). All methods lock the instance; the
 * messages they produce are sent by the caller after the lock is released.
 *
 * <p>Occupants live in a slot table, and each one's area of interest is a bit set over the slots,
 * so a tick does no boxing or hashing per pair. A slot freed by a departure is reused only after
 * the tick that told the observers. New neighbours are looked for in the 3x3 cells of a grid around
 * each observer, so a tick costs in proportion to the neighbours, not to the crowd squared.
 */
final class SpaceInstance {
    final Space space;
    final int number;

    /** Which phase of the hub's tick period this instance ticks in. */
    final int phase;

    /** Set by the hub's watchdog when a tick got stuck here: the instance is no longer ticked. */
    volatile boolean degraded;

    /** Ticks run so far (for tests and the watchdog's log). */
    volatile long ticks;

    private final Map<Long, Occupant> byId = new HashMap<>();
    private Occupant[] slots = new Occupant[16];
    private final BitSet used = new BitSet();
    private final BitSet departed = new BitSet();
    private int nextSpawn;
    private boolean joinedSinceTick;

    /** The character walking here (the guide on a tour), or null when it stands at its spot. */
    private GuideWalk guide;

    /** A message for one connection. */
    record Outgoing(Connection to, String text) {}

    SpaceInstance(Space space, int number, int phase) {
        this.space = space;
        this.number = number;
        this.phase = phase;
    }

    synchronized int size() {
        return byId.size();
    }

    synchronized boolean hasRoom() {
        return byId.size() < space.capacity();
    }

    /** Adds an avatar at a spawn point; returns its {@code joined} message. */
    synchronized String enter(Connection connection, Avatar avatar, ArrayNode characters) {
        List<Point> spawns = space.layout().spawns();
        Point spawn = spawns.get(nextSpawn++ % spawns.size());
        int slot = used.nextClearBit(0);
        if (slot >= slots.length) {
            slots = java.util.Arrays.copyOf(slots, slots.length * 2);
        }
        Occupant self = new Occupant(connection, avatar, slot, spawn.x(), spawn.z());
        List<Occupant> near = new ArrayList<>();
        double enter2 = Limits.AOI_ENTER * Limits.AOI_ENTER;
        for (Occupant other : byId.values()) {
            if (self.distanceSquared(other) <= enter2) {
                near.add(other);
                self.visible.set(other.slot);
            }
        }
        slots[slot] = self;
        used.set(slot);
        byId.put(self.id, self);
        joinedSinceTick = true;
        if (guide != null) {
            // The snapshot shows the walking character where it is now, not at its spot.
            for (com.fasterxml.jackson.databind.JsonNode c : characters) {
                if (c.path("id").asText().equals(guide.character)) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) c)
                            .put("x", Outbound.round(guide.x()))
                            .put("z", Outbound.round(guide.z()))
                            .put("ry", Outbound.round(guide.ry()));
                }
            }
        }
        return Outbound.joined(space, number, self, near, characters);
    }

    /** Removes an avatar; observers see it exit at the next tick. */
    synchronized boolean remove(long id) {
        Occupant o = byId.remove(id);
        if (o == null) {
            return false;
        }
        o.gone = true;
        departed.set(o.slot);
        if (guide != null && guide.visitor == id) {
            guide.cancel(); // the visitor left: the guide walks home
        }
        return true;
    }

    /** The walking character, or null. */
    synchronized GuideWalk guide() {
        return guide;
    }

    /** Lets a character walk here (replacing the walk it was on). */
    synchronized void guide(GuideWalk walk) {
        guide = walk;
    }

    /** Where a character stands when it is walking here. */
    synchronized java.util.Optional<Point> characterAt(String id) {
        return guide != null && guide.character.equals(id)
                ? java.util.Optional.of(new Point(guide.x(), guide.z()))
                : java.util.Optional.empty();
    }

    /**
     * Dresses an avatar (or undresses it with null).
     *
     * @return everyone in the instance to tell, or null when the avatar is not here
     */
    synchronized List<Connection> wear(long id, dev.worldmind.app.shop.Outfit outfit) {
        Occupant o = byId.get(id);
        if (o == null) {
            return null;
        }
        o.outfit = outfit;
        return connections();
    }

    synchronized Occupant find(long id) {
        return byId.get(id);
    }

    /**
     * Applies a move if it is walkable and not faster than allowed.
     *
     * @return null when accepted, else the {@code correction} to send back
     */
    synchronized String move(long id, Inbound.Move move, long now) {
        Occupant o = byId.get(id);
        if (o == null || move.seq() <= o.seq) {
            return null; // gone, or a stale or repeated move: ignore quietly
        }
        double dt = Math.max(0.05, (now - o.lastMoveNanos) / 1e9);
        double dx = move.x() - o.x;
        double dz = move.z() - o.z;
        double reach = Limits.MAX_SPEED * dt + 0.5;
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
        Occupant o = byId.get(id);
        if (o == null || now - o.lastLoggedNanos < Limits.MOVE_LOG_NANOS) {
            return false;
        }
        o.lastLoggedNanos = now;
        return true;
    }

    synchronized List<Connection> connections() {
        List<Connection> list = new ArrayList<>(byId.size());
        byId.values().forEach(o -> list.add(o.connection));
        return list;
    }

    /**
     * Computes each observer's delta: moves of visible avatars, avatars entering its area of
     * interest and avatars leaving it or the instance.
     */
    synchronized void tick(long tick, List<Outgoing> out) {
        ticks++;
        int top = used.length();
        String[] movedJson = new String[top];
        boolean anyMoved = false;
        for (int s = used.nextSetBit(0); s >= 0; s = used.nextSetBit(s + 1)) {
            Occupant o = slots[s];
            if (o.moved && !o.gone) {
                movedJson[s] = Outbound.movedEntry(o.id, o.x, o.z, o.ry, o.seq);
                anyMoved = true;
            }
        }
        if (anyMoved || !departed.isEmpty() || joinedSinceTick) {
            deltas(tick, top, movedJson, out);
        }
        for (int s = departed.nextSetBit(0); s >= 0; s = departed.nextSetBit(s + 1)) {
            slots[s] = null;
            used.clear(s);
        }
        departed.clear();
        for (Occupant o : byId.values()) {
            o.moved = false;
        }
        joinedSinceTick = false;
        if (guide != null && guide.step(byId.values(), System.nanoTime(), out)) {
            guide = null;
        }
    }

    private void deltas(long tick, int top, String[] movedJson, List<Outgoing> out) {
        // A grid of AOI_EXIT-sized cells as linked lists over slots: head per cell, next per slot.
        double cell = Limits.AOI_EXIT;
        int cols = (int) Math.ceil(space.layout().width() / cell) + 1;
        int rows = (int) Math.ceil(space.layout().depth() / cell) + 1;
        int[] head = new int[cols * rows];
        java.util.Arrays.fill(head, -1);
        int[] next = new int[top];
        for (Occupant o : byId.values()) {
            int c = cellOf(o, cell, cols, rows);
            next[o.slot] = head[c];
            head[c] = o.slot;
        }
        String[] presenceJson = new String[top];
        double exit2 = Limits.AOI_EXIT * Limits.AOI_EXIT;
        double enter2 = Limits.AOI_ENTER * Limits.AOI_ENTER;
        StringBuilder moved = new StringBuilder();
        StringBuilder entered = new StringBuilder();
        StringBuilder exited = new StringBuilder();
        for (Occupant observer : byId.values()) {
            moved.setLength(0);
            entered.setLength(0);
            exited.setLength(0);
            BitSet visible = observer.visible;
            for (int s = visible.nextSetBit(0); s >= 0; s = visible.nextSetBit(s + 1)) {
                Occupant other = slots[s];
                if (other.gone || observer.distanceSquared(other) > exit2) {
                    visible.clear(s);
                    append(exited, Long.toString(other.id));
                } else if (movedJson[s] != null) {
                    append(moved, movedJson[s]);
                }
            }
            int cx = (int) (observer.x / cell);
            int cz = (int) (observer.z / cell);
            for (int gz = Math.max(0, cz - 1); gz <= Math.min(rows - 1, cz + 1); gz++) {
                for (int gx = Math.max(0, cx - 1); gx <= Math.min(cols - 1, cx + 1); gx++) {
                    for (int s = head[gz * cols + gx]; s >= 0; s = next[s]) {
                        Occupant other = slots[s];
                        if (other != observer
                                && !visible.get(s)
                                && observer.distanceSquared(other) <= enter2) {
                            visible.set(s);
                            if (presenceJson[s] == null) {
                                presenceJson[s] = other.presence().toString();
                            }
                            append(entered, presenceJson[s]);
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
    }

    private static int cellOf(Occupant o, double cell, int cols, int rows) {
        int cx = Math.min(cols - 1, Math.max(0, (int) (o.x / cell)));
        int cz = Math.min(rows - 1, Math.max(0, (int) (o.z / cell)));
        return cz * cols + cx;
    }

    private static void append(StringBuilder sb, String json) {
        if (!sb.isEmpty()) {
            sb.append(',');
        }
        sb.append(json);
    }
}
