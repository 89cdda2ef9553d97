package dev.worldmind.server.ws;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Emotes: an avatar waves, claps, dances, sits or points, and everyone in its instance (the sender
 * too) sees it. The server passes them on and keeps no state: a client plays the emote and ends it
 * (a sitter stands up when it moves), so someone arriving later sees the avatar standing.
 */
public final class Emotes implements MessageRoutes.Provider {
    /**
     * A client's emote.
     *
     * @param emote which one (the protocol lists them)
     */
    public record Emote(String emote) {}

    @Override
    public void register(MessageRoutes routes) {
        routes.on(
                "emote",
                Emote.class,
                (from, e) -> {
                    ObjectNode node = Outbound.message("emote");
                    node.put("id", from.connection().id());
                    node.put("emote", e.emote());
                    String event = node.toString();
                    from.instance().connections().forEach(c -> c.send(event));
                });
    }
}
