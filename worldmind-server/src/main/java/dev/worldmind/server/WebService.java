package dev.worldmind.server;

import dev.worldmind.core.json.Json;
import dev.worldmind.data.events.EventWriter;
import dev.worldmind.data.world.WorldStores;
import dev.worldmind.model.serve.ModelServer;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.server.http.Api;
import dev.worldmind.server.security.Authenticator;
import dev.worldmind.server.security.ClientAddress;
import dev.worldmind.server.service.Lifecycle;
import dev.worldmind.server.service.Service;
import dev.worldmind.server.ws.Desks;
import dev.worldmind.server.ws.WsEndpoint;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/**
 * The public port (REST API, WebSocket protocol and web client, served by Javalin) and, when
 * configured, the management port with {@code /metrics}. Opens both at start; a busy management
 * port closes the public one again.
 */
final class WebService implements Service {
    private final ServerConfig config;
    private final Origins origins;
    private final Api api;
    private final WsEndpoint ws;
    private final PrometheusMeterRegistry meters;
    private volatile Javalin app;
    private volatile Optional<ManagementPort> management = Optional.empty();

    /**
     * @param config the server settings
     * @param auth sessions and logins
     * @param stores the world's stores
     * @param events the behaviour event log's writer
     * @param desks the live world's desks
     * @param models the model server, if a registry is configured
     * @param ready whether the server can take traffic
     * @param jobs what the API shows of the background jobs
     * @param ws the WebSocket endpoint
     * @param meters the meters the management port shows
     */
    WebService(
            ServerConfig config,
            Authenticator auth,
            WorldStores stores,
            EventWriter events,
            Desks desks,
            Optional<ModelServer> models,
            BooleanSupplier ready,
            Api.Jobs jobs,
            WsEndpoint ws,
            PrometheusMeterRegistry meters) {
        this.config = config;
        this.origins = new Origins(config);
        this.api =
                new Api(config, auth, origins::allowed, stores, events, desks, models, ready, jobs);
        this.ws = ws;
        this.meters = meters;
    }

    @Override
    public String name() {
        return "web";
    }

    @Override
    public void start(Lifecycle life) {
        Javalin started =
                Javalin.create(
                        cfg -> {
                            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
                            ClientAddress clients = new ClientAddress(config.trustedProxies());
                            cfg.contextResolver.ip = clients::of;
                            cfg.jetty.host = config.host();
                            cfg.jetty.port = config.port();
                            cfg.http.maxRequestSize = 1 << 20;
                            cfg.startup.showJavalinBanner = false;
                            cfg.staticFiles.add(
                                    s -> {
                                        s.hostedPath = "/";
                                        s.directory = "/worldmind-web";
                                        s.location = Location.CLASSPATH;
                                    });
                            api.install(cfg);
                            ws.install(cfg, origins::allowed, api::requireForUpgrade);
                        });
        started.start();
        try {
            if (config.management().port().isPresent()) {
                management = Optional.of(ManagementPort.start(config.management(), meters));
            }
        } catch (RuntimeException e) {
            started.stop(); // a busy management port must not leave the public port open
            throw e;
        }
        origins.bound(started.port());
        app = started;
    }

    /** The public port (useful with port 0). */
    int port() {
        return app.port();
    }

    /** The management port, when it is on. */
    OptionalInt managementPort() {
        return management.map(m -> OptionalInt.of(m.port())).orElse(OptionalInt.empty());
    }

    /** The address to open in a browser. */
    String url() {
        String host =
                config.host().equals("0.0.0.0") || config.host().equals("127.0.0.1")
                        ? "localhost"
                        : config.host();
        return "http://" + host + ":" + port() + "/";
    }

    @Override
    public void close() {
        management.ifPresent(ManagementPort::close);
        if (app != null) {
            app.stop();
        }
    }
}
