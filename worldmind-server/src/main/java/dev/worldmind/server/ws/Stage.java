package dev.worldmind.server.ws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.data.events.BehaviourEvent;
import dev.worldmind.data.events.EventKind;
import dev.worldmind.data.world.AvatarStore;
import dev.worldmind.data.world.Space;
import dev.worldmind.data.world.SpaceRole;
import dev.worldmind.data.world.Visibility;
import dev.worldmind.data.world.WorldStore;
import dev.worldmind.model.language.moderation.ModerationVerdict;
import dev.worldmind.server.event.WorldBus;
import dev.worldmind.server.event.WorldEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every message handler works on: the live world, its stores, the clock and the event bus,
 * with the rules they share (who may enter a space, who is muted, how an avatar is taken out) and
 * the one way to log behaviour. Handlers publish what happened on the bus; none holds a reference
 * to another. Thread-safe.
 */
public final class Stage {
    private final WorldHub hub;
    private final WorldStore world;
    private final AvatarStore avatars;
    private final Clock clock;
    private final WorldBus bus;
    private final Map<String, Instant> mutes = new ConcurrentHashMap<>();

    /**
     * @param hub the live world
     * @param world spaces, members and bans
     * @param avatars avatars
     * @param clock the time source
     * @param bus where what happens is published
     */
    public Stage(WorldHub hub, WorldStore world, AvatarStore avatars, Clock clock, WorldBus bus) {
        this.hub = hub;
        this.world = world;
        this.avatars = avatars;
        this.clock = clock;
        this.bus = bus;
    }

    /** The live world. */
    public WorldHub hub() {
        return hub;
    }

    WorldStore world() {
        return world;
    }

    AvatarStore avatars() {
        return avatars;
    }

    Clock clock() {
        return clock;
    }

    /** The event bus. */
    public WorldBus bus() {
        return bus;
    }

    /** Logs a behaviour event of a connection's account. */
    void log(Connection c, String space, EventKind kind, ObjectNode payload) {
        bus.publish(
                new WorldEvent.Logged(
                        BehaviourEvent.of(
                                clock.instant(),
                                c.id(),
                                c.username(),
                                space,
                                kind,
                                payload == null ? Json.mapper().createObjectNode() : payload)));
    }

    /** Holds a message back for moderators and tells its sender. */
    void withhold(
            Connection c, SpaceInstance in, String ref, String text, ModerationVerdict verdict) {
        bus.publish(
                new WorldEvent.Withheld(
                        c.id(), in.space.id(), ref, text, verdict.reasons(), verdict.spamScore()));
        c.send(Outbound.withheld(ref, verdict.reasons()));
    }

    /**
     * Takes an account's avatar out of a space (kick or ban) and tells its client.
     *
     * @param spaceId the space
     * @param accountId the account
     * @param action "kick" or "ban"
     * @param by the moderator's user name
     * @param reason why, or null
     * @param until when a timed ban ends, or null
     * @return whether the account was in the space
     */
    public boolean evict(
            String spaceId,
            long accountId,
            String action,
            String by,
            String reason,
            Instant until) {
        Connection c = hub.connection(accountId);
        SpaceInstance in = c == null ? null : c.instance;
        if (in == null || !in.space.id().equals(spaceId)) {
            return false;
        }
        hub.leave(c);
        c.send(Outbound.moderated(action, by, reason, until));
        c.send(Outbound.left(spaceId));
        log(c, spaceId, EventKind.LEAVE, null);
        return true;
    }

    /** Refuses a connection that may not enter a space (private, banned or members only). */
    void checkMayEnter(Connection c, Space space) {
        boolean admin = c.principal.atLeast(Role.ADMIN);
        if (space.visibility() == Visibility.PRIVATE
                && !admin
                && world.role(space.id(), c.id()).isEmpty()) {
            throw noSuchSpace(); // as if it did not exist: its name and existence stay private
        }
        if (!admin && world.isBanned(space.id(), c.id(), clock.instant())) {
            throw new ProtocolException("forbidden", "you are banned from this space", "join");
        }
        if (space.visibility() != Visibility.PUBLIC
                && !admin
                && world.role(space.id(), c.id()).isEmpty()) {
            throw new ProtocolException(
                    "forbidden", "only members of '" + space.name() + "' may enter", "join");
        }
    }

    Optional<SpaceRole> spaceRole(String spaceId, long accountId) {
        return world.role(spaceId, accountId);
    }

    /** Mutes an account in a space until a time. */
    void mute(String spaceId, long accountId, Instant until) {
        mutes.put(muteKey(spaceId, accountId), until);
    }

    /** Refuses the chat of an account muted in a space; forgets mutes that are served. */
    void checkNotMuted(String spaceId, long accountId, Instant now) {
        String key = muteKey(spaceId, accountId);
        Instant until = mutes.get(key);
        if (until != null && now.isBefore(until)) {
            throw new ProtocolException("muted", "you are muted here until " + until, "chat");
        } else if (until != null) {
            mutes.remove(key, until); // served
        }
    }

    /** One answer for unknown and hidden spaces, echoing nothing, so neither can be told apart. */
    static ProtocolException noSuchSpace() {
        return new ProtocolException("not_found", "there is no such space you may enter", "join");
    }

    private static String muteKey(String space, long id) {
        return space + "\u0000" + id;
    }
}
