package dev.worldmind.server.http;

import dev.worldmind.app.character.CharacterDefinition;
import dev.worldmind.app.character.CharacterHost;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.data.conversation.ConversationTurn;
import dev.worldmind.data.moderation.FlagStatus;
import dev.worldmind.data.moderation.FlaggedMessage;
import dev.worldmind.data.moderation.ModerationQueue;
import dev.worldmind.server.security.Principal;
import dev.worldmind.server.ws.CharacterDesk;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AI characters and moderation under {@code /api}: list the characters, read and delete one's
 * own conversation memory, and (admins) review the messages moderation withheld.
 */
final class CharacterRoutes {
    private static final int HISTORY_LIMIT = 200;

    private final Auth auth;
    private final CharacterDesk desk;
    private final ModerationQueue queue;

    CharacterRoutes(Auth auth, CharacterDesk desk, ModerationQueue queue) {
        this.auth = auth;
        this.desk = desk;
        this.queue = queue;
    }

    void install(JavalinConfig cfg) {
        cfg.routes.get(
                "/api/characters",
                ctx -> {
                    auth.require(ctx);
                    ctx.json(Map.of("characters", list()));
                });
        cfg.routes.get(
                "/api/characters/{id}/memory",
                ctx -> {
                    Principal p = auth.require(ctx);
                    String id = character(ctx).id();
                    List<ConversationTurn> turns = host().history(p.id(), id, HISTORY_LIMIT);
                    ctx.json(Map.of("character", id, "turns", turns));
                });
        cfg.routes.delete(
                "/api/characters/{id}/memory",
                ctx -> {
                    Principal p = auth.require(ctx);
                    String id = character(ctx).id();
                    int deleted = host().forget(p.id(), Optional.of(id));
                    ctx.json(Map.of("character", id, "deleted", deleted));
                });
        cfg.routes.delete(
                "/api/characters/memory",
                ctx -> {
                    Principal p = auth.require(ctx);
                    ctx.json(Map.of("deleted", host().forget(p.id(), Optional.empty())));
                });
        cfg.routes.get(
                "/api/moderation/queue",
                ctx -> {
                    auth.require(ctx, Role.ADMIN);
                    int limit = limit(ctx);
                    ctx.json(
                            Map.of(
                                    "pending", queue.pendingCount(),
                                    "items", queue.pending(limit)));
                });
        cfg.routes.post(
                "/api/moderation/queue/{id}",
                ctx -> {
                    Principal p = auth.require(ctx, Role.ADMIN);
                    long id = id(ctx);
                    DecisionBody body = Bodies.read(ctx, DecisionBody.class);
                    FlagStatus decision =
                            switch (body.decision() == null ? "" : body.decision()) {
                                case "approve" -> FlagStatus.APPROVED;
                                case "reject" -> FlagStatus.REJECTED;
                                default ->
                                        throw ApiException.badRequest(
                                                "send {\"decision\": \"approve\" or \"reject\"}");
                            };
                    if (queue.find(id).isEmpty()) {
                        throw ApiException.notFound("no flagged message " + id);
                    }
                    FlaggedMessage reviewed = queue.review(id, decision, p.id());
                    ctx.json(reviewed);
                });
    }

    /** The body of a review. */
    record DecisionBody(String decision) {}

    private List<Map<String, Object>> list() {
        return desk.all().stream()
                .map(
                        c -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("id", c.id());
                            m.put("name", c.name());
                            m.put("role", CharacterDesk.role(c));
                            m.put("home", c.home());
                            m.put("expression", desk.expression(c.id()));
                            m.put("ready", desk.host().isPresent());
                            m.put(
                                    "provider",
                                    desk.host().map(CharacterHost::providerName).orElse(""));
                            return m;
                        })
                .toList();
    }

    private CharacterDefinition character(Context ctx) {
        String id = ctx.pathParam("id");
        return desk.find(id).orElseThrow(() -> ApiException.notFound("no character '" + id + "'"));
    }

    private CharacterHost host() {
        return desk.host()
                .orElseThrow(
                        () ->
                                new ApiException(
                                        503,
                                        "waking_up",
                                        "the characters are still getting ready; try again soon"));
    }

    private static int limit(Context ctx) {
        return Bodies.intQuery(ctx, "limit", 1, 500, 50);
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no flagged message '" + ctx.pathParam("id") + "'");
        }
    }
}
