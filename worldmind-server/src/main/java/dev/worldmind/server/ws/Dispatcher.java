package dev.worldmind.server.ws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.events.EventKind;
import dev.worldmind.data.world.Avatar;
import dev.worldmind.data.world.Item;
import dev.worldmind.data.world.Space;
import dev.worldmind.model.language.moderation.Channel;
import dev.worldmind.model.language.moderation.ModerationVerdict;
import dev.worldmind.model.language.moderation.Moderator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles each client message: checks size, rate, version and permissions, changes the world and
 * logs behaviour events. Whatever a client sends ends as an answer or an {@code error} message; no
 * exception escapes to the socket. Thread-safe.
 */
public final class Dispatcher implements SocketHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Stage stage;
    private final WorldHub hub;
    private final Clock clock;
    private final CharacterDesk characters;
    private final Moderator moderator;
    private final RecommendationDesk recommendations;
    private final RightsWatch rights;
    private final ProtocolSchema schema = ProtocolSchema.get();
    private final MessageRoutes routes;

    /**
     * @param stage the live world, its stores, clock and event bus
     * @param rights looks rights up again before privileged messages
     * @param moderator checks chat before anyone else sees it
     * @param characters the AI characters (who stands in a space)
     * @param recommendations the world's recommendations (told of joins and acts)
     * @param desks the other messages' handlers (each a schema entry of the protocol): talk, tour,
     *     try-on, emotes
     */
    public Dispatcher(
            Stage stage,
            RightsWatch rights,
            Moderator moderator,
            CharacterDesk characters,
            RecommendationDesk recommendations,
            List<? extends MessageRoutes.Provider> desks) {
        this.stage = stage;
        this.hub = stage.hub();
        this.clock = stage.clock();
        this.rights = rights;
        this.moderator = moderator;
        this.characters = characters;
        this.recommendations = recommendations;
        this.routes =
                new MessageRoutes(schema)
                        .add(List.<MessageRoutes.Provider>of(this::register, new Moderation(stage)))
                        .add(desks);
        routes.requireComplete();
    }

    /** Handles one text frame. */
    @Override
    public void onText(Connection c, String text) {
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
            if (message.spec().recheckRights()) {
                rights.recheck(c, message.type()); // rights may have changed since the upgrade
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
        r.on("ping", Inbound.Ping.class, (from, ping) -> from.send(Outbound.pong(ping.t())));
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
        Space space = stage.world().findSpace(join.space()).orElseThrow(Stage::noSuchSpace);
        stage.checkMayEnter(c, space);
        Avatar avatar =
                stage.avatars()
                        .find(c.id())
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

    private void chat(Connection c, SpaceInstance in, Inbound.Chat chat) {
        Instant now = clock.instant();
        stage.checkNotMuted(in.space.id(), c.id(), now);
        Occupant self = in.find(c.id());
        String name = self == null ? c.username() : self.avatar.name();
        ModerationVerdict verdict = moderator.check(chat.text(), Channel.WORLD_CHAT);
        if (!verdict.allowed()) {
            stage.withhold(c, in, "chat", chat.text(), verdict);
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

    /** A socket opened: it replaces the account's older one, whose avatar leaves. */
    @Override
    public void onOpen(Connection c) {
        Connection previous = hub.register(c);
        if (previous != null) {
            SpaceInstance was = hub.leave(previous);
            if (was != null) {
                log(previous, was.space.id(), EventKind.LEAVE, null);
            }
            previous.close(4000, "replaced by a newer connection of the same account");
        }
    }

    /** A connection closed: its avatar leaves. */
    @Override
    public void onClose(Connection c) {
        SpaceInstance was = c.instance;
        hub.unregister(c);
        if (was != null) {
            log(c, was.space.id(), EventKind.LEAVE, null);
        }
    }

    private void log(Connection c, String space, EventKind kind, ObjectNode payload) {
        stage.log(c, space, kind, payload);
    }
}
