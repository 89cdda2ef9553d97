package dev.worldmind.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.data.image.ImageIntake;
import dev.worldmind.data.image.ImageLimits;
import dev.worldmind.model.explain.Explanation;
import dev.worldmind.model.registry.Aliases;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.serve.ModelServer;
import dev.worldmind.model.vision.Prediction;
import dev.worldmind.server.config.ServingConfig;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The model-serving API under {@code /api/models}: list models, predict (JSON tensors or an image
 * upload) against the default version, a version or an alias, optionally with a Grad-CAM or
 * saliency explanation per image, and move the {@code stable} alias (promote, rollback).
 * Predictions answer asynchronously once the model's batch has run; explanations are computed on
 * the request thread.
 */
final class ModelRoutes {
    private final Auth auth;
    private final Optional<ModelServer> server;
    private final ServingConfig config;
    private final ImageIntake intake;

    ModelRoutes(Auth auth, Optional<ModelServer> server, ServingConfig config) {
        this.auth = auth;
        this.server = server;
        this.config = config;
        this.intake = ImageIntake.of(ImageLimits.DEFAULT.withMaxBytes(config.maxRequestBytes()));
    }

    void install(JavalinConfig cfg) {
        cfg.routes.get(
                "/api/models",
                ctx -> {
                    auth.require(ctx);
                    ctx.json(Map.of("models", server().status()));
                });
        cfg.routes.get(
                "/api/models/{name}",
                ctx -> {
                    auth.require(ctx);
                    ctx.json(server().status(ctx.pathParam("name")));
                });
        cfg.routes.post("/api/models/{name}/predict", ctx -> predict(ctx, ""));
        cfg.routes.post(
                "/api/models/{name}/versions/{version}/predict",
                ctx -> predict(ctx, ctx.pathParam("version")));
        cfg.routes.put(
                "/api/models/{name}/aliases/stable",
                ctx -> {
                    auth.require(ctx, Role.ADMIN);
                    VersionBody body = Bodies.read(ctx, VersionBody.class);
                    if (body.version() == null) {
                        throw ApiException.badRequest("send {\"version\": n}");
                    }
                    ctx.json(server().promote(ctx.pathParam("name"), body.version()));
                });
        cfg.routes.post(
                "/api/models/{name}/rollback",
                ctx -> {
                    auth.require(ctx, Role.ADMIN);
                    Aliases a = server().rollback(ctx.pathParam("name"));
                    ctx.json(a);
                });
        cfg.routes.post(
                "/api/models/refresh",
                ctx -> {
                    auth.require(ctx, Role.ADMIN);
                    server().refresh();
                    ctx.json(Map.of("models", server().status()));
                });
    }

    private ModelServer server() {
        return server.orElseThrow(
                () ->
                        new ApiException(
                                404, "not_found", "this server has no model registry configured"));
    }

    private void predict(Context ctx, String selector) {
        auth.require(ctx, config.predictRole());
        ModelServer models = server();
        String name = ctx.pathParam("name");
        long declared = ctx.contentLength();
        if (declared > config.maxRequestBytes()) {
            throw tooLarge();
        }
        ModelManifest target = models.target(name, selector);
        PredictInput input = read(ctx, target);
        if (input.explain() != null) {
            // Explanations bypass the batches (each needs its own backward pass) and run here.
            ctx.json(
                    answer(
                            models.explain(
                                    name,
                                    selector,
                                    input.pixels(),
                                    input.count(),
                                    input.explain())));
            return;
        }
        ctx.future(
                () ->
                        models.predict(name, selector, input.pixels(), input.count())
                                .handle(
                                        (served, error) -> {
                                            if (error != null) {
                                                ErrorMapping.failed(ctx, error);
                                            } else {
                                                ctx.json(answer(served));
                                            }
                                            return null;
                                        }));
    }

    private PredictInput read(Context ctx, ModelManifest target) {
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        var shape = target.architecture().input();
        if (type.startsWith("multipart/form-data")) {
            UploadedFile file = ctx.uploadedFile("image");
            if (file == null) {
                throw ApiException.badRequest("send the picture in a form field named \"image\"");
            }
            if (file.size() > config.maxRequestBytes()) {
                throw tooLarge();
            }
            try (InputStream in = file.content()) {
                String field = ctx.formParam("explain");
                return PredictInput.image(intake, in.readAllBytes(), shape, invert(ctx))
                        .withExplain(PredictInput.method(field != null ? field : explain(ctx)));
            } catch (IOException e) {
                throw ApiException.badRequest("cannot read the upload: " + e.getMessage());
            }
        }
        byte[] body = body(ctx);
        if (type.startsWith("image/")) {
            return PredictInput.image(intake, body, shape, invert(ctx))
                    .withExplain(PredictInput.method(explain(ctx)));
        }
        if (type.isEmpty() || type.startsWith("application/json")) {
            PredictInput in = PredictInput.json(new ByteArrayInputStream(body), shape);
            String query = explain(ctx);
            return query == null ? in : in.withExplain(PredictInput.method(query));
        }
        throw new ApiException(
                415,
                "unsupported_media_type",
                "send application/json, an image (image/png, image/jpeg, ...) or a"
                        + " multipart form with an \"image\" field; got "
                        + type);
    }

    private byte[] body(Context ctx) {
        return Bodies.bounded(ctx, config.maxRequestBytes());
    }

    /** The {@code explain} query parameter, for uploads (whose body has no room for it). */
    private static String explain(Context ctx) {
        return ctx.queryParam("explain");
    }

    private static Boolean invert(Context ctx) {
        String v = ctx.queryParam("invert");
        if (v == null || v.equals("auto")) {
            return null;
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.valueOf(v);
        }
        throw ApiException.badRequest("invert must be true, false or auto");
    }

    private ApiException tooLarge() {
        return Bodies.tooLarge(config.maxRequestBytes());
    }

    private static PredictResponse answer(ModelServer.Served served) {
        ModelManifest m = served.manifest();
        List<Prediction> out = new ArrayList<>(served.probabilities().length);
        for (float[] p : served.probabilities()) {
            out.add(Prediction.of(p, m.classes()));
        }
        return new PredictResponse(m.name(), m.version(), m.runtime(), out, null);
    }

    private static PredictResponse answer(ModelServer.Explained explained) {
        PredictResponse plain =
                answer(new ModelServer.Served(explained.manifest(), explained.probabilities()));
        return new PredictResponse(
                plain.model(),
                plain.version(),
                plain.runtime(),
                plain.predictions(),
                explained.explanations());
    }

    record VersionBody(Integer version) {}

    /** A predict answer; {@code explanations} (one per image, in order) only when asked for. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PredictResponse(
            String model,
            int version,
            String runtime,
            List<Prediction> predictions,
            List<Explanation> explanations) {}
}
