package dev.worldmind.server.ws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.app.character.CharacterDefinition;
import dev.worldmind.app.character.CharacterHost;
import dev.worldmind.app.character.CharacterLibrary;
import dev.worldmind.app.character.Reply;
import dev.worldmind.app.character.TalkListener;
import dev.worldmind.app.character.TalkRejectedException;
import dev.worldmind.app.character.TalkRequest;
import dev.worldmind.app.world.CharacterPlacement;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.events.EventKind;
import dev.worldmind.data.world.Space;
import dev.worldmind.data.world.SpaceKind;
import dev.worldmind.model.language.emotion.Expression;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The AI characters in the live world: who stands where (for {@code joined} snapshots), and the
 * {@code talk} message, whose reply streams back to the speaker as {@code talk_start}, {@code
 * talk_token}, {@code talk_restart} and {@code talk_end}. A character's new expression goes to
 * everyone in its space. The character host is loaded in the background; until it is there, talk
 * gets a {@code waking_up} error. Thread-safe.
 */
public final class CharacterDesk implements MessageRoutes.Provider {
    /** How close a speaker must stand to a character, in metres. */
    static final double TALK_DISTANCE = 6.0;

    private static final Map<SpaceKind, String> ROLES =
            Map.of(
                    SpaceKind.PLAZA, "greeter",
                    SpaceKind.MUSEUM, "museum guide",
                    SpaceKind.CLASSROOM, "tutor",
                    SpaceKind.SHOP, "shop assistant",
                    SpaceKind.CLINIC, "nurse");

    private final CharacterLibrary library;
    private final AtomicReference<CharacterHost> host = new AtomicReference<>();
    private final AtomicLong turns = new AtomicLong();
    private final Map<String, Expression> shown = new ConcurrentHashMap<>();
    private final Map<String, CharacterPlacement.Spot> spots = new ConcurrentHashMap<>();
    private final Stage stage;

    /**
     * @param library the characters, one per space kind; null when the characters are off
     * @param stage the live world: conversations are logged there, expressions shown there
     */
    public CharacterDesk(CharacterLibrary library, Stage stage) {
        this.library = library;
        this.stage = stage;
    }

    @Override
    public void register(MessageRoutes routes) {
        routes.on(
                "talk",
                Inbound.Talk.class,
                (from, talk) -> talk(from.connection(), from.instance(), talk));
    }

    /** Returns the characters' library; only when they are on. */
    public CharacterLibrary library() {
        if (library == null) {
            throw new IllegalStateException("the characters are off");
        }
        return library;
    }

    /**
     * Makes the characters answer.
     *
     * @param ready the loaded host
     */
    public void ready(CharacterHost ready) {
        host.set(ready);
    }

    /** Returns the host once it is loaded. */
    public Optional<CharacterHost> host() {
        return Optional.ofNullable(host.get());
    }

    /** Returns the character living in spaces of a kind. */
    public Optional<CharacterDefinition> characterOf(SpaceKind kind) {
        return library == null ? Optional.empty() : library.forSpace(kind);
    }

    /** Returns every character. */
    public java.util.List<CharacterDefinition> all() {
        return library == null ? java.util.List.of() : library.all();
    }

    /** Returns a character by id. */
    public Optional<CharacterDefinition> find(String id) {
        return library == null ? Optional.empty() : library.find(id);
    }

    /** Returns the role name shown beside a character's name, e.g. {@code museum guide}. */
    public static String role(CharacterDefinition c) {
        return ROLES.getOrDefault(c.home(), "guide");
    }

    /** Returns the expression a character shows now. */
    public String expression(String characterId) {
        CharacterHost h = host.get();
        if (h == null) {
            return Expression.NEUTRAL.value();
        }
        return h.emotion(characterId).expression().value();
    }

    /** The characters of a space for its {@code joined} snapshot. */
    ArrayNode presence(Space space) {
        ArrayNode list = Json.mapper().createArrayNode();
        characterOf(space.kind())
                .ifPresent(
                        c -> {
                            CharacterPlacement.Spot spot = spot(space);
                            ObjectNode n = list.addObject();
                            n.put("id", c.id());
                            n.put("name", c.name());
                            n.put("role", role(c));
                            n.put("x", Outbound.round(spot.x()));
                            n.put("z", Outbound.round(spot.z()));
                            n.put("ry", Outbound.round(spot.ry()));
                            n.set("appearance", Json.mapper().valueToTree(spot.appearance()));
                            n.put("expression", expression(c.id()));
                        });
        return list;
    }

