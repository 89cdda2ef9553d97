package dev.worldmind.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.app.design.Design;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.image.GrayPng;
import dev.worldmind.server.ws.DesignDesk;
import io.javalin.config.JavalinConfig;
import java.util.List;

/**
 * Generated works under {@code /api/designs/{space}}: the shop's new designs and the museum's
 * gallery, with their pictures as PNG data URLs. {@code ?batch=N} draws another set. 503 {@code
 * warming_up} while the generators load, 404 when none is registered or the space has no display.
 */
final class DesignRoutes {
    /** Picture enlargement: 28 px images are sent at 112 px. */
    static final int SCALE = 4;

    private final Auth auth;
    private final DesignDesk desk;

    DesignRoutes(Auth auth, DesignDesk desk) {
        this.auth = auth;
        this.desk = desk;
    }

    void install(JavalinConfig cfg) {
        cfg.routes.get(
                "/api/designs/{space}",
                ctx -> {
                    auth.require(ctx);
                    String space = ctx.pathParam("space");
                    int batch = batch(ctx.queryParam("batch"));
                    if (desk.gallery().isEmpty()) {
                        if (!desk.loaded()) {
                            throw new ApiException(
                                    503, "warming_up", "the generators are still loading");
                        }
                        java.util.Optional<String> waiting = desk.waiting();
                        if (waiting.isPresent()) {
                            throw new ApiException(503, "learning", waiting.get());
                        }
                        throw ApiException.notFound(
                                "no generator is registered: run ./worldmind gan train --dataset"
                                        + " fashion-mnist");
                    }
                    // NotFoundException (space without a display) -> 404 with its message
                    List<Design> designs;
                    try {
                        designs = desk.display(space, batch).orElseThrow();
                    } catch (dev.worldmind.core.NotFoundException e) {
                        java.util.Optional<String> waiting =
                                space.equals("shop") ? desk.waiting() : java.util.Optional.empty();
                        if (waiting.isPresent()) {
                            throw new ApiException(503, "learning", waiting.get());
                        }
                        throw e;
                    }
                    ObjectNode body = Json.mapper().createObjectNode();
                    body.put("space", space);
                    body.put("batch", batch);
                    ArrayNode list = body.putArray("designs");
                    for (Design d : designs) {
                        list.add(json(d));
                    }
                    ctx.json(body);
                });
    }

    private static int batch(String raw) {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("batch must be a whole number, is '" + raw + "'");
        }
    }

    static ObjectNode json(Design d) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("id", d.id());
        o.put("title", d.title());
        o.put("category", d.category());
        if (!Float.isNaN(d.confidence())) {
            o.put("confidence", d.confidence());
        }
        o.put("requested", d.requested());
        o.put("generator", d.generator());
        o.put("wearable", d.id().startsWith(dev.worldmind.app.design.DesignGallery.FASHION + ":"));
        o.put("png", GrayPng.dataUrl(d.pixels(), d.height(), d.width(), SCALE));
        return o;
    }
}
