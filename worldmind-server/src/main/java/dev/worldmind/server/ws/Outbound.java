package dev.worldmind.server.ws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.app.character.Reply;
import dev.worldmind.app.shop.Outfit;
import dev.worldmind.app.shop.UploadedGarments;
import dev.worldmind.app.tour.TourEvent;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.world.Space;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Server-to-client messages of protocol version 1, as JSON text. Stateless and thread-safe. */
public final class Outbound {
    private Outbound() {}

    static ObjectNode message(String type) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("v", ProtocolSchema.get().version());
        node.put("type", ProtocolSchema.get().outbound(type));
        return node;
    }

    static String text(ObjectNode node) {
        return node.toString();
    }

    static String error(String code, String message, String ref) {
        ObjectNode node = message("error");
        node.put("code", code);
        node.put("message", message);
        if (ref != null) {
            node.put("ref", ref);
        }
        return text(node);
    }

    static String joined(
            Space space,
            int instance,
            Occupant self,
            Collection<Occupant> others,
            ArrayNode characters) {
        ObjectNode node = message("joined");
        node.set("space", Json.mapper().valueToTree(space));
        node.put("instance", instance);
        node.set("self", self.presence());
        ArrayNode list = node.putArray("others");
        others.forEach(o -> list.add(o.presence()));
        node.set("characters", characters);
        return text(node);
    }

    static ObjectNode talk(String type, String character, long turn) {
        ObjectNode node = message(type);
        node.put("character", character);
        node.put("turn", turn);
        return node;
    }

    static ObjectNode talkEnd(Reply reply, long turn) {
        ObjectNode node = talk("talk_end", reply.characterId(), turn);
        node.put("text", reply.text());
        node.put("expression", reply.expression().value());
        node.set("emotion", emotion(reply));
        reply.action()
                .ifPresent(
                        a -> {
                            ObjectNode action = node.putObject("action");
                            action.put("kind", a.kind());
                            action.put("target", a.target());
                        });
        ArrayNode sources = node.putArray("sources");
        reply.sources().forEach(sources::add);
        node.put("provider", reply.provider());
        node.put("fellBack", reply.fellBack());
        node.put("route", reply.route());
        node.put("withheld", reply.messageWithheld());
        return node;
    }

    static ObjectNode expression(String character, Reply reply) {
        ObjectNode node = message("expression");
        node.put("character", character);
        node.put("expression", reply.expression().value());
        node.set("emotion", emotion(reply));
        return node;
    }

    private static ObjectNode emotion(Reply reply) {
        ObjectNode levels = Json.mapper().createObjectNode();
        reply.emotion()
                .asMap()
                .forEach((e, v) -> levels.put(e.name().toLowerCase(Locale.ROOT), round(v)));
        return levels;
    }

    static String characterMove(String character, double x, double z, double ry) {
        ObjectNode node = message("character_move");
        node.put("character", character);
        node.put("x", round(x));
        node.put("z", round(z));
        node.put("ry", round(ry));
        return text(node);
    }

    static String tour(String character, long visitor, TourEvent e) {
        ObjectNode node = message("tour");
        node.put("character", character);
        node.put("visitor", visitor);
        node.put("state", e.state());
        ObjectNode stop = node.putObject("stop");
        stop.put("item", e.stop().item().id());
        stop.put("name", e.stop().item().name());
        stop.put("index", e.stop().index());
        stop.put("of", e.stop().of());
        node.put("text", e.text());
        node.put("navigator", e.planner());
        return text(node);
    }

    /**
     * An avatar's outfit changed.
     *
     * @param avatar the avatar's (account's) id
     * @param outfit what it wears now, or null when it took it off
     */
    static String outfit(long avatar, Outfit outfit) {
        ObjectNode node = message("outfit");
        node.put("id", avatar);
        if (outfit == null) {
            node.putNull("outfit");
        } else {
            node.set("outfit", outfit(outfit));
        }
        return text(node);
    }

    /** An outfit as JSON: where it came from, its name, category and picture (a PNG data URL). */
    static ObjectNode outfit(Outfit outfit) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("source", outfit.source());
        // An upload's token stays with its owner: it is not shown to others.
        if (!outfit.source().equals(UploadedGarments.KIND)) {
            node.put("id", outfit.ref());
        }
        node.put("name", outfit.name());
        node.put("category", outfit.category());
        node.put("picture", outfit.pictureDataUrl());
        return node;
    }

    /** A character says something to one user (the shop assistant naming an upload). */
    static String says(String character, String text) {
        ObjectNode node = message("says");
        node.put("character", character);
        node.put("text", text);
        return text(node);
    }

    static String withheld(String ref, List<String> reasons) {
        ObjectNode node = message("withheld");
        node.put("ref", ref);
        ArrayNode list = node.putArray("reasons");
        reasons.forEach(list::add);
        node.put("message", "a moderator will review it; others did not see it");
        return text(node);
    }

    static String left(String space) {
        ObjectNode node = message("left");
        node.put("space", space);
        return text(node);
    }

    static String correction(double x, double z, long seq) {
        ObjectNode node = message("correction");
        node.put("x", x);
        node.put("z", z);
        node.put("seq", seq);
        return text(node);
    }

    static String chat(long fromId, String fromName, String text, Instant at) {
        ObjectNode node = message("chat");
        ObjectNode from = node.putObject("from");
        from.put("id", fromId);
        from.put("name", fromName);
        node.put("text", text);
        node.put("at", at.toString());
        return text(node);
    }

    static String acted(String action, String item) {
        ObjectNode node = message("acted");
        node.put("action", action);
        node.put("item", item);
        return text(node);
    }

    static String moderated(String action, String by, String reason, Instant until) {
        ObjectNode node = message("moderated");
        node.put("action", action);
        node.put("by", by);
        node.put("reason", reason == null ? "" : reason);
        if (until != null) {
            node.put("until", until.toString());
        }
        return text(node);
    }

    static String pong(double t) {
        ObjectNode node = message("pong");
        node.put("t", t);
        node.put("serverTime", System.currentTimeMillis());
        return text(node);
    }

    /** One entry of a delta's {@code moved} list, built once per tick and shared by observers. */
    static String movedEntry(long id, double x, double z, double ry, long seq) {
        StringBuilder sb = new StringBuilder(64);
        sb.append("{\"id\":").append(id).append(",\"x\":");
        centis(sb, x).append(",\"z\":");
        centis(sb, z).append(",\"ry\":");
        centis(sb, ry).append(",\"seq\":").append(seq).append('}');
        return sb.toString();
    }

    /**
     * Appends a number rounded to two decimals without going through Double.toString or
     * String.format (hot path: every move of every avatar, here and in the load tool).
     *
     * @param sb where to append
     * @param v the number
     * @return {@code sb}
     */
    public static StringBuilder centis(StringBuilder sb, double v) {
        long c = Math.round(v * 100.0);
        if (c < 0) {
            sb.append('-');
            c = -c;
        }
        sb.append(c / 100).append('.');
        long frac = c % 100;
        if (frac < 10) {
            sb.append('0');
        }
        return sb.append(frac);
    }

    /** A whole delta from prebuilt parts; each part is a comma-joined list of JSON values. */
    static String delta(long tick, CharSequence moved, CharSequence entered, CharSequence exited) {
        StringBuilder sb =
                new StringBuilder(64 + moved.length() + entered.length() + exited.length());
        sb.append("{\"v\":1,\"type\":\"delta\",\"tick\":").append(tick);
        sb.append(",\"moved\":[").append(moved).append("],\"entered\":[").append(entered);
        sb.append("],\"exited\":[").append(exited).append("]}");
        return sb.toString();
    }

    /** Centimetre precision is plenty for positions and keeps deltas small. */
    static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
