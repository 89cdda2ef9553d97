package dev.worldmind.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.provenance.CodeVersion;
import dev.worldmind.model.registry.ModelKinds;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.serve.ModelServer;
import dev.worldmind.model.serve.OverloadedException;
import dev.worldmind.model.vision.ImageShape;
import dev.worldmind.server.config.ServingConfig;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

/**
 * The Open Inference Protocol (KServe v2, as Triton, KServe and Seldon MLServer speak it) over
 * HTTP, beside {@code /api/models}: health, server and model metadata, model readiness, and
 * inference with JSON tensors or the binary tensor data extension, plus the classification
 * extension (top-k labels). The image classifiers the model server serves take one {@code FP32}
 * input {@code input} of shape {@code [n, c, h, w]} with values in [0, 1] and give one {@code FP32}
 * output {@code probabilities} of shape {@code [n, classes]}. Errors are {@code {"error": "..."}}
 * as the protocol defines them. Inference needs the serving role and answers once the model's batch
 * has run; metadata needs a session or token.
 */
final class OipRoutes {
    private static final String HEADER_LENGTH = "Inference-Header-Content-Length";

    private final Auth auth;
    private final Optional<ModelServer> server;
    private final ServingConfig config;
    private final BooleanSupplier ready;

    OipRoutes(
            Auth auth, Optional<ModelServer> server, ServingConfig config, BooleanSupplier ready) {
        this.auth = auth;
        this.server = server;
        this.config = config;
        this.ready = ready;
    }

    void install(JavalinConfig cfg) {
        cfg.routes.get("/v2/health/live", ctx -> ctx.json(Map.of("live", true)));
        cfg.routes.get(
                "/v2/health/ready",
                ctx -> {
                    boolean up = ready.getAsBoolean();
                    ctx.status(up ? 200 : 503).json(Map.of("ready", up));
                });
        cfg.routes.get(
                "/v2",
                guarded(
                        ctx -> {
                            auth.require(ctx);
                            ctx.json(
                                    Map.of(
                                            "name", "worldmind",
                                            "version", CodeVersion.current(),
                                            "extensions",
                                                    List.of(
                                                            "binary_tensor_data",
                                                            "classification")));
                        }));
        for (String base : List.of("/v2/models/{name}", "/v2/models/{name}/versions/{version}")) {
            cfg.routes.get(base, guarded(this::metadata));
            cfg.routes.get(
                    base + "/ready",
                    guarded(
                            ctx -> {
                                auth.require(ctx);
                                ModelManifest m = target(ctx);
                                ctx.json(
                                        Map.of(
                                                "name", m.name(),
                                                "version", Integer.toString(m.version()),
                                                "ready", ready.getAsBoolean()));
                            }));
            cfg.routes.post(base + "/infer", guarded(this::infer));
        }
    }

    private void metadata(Context ctx) {
        auth.require(ctx);
        ModelManifest m = target(ctx);
        ImageShape in = m.architecture().input();
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("name", m.name());
        ArrayNode versions = body.putArray("versions");
        server().status(m.name())
                .versions()
                .forEach(v -> versions.add(Integer.toString(v.version())));
        body.put("platform", m.runtime());
        tensor(
                body.putArray("inputs").addObject(),
                OipRequest.INPUT,
                -1,
                in.channels(),
                in.height(),
                in.width());
        tensor(body.putArray("outputs").addObject(), OipRequest.OUTPUT, -1, m.classes().size());
        body.putObject("parameters").putPOJO("classes", m.classes());
        ctx.json(body);
    }

    private static void tensor(ObjectNode t, String name, int... shape) {
        t.put("name", name);
        t.put("datatype", "FP32");
        ArrayNode s = t.putArray("shape");
        Arrays.stream(shape).forEach(s::add);
    }

    private void infer(Context ctx) {
        auth.require(ctx, config.predictRole());
        if (ctx.contentLength() > config.maxRequestBytes()) {
            throw tooLarge();
        }
        ModelManifest m = target(ctx);
        String selector = selector(ctx);
        OipRequest request =
                OipRequest.read(body(ctx), ctx.header(HEADER_LENGTH), m.architecture().input());
        ctx.future(
                () ->
                        server().predict(m.name(), selector, request.pixels(), request.count())
                                .handle(
                                        (served, error) -> {
                                            if (error != null) {
                                                fail(ctx, error);
                                            } else {
                                                answer(ctx, request, served);
                                            }
                                            return null;
                                        }));
    }

