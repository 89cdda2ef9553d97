package dev.worldmind.server.ws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.app.shop.Outfit;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.world.Avatar;
import java.util.BitSet;

/** An avatar inside an instance. Guarded by its instance's lock. */
final class Occupant {
    final Connection connection;
    final Avatar avatar;
    final long id;

    /** This occupant's index in its instance's slot table. */
    final int slot;

    /** Left the instance; observers are told at the next tick, then the slot is reused. */
    boolean gone;

    double x;
    double z;
    double ry;
    long seq;
    long lastMoveNanos;
    long lastLoggedNanos;
    boolean moved;

    /** What the avatar wears, or null. */
    Outfit outfit;

    /** Slots of the avatars this occupant's client currently knows about. */
    final BitSet visible = new BitSet();

    Occupant(Connection connection, Avatar avatar, int slot, double x, double z) {
        this.connection = connection;
        this.avatar = avatar;
        this.id = connection.id();
        this.slot = slot;
        this.x = x;
        this.z = z;
        this.lastMoveNanos = System.nanoTime();
    }

    long id() {
        return id;
    }

    ObjectNode presence() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", id());
        node.put("name", avatar.name());
        node.set("appearance", Json.mapper().valueToTree(avatar.appearance()));
        node.put("x", Outbound.round(x));
        node.put("z", Outbound.round(z));
        node.put("ry", Outbound.round(ry));
        if (outfit != null) {
            node.set("outfit", Outbound.outfit(outfit));
        }
        return node;
    }

    double distanceSquared(Occupant other) {
        double dx = x - other.x;
        double dz = z - other.z;
        return dx * dx + dz * dz;
    }
}
