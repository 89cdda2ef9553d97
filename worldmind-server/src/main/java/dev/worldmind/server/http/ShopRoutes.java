package dev.worldmind.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.app.shop.Garment;
import dev.worldmind.app.shop.GarmentImage;
import dev.worldmind.app.shop.GarmentRecognizer;
import dev.worldmind.app.shop.Recognition;
import dev.worldmind.app.shop.SimilarGarment;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.image.DecoderBusyException;
import dev.worldmind.model.explain.Explanation;
import dev.worldmind.model.serve.OverloadedException;
import dev.worldmind.server.security.Principal;
import dev.worldmind.server.ws.ShopDesk;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The shop's garments under {@code /api/shop}: the garments for sale with their pictures, and
 * recognising an uploaded picture (category, top three, Grad-CAM explanation, similar products and
 * a token to try it on with). Uploads are the raw image as the body, at most 2 MiB ({@code 413}); a
 * picture that cannot be used is a {@code 400} naming why, a missing classifier a {@code 503}.
 */
final class ShopRoutes {
    /** Similar products in a recognition's answer. */
    static final int SIMILAR = 6;

    private final Auth auth;
    private final ShopDesk shop;

    ShopRoutes(Auth auth, ShopDesk shop) {
        this.auth = auth;
        this.shop = shop;
    }

    void install(JavalinConfig cfg) {
        cfg.routes.get(
                "/api/shop/garments",
                ctx -> {
                    auth.require(ctx);
                    ObjectNode body = Json.mapper().createObjectNode();
                    ObjectNode status = body.putObject("recognizer");
                    Optional<GarmentRecognizer> r = shop.recognizer();
                    status.put("ready", r.isPresent());
                    r.ifPresent(x -> status.put("model", x.model()));
                    if (r.isEmpty()) {
                        status.put("message", shop.problem());
                    }
                    ArrayNode list = body.putArray("garments");
                    shop.catalogue().all().forEach(g -> list.add(json(g)));
                    ctx.json(body);
                });
        cfg.routes.get(
                "/api/shop/garments/{file}",
                ctx -> {
                    auth.require(ctx);
                    String file = ctx.pathParam("file");
                    if (!file.endsWith(".png")) {
                        throw ApiException.notFound(
                                "garment pictures are at /api/shop/garments/<id>.png");
                    }
                    Garment g =
                            shop.catalogue()
                                    .find(file.substring(0, file.length() - 4))
                                    .orElseThrow(
                                            () ->
                                                    ApiException.notFound(
                                                            "no garment '" + file + "'"));
                    ctx.contentType("image/png").result(GarmentImage.png(g.picture()));
                });
        cfg.routes.post("/api/shop/recognize", this::recognize);
    }

    private void recognize(Context ctx) {
        Principal p = auth.require(ctx);
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        if (!(type.startsWith("image/png")
                || type.startsWith("image/jpeg")
                || type.startsWith("image/gif"))) {
            throw new ApiException(
                    415,
                    "unsupported_media_type",
                    "send the picture itself as the body, with Content-Type image/png, image/jpeg"
                            + " or image/gif; got "
                            + (type.isEmpty() ? "none" : type));
        }
        if (ctx.contentLength() > GarmentImage.MAX_BYTES) {
            throw tooLarge();
        }
        byte[] upload;
        try (InputStream in = ctx.bodyInputStream()) {
            upload = in.readNBytes(GarmentImage.MAX_BYTES + 1);
        } catch (IOException e) {
            throw ApiException.badRequest("cannot read the picture: " + e.getMessage());
        }
        if (upload.length > GarmentImage.MAX_BYTES) {
            throw tooLarge();
        }
        GarmentRecognizer recognizer =
                shop.recognizer()
                        .orElseThrow(() -> new ApiException(503, "not_trained", shop.problem()));
        // InvalidDataException (not a picture, damaged, blank, too many pixels or frames) -> 400
        ShopDesk.Recognized done;
        try {
            done = shop.recognize(p.id(), recognizer, upload, SIMILAR);
        } catch (DecoderBusyException e) {
            throw new OverloadedException(e.getMessage()); // 503 with Retry-After
        }
        ctx.json(json(done));
    }

    private static ApiException tooLarge() {
        return new ApiException(
                413,
                "too_large",
                "the picture is larger than 2 MiB; send a smaller one (the shop only needs a few"
                        + " hundred pixels)");
    }

    static ObjectNode json(ShopDesk.Recognized done) {
        Recognition r = done.recognition();
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("model", r.model());
        n.put("category", r.category());
        n.put("classIndex", r.classIndex());
        n.put("probability", round(r.probability()));
        ArrayNode top = n.putArray("top");
        r.top()
                .forEach(
                        g ->
                                top.addObject()
                                        .put("category", g.category())
                                        .put("classIndex", g.classIndex())
                                        .put("probability", round(g.probability())));
        n.put("image", r.image().dataUrl());
        n.put("background", r.image().background());
        if (r.explanation() != null) {
            Explanation e = r.explanation();
            ObjectNode x = n.putObject("explanation");
            x.put("method", e.method());
            x.put("classIndex", e.classIndex());
            x.put("className", e.className());
            x.put("probability", round(e.probability()));
            x.put("height", e.height());
            x.put("width", e.width());
            ArrayNode heat = x.putArray("heatmap");
            for (float v : e.heatmap()) {
                heat.add(Math.round(v * 1000) / 1000.0);
            }
        } else {
            n.putNull("explanation");
            n.put("explanationProblem", r.explanationProblem());
        }
        ArrayNode similar = n.putArray("similar");
        for (SimilarGarment s : r.similar()) {
            similar.add(json(s.garment()).put("similarity", round((float) s.similarity())));
        }
        n.putObject("upload").put("kind", "upload").put("id", done.token());
        n.put("says", r.assistantLine());
        return n;
    }

    static ObjectNode json(Garment g) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("id", g.id());
        n.put("name", g.name());
        n.put("description", g.description());
        n.put("price", g.price());
        n.put("category", g.category());
        n.put("picture", GarmentImage.dataUrl(g.picture()));
        return n;
    }

    private static double round(float v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
