package dev.worldmind.server.ws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.world.Avatar;
import java.util.HashSet;
import java.util.Set;

/** An avatar inside an instance. Guarded by its instance's lock. */
final class Occupant {
    final Connection connection;
    final Avatar avatar;
    double x;
    double z;
    double ry;
    long seq;
    long lastMoveNanos;
    long lastLoggedNanos;
    boolean moved;

    /** Ids of the avatars this occupant's client currently knows about. */
    final Set<Long> visible = new HashSet<>();

    Occupant(Connection connection, Avatar avatar, double x, double z) {
        this.connection = connection;
        this.avatar = avatar;
        this.x = x;
        this.z = z;
        this.lastMoveNanos = System.nanoTime();
    }

    long id() {
        return connection.id();
    }

    ObjectNode presence() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", id());
        node.put("name", avatar.name());
        node.set("appearance", Json.mapper().valueToTree(avatar.appearance()));
        node.put("x", Outbound.round(x));
        node.put("z", Outbound.round(z));
        node.put("ry", Outbound.round(ry));
        return node;
    }

    double distanceSquared(Occupant other) {
        double dx = x - other.x;
        double dz = z - other.z;
        return dx * dx + dz * dz;
    }
}