    private static void answer(Context ctx, OipRequest request, ModelServer.Served served) {
        ModelManifest m = served.manifest();
        float[][] p = served.probabilities();
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model_name", m.name());
        body.put("model_version", Integer.toString(m.version()));
        if (request.id() != null) {
            body.put("id", request.id());
        }
        ArrayNode outputs = body.putArray("outputs");
        List<OipRequest.Output> asked =
                request.outputs().isEmpty()
                        ? List.of(
                                new OipRequest.Output(OipRequest.OUTPUT, 0, request.binaryOutput()))
                        : request.outputs();
        ByteBuffer binary = null;
        for (OipRequest.Output o : asked) {
            ObjectNode out = outputs.addObject();
            out.put("name", o.name());
            if (o.classification() > 0) {
                int k = Math.min(o.classification(), m.classes().size());
                out.put("datatype", "BYTES");
                out.putArray("shape").add(p.length).add(k);
                ArrayNode data = out.putArray("data");
                for (float[] row : p) {
                    Integer[] order = new Integer[row.length];
                    Arrays.setAll(order, i -> i);
                    Arrays.sort(order, (a, b) -> Float.compare(row[b], row[a]));
                    for (int j = 0; j < k; j++) {
                        int c = order[j];
                        data.add(row[c] + ":" + c + ":" + m.classes().get(c));
                    }
                }
                continue;
            }
            out.put("datatype", "FP32");
            out.putArray("shape").add(p.length).add(m.classes().size());
            if (o.binary()) {
                binary =
                        ByteBuffer.allocate(p.length * m.classes().size() * Float.BYTES)
                                .order(ByteOrder.LITTLE_ENDIAN);
                for (float[] row : p) {
                    for (float v : row) {
                        binary.putFloat(v);
                    }
                }
                out.putObject("parameters").put("binary_data_size", binary.capacity());
            } else {
                ArrayNode data = out.putArray("data");
                for (float[] row : p) {
                    for (float v : row) {
                        data.add(v);
                    }
                }
            }
        }
        if (binary == null) {
            ctx.json(body);
            return;
        }
        byte[] header = Json.write(body).getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(header, header.length + binary.capacity());
        System.arraycopy(binary.array(), 0, all, header.length, binary.capacity());
        ctx.header(HEADER_LENGTH, Integer.toString(header.length));
        ctx.contentType("application/octet-stream").result(all);
    }

    private ModelManifest target(Context ctx) {
        ModelManifest m = server().target(ctx.pathParam("name"), selector(ctx));
        if (!ModelKinds.served(m.kind())) {
            throw new NotFoundException(m.ref() + " is a " + m.kind() + " and is not served");
        }
        return m;
    }

    private static String selector(Context ctx) {
        return ctx.pathParamMap().getOrDefault("version", "");
    }

    private ModelServer server() {
        return server.orElseThrow(
                () -> new NotFoundException("this server has no model registry configured"));
    }

    private byte[] body(Context ctx) {
        return Bodies.bounded(ctx, config.maxRequestBytes());
    }

    private ApiException tooLarge() {
        return Bodies.tooLarge(config.maxRequestBytes());
    }

    /** Runs a handler, answering its failures as the protocol does: {@code {"error": "..."}}. */
    private static Handler guarded(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (RuntimeException e) {
                fail(ctx, e);
            }
        };
    }

    private static void fail(Context ctx, Throwable error) {
        Throwable e =
                error instanceof CompletionException && error.getCause() != null
                        ? error.getCause()
                        : error;
        int status;
        if (e instanceof ApiException a) {
            status = a.status();
        } else if (e instanceof NotFoundException) {
            status = 404;
        } else if (e instanceof InvalidDataException) {
            status = 400;
        } else if (e instanceof OverloadedException) {
            status = 503;
        } else if (e instanceof RuntimeException r) {
            throw r; // authentication and the unexpected: the server's own mapping answers
        } else {
            status = 500;
        }
        ctx.status(status).json(Map.of("error", String.valueOf(e.getMessage())));
    }
}
