package dev.worldmind.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.app.recommend.RecommendKind;
import dev.worldmind.app.recommend.WorldRecommender;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.json.Json;
import dev.worldmind.server.security.Principal;
import dev.worldmind.server.ws.RecommendationDesk;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * The world's recommendations under {@code /api/recommendations}, for the signed-in user: top
 * things of a kind, things similar to one, and people with similar tastes (opt-in, see {@link
 * RecommendationDesk#people}). 503 {@code warming_up} until the recommender is loaded; bad
 * parameters are 400s naming the parameter.
 */
final class RecommendationRoutes {
    /** The most a list may hold. */
    static final int MAX_N = 50;

    private static final int DEFAULT_N = 6;

    private final Auth auth;
    private final RecommendationDesk desk;

    RecommendationRoutes(Auth auth, RecommendationDesk desk) {
        this.auth = auth;
        this.desk = desk;
    }

    void install(JavalinConfig cfg) {
        cfg.routes.get(
                "/api/recommendations",
                ctx -> {
                    Principal p = auth.require(ctx);
                    int n = n(ctx);
                    String raw = ctx.queryParam("kind");
                    RecommendKind kind;
                    try {
                        kind = RecommendKind.fromValue(raw == null ? "product" : raw);
                    } catch (InvalidDataException e) {
                        throw ApiException.badRequest("kind: " + e.getMessage());
                    }
                    WorldRecommender r = recommender();
                    ObjectNode body = start(r);
                    body.put("kind", kind.value());
                    ArrayNode items = body.putArray("items");
                    r.recommend(p.account().username(), kind, n)
                            .forEach(x -> items.add(RecommendationDesk.json(x)));
                    ctx.json(body);
                });
        cfg.routes.get(
                "/api/recommendations/people",
                ctx -> {
                    Principal p = auth.require(ctx);
                    int n = n(ctx);
                    WorldRecommender r = recommender();
                    ObjectNode body = start(r);
                    body.put("optedIn", desk.peopleOptIn(p.id()));
                    ArrayNode people = body.putArray("people");
                    desk.people(r, p.id(), p.account().username(), n)
                            .forEach(x -> people.add(RecommendationDesk.json(x)));
                    ctx.json(body);
                });
        cfg.routes.get(
                "/api/recommendations/people/opt-in",
                ctx -> {
                    Principal p = auth.require(ctx);
                    ctx.json(java.util.Map.of("optedIn", desk.peopleOptIn(p.id())));
                });
        cfg.routes.put(
                "/api/recommendations/people/opt-in",
                ctx -> {
                    Principal p = auth.require(ctx);
                    OptIn body = Bodies.read(ctx, OptIn.class);
                    if (body.optedIn() == null) {
                        throw ApiException.badRequest("optedIn must be true or false");
                    }
                    desk.peopleOptIn(p.id(), body.optedIn());
                    ctx.json(java.util.Map.of("optedIn", body.optedIn()));
                });
        cfg.routes.get(
                "/api/recommendations/similar/<itemId>",
                ctx -> {
                    auth.require(ctx);
                    int n = n(ctx);
                    WorldRecommender r = recommender();
                    String item = ctx.pathParam("itemId");
                    ObjectNode body = start(r);
                    body.put("item", item);
                    ArrayNode items = body.putArray("items");
                    // NotFoundException -> 404 with its message (ErrorMapping)
                    r.similar(item, n).forEach(x -> items.add(RecommendationDesk.json(x)));
                    ctx.json(body);
                });
    }

    /** The body of {@code PUT /api/recommendations/people/opt-in}. */
    record OptIn(Boolean optedIn) {}

    private static ObjectNode start(WorldRecommender r) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("algorithm", r.algorithm());
        return body;
    }

    private WorldRecommender recommender() {
        if (!desk.enabled()) {
            throw new ApiException(
                    503, "unavailable", "recommendations are switched off on this server");
        }
        return desk.current()
                .orElseThrow(
                        () ->
                                new ApiException(
                                        503,
                                        "warming_up",
                                        "recommendations are warming up; try again in a moment"));
    }

    private static int n(Context ctx) {
        String raw = ctx.queryParam("n");
        if (raw == null) {
            return DEFAULT_N;
        }
        int n;
        try {
            n = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("n must be a whole number from 1 to " + MAX_N);
        }
        if (n < 1 || n > MAX_N) {
            throw ApiException.badRequest("n must be from 1 to " + MAX_N + ", not " + n);
        }
        return n;
    }
}
