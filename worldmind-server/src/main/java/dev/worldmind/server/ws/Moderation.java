package dev.worldmind.server.ws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.data.events.EventKind;
import dev.worldmind.data.world.SpaceRole;
import dev.worldmind.data.world.WorldStore;
import java.time.Duration;
import java.time.Instant;

/**
 * Kick, mute and ban inside a space. Who may: admins everywhere, a space's owners and moderators
 * there; and only over someone of lower rank (a moderator cannot ban the owner).
 */
final class Moderation {
    private final WorldHub hub;
    private final WorldStore world;
    private final Dispatcher dispatcher;

    Moderation(WorldHub hub, WorldStore world, Dispatcher dispatcher) {
        this.hub = hub;
        this.world = world;
        this.dispatcher = dispatcher;
    }

    void apply(Connection actor, SpaceInstance in, Inbound.Moderate m) {
        String spaceId = in.space.id();
        int actorRank = rank(actor.principal.atLeast(Role.ADMIN), spaceId, actor.id());
        if (actorRank < 1) {
            throw new ProtocolException(
                    "forbidden", "only moderators of this space may " + m.action(), "moderate");
        }
        Connection target = hub.connection(m.target());
        if (target == null
                || target.instance == null
                || !target.instance.space.id().equals(spaceId)) {
            throw new ProtocolException(
                    "not_found", "account " + m.target() + " is not in this space", "moderate");
        }
        if (target.id() == actor.id()) {
            throw new ProtocolException(
                    "bad_message", "you cannot " + m.action() + " yourself", "moderate");
        }
        int targetRank = rank(target.principal.atLeast(Role.ADMIN), spaceId, target.id());
        if (targetRank >= actorRank) {
            throw new ProtocolException(
                    "forbidden",
                    "you may not " + m.action() + " someone of your rank or higher",
                    "moderate");
        }
        Instant now = dispatcher.clock().instant();
        Instant until = m.seconds() > 0 ? now.plus(Duration.ofSeconds(m.seconds())) : null;
        String by = actor.username();
        switch (m.action()) {
            case "mute" -> {
                Instant muteUntil = until != null ? until : now.plus(Duration.ofMinutes(5));
                dispatcher.mute(spaceId, target.id(), muteUntil);
                target.send(Outbound.moderated("mute", by, m.reason(), muteUntil));
            }
            case "ban" -> {
                world.ban(spaceId, target.id(), actor.id(), m.reason(), until);
                dispatcher.evict(spaceId, target.id(), "ban", by, m.reason(), until);
            }
            default -> dispatcher.evict(spaceId, target.id(), "kick", by, m.reason(), null);
        }
        ObjectNode p = Json.mapper().createObjectNode();
        p.put("action", m.action()).put("target", target.id());
        dispatcher.log(actor, spaceId, EventKind.MODERATION, p);
    }

    private int rank(boolean admin, String spaceId, long accountId) {
        if (admin) {
            return 3;
        }
        return dispatcher
                .spaceRole(spaceId, accountId)
                .map(r -> r == SpaceRole.OWNER ? 2 : r == SpaceRole.MODERATOR ? 1 : 0)
                .orElse(0);
    }
}
