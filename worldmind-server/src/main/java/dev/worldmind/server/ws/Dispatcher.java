package dev.worldmind.server.ws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.data.events.BehaviourEvent;
import dev.worldmind.data.events.EventKind;
import dev.worldmind.data.events.EventWriter;
import dev.worldmind.data.moderation.ModerationQueue;
import dev.worldmind.data.world.Avatar;
import dev.worldmind.data.world.AvatarStore;
import dev.worldmind.data.world.Item;
import dev.worldmind.data.world.Space;
import dev.worldmind.data.world.SpaceRole;
import dev.worldmind.data.world.Visibility;
import dev.worldmind.data.world.WorldStore;
import dev.worldmind.model.language.moderation.Channel;
import dev.worldmind.model.language.moderation.ModerationVerdict;
import dev.worldmind.model.language.moderation.Moderator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles each client message: checks size, rate, version and permissions, changes the world and
 * logs behaviour events. Whatever a client sends ends as an answer or an {@code error} message; no
 * exception escapes to the socket. Thread-safe.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final WorldHub hub;
    private final WorldStore world;
    private final AvatarStore avatars;
    private final EventWriter events;
    private final Clock clock;
    private final Map<String, Instant> mutes = new ConcurrentHashMap<>();
    private final Moderation moderation;
    private final CharacterDesk characters;
    private final Moderator moderator;
    private final ModerationQueue queue;
    private final RecommendationDesk recommendations;
    private final TourDesk tours;
    private final WardrobeDesk wardrobe;
    private volatile RightsWatch rights;
    private final ProtocolSchema schema = ProtocolSchema.get();
    private final MessageRoutes routes;

    /**
     * @param hub the live world
     * @param world spaces, members and bans
     * @param avatars avatars
     * @param events the behaviour event log's writer
     * @param clock the time source
     * @param characters the AI characters
     * @param moderator checks chat and talk before anyone else sees it
     * @param queue where withheld messages wait for a moderator
     * @param recommendations the world's recommendations (every logged interaction goes there)
     * @param tours the museum guide's tours
     * @param wardrobe try-on of garments
     * @param extensions more client messages' handlers (each a schema entry of the protocol)
     */
    public Dispatcher(
            WorldHub hub,
            WorldStore world,
            AvatarStore avatars,
            EventWriter events,
            Clock clock,
            CharacterDesk characters,
            Moderator moderator,
            ModerationQueue queue,
            RecommendationDesk recommendations,
            TourDesk tours,
            WardrobeDesk wardrobe,
            List<? extends MessageRoutes.Provider> extensions) {
        this.hub = hub;
        this.world = world;
        this.avatars = avatars;
        this.events = events;
        this.clock = clock;
        this.moderation = new Moderation(hub, world, this);
        this.characters = characters;
        this.moderator = moderator;
        this.queue = queue;
        this.recommendations = recommendations;
        this.tours = tours;
        this.wardrobe = wardrobe;
        characters.attach(this, hub);
        tours.attach(this);
        this.routes = new MessageRoutes(schema).add(List.of(this::register)).add(extensions);
        routes.requireComplete();
    }

    /** Handles one text frame. */
    void onText(Connection c, String text) {
        long now = System.nanoTime();
        try {
            if (text.length() > Limits.MESSAGE_BYTES / 4
                    && text.getBytes(StandardCharsets.UTF_8).length > Limits.MESSAGE_BYTES) {
                throw new ProtocolException(
                        "too_large", "a message may have at most 64 KiB; it was dropped", null);
            }
            c.lastUsed = clock.instant();
            ProtocolSchema.Message message = schema.parse(text);
            RateLimiter limiter =
                    switch (message.spec().limit()) {
                        case "move" -> c.moves;
                        case "chat" -> c.chats; // a reply, a walk or an emote: chat's pace
                        default -> c.others;
                    };
            if (!limiter.tryAcquire(now)) {
                throw new ProtocolException(
                        "rate_limited",
                        "too many " + message.type() + " messages; slow down",
                        message.type());
            }
            RightsWatch watch = rights;
            if (watch != null && message.spec().recheckRights()) {
                watch.recheck(c, message.type()); // rights may have changed since the upgrade
            }
            routes.dispatch(new Sender(c, message.type(), now), message);
        } catch (ProtocolException e) {
            c.send(Outbound.error(e.code(), e.getMessage(), e.ref()));
            if (("rate_limited".equals(e.code()) || "too_large".equals(e.code()))
                    && c.dropped(now)) {
                c.close(1008, "flooding: too many refused messages");
            }
        } catch (RuntimeException e) {
            LOG.error("message from account {} failed", c.id(), e);
            c.send(Outbound.error("internal", "the server could not handle that message", null));
        }
    }

    /** The messages the dispatcher handles itself: presence, chat, items, moderation, ping. */
    private void register(MessageRoutes r) {
        r.on("join", Inbound.Join.class, (from, join) -> join(from.connection(), join));
        r.on("leave", Inbound.Leave.class, (from, leave) -> leave(from));
        r.on("move", Inbound.Move.class, this::move);
        r.on(
                "chat",
                Inbound.Chat.class,
                (from, chat) -> chat(from.connection(), from.instance(), chat));
        r.on("act", Inbound.Act.class, (from, act) -> act(from.connection(), from.instance(), act));
        r.on(
                "moderate",
                Inbound.Moderate.class,
                (from, m) -> moderation.apply(from.connection(), from.instance(), m));
        r.on(
                "talk",
                Inbound.Talk.class,
                (from, talk) -> characters.talk(from.connection(), from.instance(), talk));
        r.on(
                "tour",
                Inbound.Tour.class,
                (from, tour) -> tours.tour(from.connection(), from.instance(), tour));
        r.on("try_on", Inbound.TryOn.class, this::tryOn);
        r.on(
                "take_off",
                Inbound.TakeOff.class,
                (from, off) -> wardrobe.takeOff(from.connection(), from.instance()));
        r.on("ping", Inbound.Ping.class, (from, ping) -> from.send(Outbound.pong(ping.t())));
    }

    private void tryOn(Sender from, Inbound.TryOn tryOn) {
        SpaceInstance in = from.instance();
        Inbound.Garment garment = tryOn.garment();
        wardrobe.tryOn(from.connection(), in, garment);
        if (garment.kind().equals(dev.worldmind.app.shop.ProductOutfits.KIND)
                && in.space.layout().item(garment.id()).isPresent()) {
            // Trying a product on is a close look at it, for the recommender too.
            ObjectNode p = Json.mapper().createObjectNode();
            p.put("item", garment.id());
            p.put("via", "try_on");
            log(from.connection(), in.space.id(), EventKind.ITEM_VIEW, p);
        }
    }

    private void leave(Sender from) {
        Connection c = from.connection();
        SpaceInstance left = hub.leave(c);
        if (left == null) {
            throw Sender.notInSpace("leave");
        }
        log(c, left.space.id(), EventKind.LEAVE, null);
        c.send(Outbound.left(left.space.id()));
    }

    private void move(Sender from, Inbound.Move move) {
        SpaceInstance in = from.instance();
        Connection c = from.connection();
        String correction = in.move(c.id(), move, from.now());
        if (correction != null) {
            c.send(correction);
        } else if (in.sampleMove(c.id(), from.now())) {
            ObjectNode p = Json.mapper().createObjectNode();
            p.put("x", Outbound.round(move.x())).put("z", Outbound.round(move.z()));
            log(c, in.space.id(), EventKind.MOVE, p);
        }
    }

    private void join(Connection c, Inbound.Join join) {
        Space space = world.findSpace(join.space()).orElseThrow(Dispatcher::noSuchSpace);
        checkMayEnter(c, space);
        Avatar avatar =
                avatars.find(c.id())
                        .orElseThrow(
                                () ->
                                        new ProtocolException(
                                                "no_avatar",
                                                "create your avatar first (PUT /api/avatar)",
                                                "join"));
        SpaceInstance previous = hub.leave(c);
        if (previous != null) {
            log(c, previous.space.id(), EventKind.LEAVE, null);
        }
        SpaceInstance target = hub.place(space);
        String joined = target.enter(c, avatar, characters.presence(space));
        c.instance = target;
        c.send(joined);
        ObjectNode p = Json.mapper().createObjectNode();
        p.put("instance", target.number);
        if (join.via() != null) {
            p.put("via", join.via());
        }
        log(c, space.id(), EventKind.JOIN, p);
        recommendations.entered(c, space);
    }

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

    private void chat(Connection c, SpaceInstance in, Inbound.Chat chat) {
        String muteKey = muteKey(in.space.id(), c.id());
        Instant until = mutes.get(muteKey);
        Instant now = clock.instant();
        if (until != null && now.isBefore(until)) {
            throw new ProtocolException("muted", "you are muted here until " + until, "chat");
        } else if (until != null) {
            mutes.remove(muteKey, until); // served
        }
        Occupant self = in.find(c.id());
        String name = self == null ? c.username() : self.avatar.name();
        ModerationVerdict verdict = moderator.check(chat.text(), Channel.WORLD_CHAT);
        if (!verdict.allowed()) {
            withhold(c, in, "chat", chat.text(), verdict);
            return;
        }
        String text = Outbound.chat(c.id(), name, chat.text(), now);
        in.connections().forEach(other -> other.send(text));
        ObjectNode p = Json.mapper().createObjectNode();
        p.put("text", chat.text());
        log(c, in.space.id(), EventKind.CHAT, p);
    }

    private void act(Connection c, SpaceInstance in, Inbound.Act act) {
        Optional<Item> item = in.space.layout().item(act.item());
        if (item.isEmpty()) {
            throw new ProtocolException("not_found", "no item '" + act.item() + "' here", "act");
        }
        if (act.action().equals("purchase") && item.get().price() == null) {
            throw new ProtocolException(
                    "bad_message", item.get().name() + " is not for sale", "act");
        }
        ObjectNode p = Json.mapper().createObjectNode();
        p.put("item", item.get().id());
        if (act.action().equals("purchase")) {
            p.put("price", item.get().price());
        }
        EventKind kind =
                switch (act.action()) {
                    case "view" -> EventKind.ITEM_VIEW;
                    case "like" -> EventKind.LIKE;
                    default -> EventKind.PURCHASE;
                };
        log(c, in.space.id(), kind, p);
        c.send(Outbound.acted(act.action(), item.get().id()));
        recommendations.acted(c, in.space);
    }

    /** Queues a withheld message for moderators and tells its sender. */
    void withhold(
            Connection c, SpaceInstance in, String ref, String text, ModerationVerdict verdict) {
        queue.flag(c.id(), in.space.id(), ref, text, verdict.reasons(), verdict.spamScore());
        c.send(Outbound.withheld(ref, verdict.reasons()));
    }

    void mute(String spaceId, long accountId, Instant until) {
        mutes.put(muteKey(spaceId, accountId), until);
    }

    Optional<SpaceRole> spaceRole(String spaceId, long accountId) {
        return world.role(spaceId, accountId);
    }

    Clock clock() {
        return clock;
    }

    void watch(RightsWatch watch) {
        this.rights = watch;
    }

    /** A socket opened: it replaces the account's older one, whose avatar leaves. */
    void onOpen(Connection c) {
        Connection previous = hub.register(c);
        if (previous != null) {
            SpaceInstance was = hub.leave(previous);
            if (was != null) {
                log(previous, was.space.id(), EventKind.LEAVE, null);
            }
            previous.close(4000, "replaced by a newer connection of the same account");
        }
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

    /** A connection closed: its avatar leaves. */
    void onClose(Connection c) {
        SpaceInstance was = c.instance;
        hub.unregister(c);
        if (was != null) {
            log(c, was.space.id(), EventKind.LEAVE, null);
        }
    }

    void log(Connection c, String space, EventKind kind, ObjectNode payload) {
        BehaviourEvent event =
                BehaviourEvent.of(
                        clock.instant(),
                        c.id(),
                        c.username(),
                        space,
                        kind,
                        payload == null ? Json.mapper().createObjectNode() : payload);
        events.offer(event);
        recommendations.observe(event);
    }

    /** One answer for unknown and hidden spaces, echoing nothing, so neither can be told apart. */
    private static ProtocolException noSuchSpace() {
        return new ProtocolException("not_found", "there is no such space you may enter", "join");
    }

    private static String muteKey(String space, long id) {
        return space + "\u0000" + id;
    }
}