    /** Where a space's character stands: worked out once per space (layouts do not change). */
    CharacterPlacement.Spot spot(Space space) {
        return spots.computeIfAbsent(
                space.id(), id -> CharacterPlacement.of(space.kind(), space.layout()));
    }

    /** Handles a {@code talk} message from someone in a space. */
    private void talk(Connection c, SpaceInstance in, Inbound.Talk talk) {
        CharacterDefinition character =
                find(talk.character())
                        .filter(d -> d.home() == in.space.kind())
                        .orElseThrow(
                                () ->
                                        new ProtocolException(
                                                "not_found",
                                                "no character '" + talk.character() + "' here",
                                                "talk"));
        Occupant self = in.find(c.id());
        CharacterPlacement.Spot spot = spot(in.space);
        // A guide on a tour is wherever it has walked to.
        dev.worldmind.data.world.Point at =
                in.characterAt(character.id())
                        .orElse(new dev.worldmind.data.world.Point(spot.x(), spot.z()));
        if (self != null && Math.hypot(self.x - at.x(), self.z - at.z()) > TALK_DISTANCE) {
            throw new ProtocolException(
                    "too_far",
                    "walk up to "
                            + character.name()
                            + " to talk (within "
                            + (int) TALK_DISTANCE
                            + " m)",
                    "talk");
        }
        CharacterHost h = host.get();
        if (h == null) {
            throw new ProtocolException(
                    "waking_up",
                    character.name() + " is still getting ready; try again in a moment",
                    "talk");
        }
        long turn = turns.incrementAndGet();
        String name = self == null ? c.username() : self.avatar.name();
        try {
            h.talk(
                    new TalkRequest(character.id(), c.id(), name, talk.text()),
                    new Stream(c, in, character.id(), turn, talk.text()));
        } catch (TalkRejectedException e) {
            throw new ProtocolException(
                    switch (e.reason()) {
                        case EMPTY, TOO_LONG -> "bad_message";
                        case BUSY -> "busy";
                        case CLOSED -> "unavailable";
                    },
                    e.getMessage(),
                    "talk");
        }
        ObjectNode p = Json.mapper().createObjectNode();
        p.put("character", character.id());
        p.put("text", talk.text());
        stage.log(c, in.space.id(), EventKind.CONVERSATION, p);
    }

    /** Sends one reply's stream to its speaker, and a changed expression to the whole space. */
    private final class Stream implements TalkListener {
        private final Connection c;
        private final SpaceInstance in;
        private final String character;
        private final long turn;
        private final String said;

        Stream(Connection c, SpaceInstance in, String character, long turn, String said) {
            this.c = c;
            this.in = in;
            this.character = character;
            this.turn = turn;
            this.said = said;
        }

        @Override
        public void onStart() {
            c.send(Outbound.talk("talk_start", character, turn).toString());
        }

        @Override
        public void onToken(String text) {
            ObjectNode n = Outbound.talk("talk_token", character, turn);
            n.put("text", text);
            c.send(n.toString());
        }

        @Override
        public void onRestart() {
            c.send(Outbound.talk("talk_restart", character, turn).toString());
        }

        @Override
        public void onReply(Reply reply) {
            if (reply.messageWithheld()) {
                // The host's own verdict: the one check that decided the reply also queues it.
                stage.withhold(c, in, "talk", said, reply.moderation());
            }
            c.send(Outbound.talkEnd(reply, turn).toString());
            Expression before = shown.put(character, reply.expression());
            if (before != reply.expression()) {
                String note = Outbound.expression(character, reply).toString();
                for (SpaceInstance instance : stage.hub().instancesOf(in.space.id())) {
                    instance.connections().forEach(other -> other.send(note));
                }
            }
        }

        @Override
        public void onError(WorldmindException error) {
            c.send(Outbound.error("talk_failed", error.getMessage(), "talk"));
        }
    }
}
