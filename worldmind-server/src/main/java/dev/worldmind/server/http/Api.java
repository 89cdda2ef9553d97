package dev.worldmind.server.http;

import dev.worldmind.core.provenance.CodeVersion;
import dev.worldmind.data.events.EventWriter;
import dev.worldmind.data.world.Layout;
import dev.worldmind.data.world.Point;
import dev.worldmind.data.world.WorldStores;
import dev.worldmind.model.serve.ModelServer;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.server.security.Authenticator;
import dev.worldmind.server.security.Principal;
import dev.worldmind.server.ws.Desks;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** The REST API under {@code /api} (docs/protocol.md): wires the route groups and error mapping. */
public final class Api {
    /** The layout of a space created without one: an empty 20 m square room. */
    private static final Layout EMPTY_ROOM =
            new Layout(20, 20, List.of(new Point(10, 10)), List.of(), List.of(), List.of());

    private final Auth auth;
    private final AccountRoutes accountRoutes;
    private final SpaceRoutes spaceRoutes;
    private final AdminRoutes adminRoutes;
    private final ModelRoutes modelRoutes;
    private final OipRoutes oipRoutes;
    private final CharacterRoutes characterRoutes;
    private final RecommendationRoutes recommendationRoutes;
    private final ShopRoutes shopRoutes;
    private final DesignRoutes designRoutes;
    private final JobRoutes jobRoutes;
    private final StudioRoutes studioRoutes;
    private final BooleanSupplier ready;

    /**
     * @param config the server settings
     * @param authenticator sessions and logins
     * @param originAllowed the origin allowlist
     * @param stores the world's stores
     * @param events the behaviour event log's writer
     * @param desks the live world's desks (evictions, characters, recommendations, shop, designs)
     * @param models the model server, if a registry is configured
     * @param ready whether the server can take traffic (database up, default models loaded)
     * @param jobs the background jobs and the Studio's data
     */
    public Api(
            ServerConfig config,
            Authenticator authenticator,
            Predicate<String> originAllowed,
            WorldStores stores,
            EventWriter events,
            Desks desks,
            Optional<ModelServer> models,
            BooleanSupplier ready,
            Jobs jobs) {
        this.auth =
                new Auth(
                        authenticator,
                        originAllowed,
                        config.secureCookies(),
                        config.sessionAbsolute());
        this.accountRoutes = new AccountRoutes(auth, stores.avatars());
        this.spaceRoutes =
                new SpaceRoutes(auth, stores.world(), stores.accounts(), desks.stage(), EMPTY_ROOM);
        this.adminRoutes =
                new AdminRoutes(auth, stores.accounts(), stores.eventLog(), events, desks.hub());
        this.modelRoutes = new ModelRoutes(auth, models, config.serving());
        this.oipRoutes = new OipRoutes(auth, models, config.serving(), ready);
        this.characterRoutes = new CharacterRoutes(auth, desks.characters(), stores.moderation());
        this.recommendationRoutes = new RecommendationRoutes(auth, desks.recommendations());
        this.shopRoutes = new ShopRoutes(auth, desks.shop());
        this.designRoutes = new DesignRoutes(auth, desks.designs());
        this.jobRoutes =
                new JobRoutes(auth, jobs.queue(), jobs.runner(), jobs.kinds(), jobs.events());
        this.studioRoutes = new StudioRoutes(auth, jobs.home(), config.serving().models());
        this.ready = ready;
    }

    /**
     * Adds the routes.
     *
     * @param cfg the Javalin configuration
     */
    public void install(JavalinConfig cfg) {
        // Below Javalin, so that static files, upgrade refusals and Jetty's own errors are covered
        JsonErrors errors = new JsonErrors();
        cfg.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new SecurityHeaders()));
        cfg.jetty.modifyServer(server -> server.setErrorHandler(errors));
        cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(errors));
        ErrorMapping.install(cfg);
        // Static files set their own Cache-Control; a caller with credentials still gets no-store
        cfg.routes.after(
                ctx -> {
                    if (SecurityHeaders.mustNotStore(ctx)) {
                        ctx.header("Cache-Control", "no-store");
                    }
                });
        cfg.routes.get(
                "/api/health",
                ctx -> ctx.json(Map.of("status", "up", "version", CodeVersion.current())));
        cfg.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "live")));
        cfg.routes.get(
                "/health/ready",
                ctx -> {
                    boolean up = ready.getAsBoolean();
                    ctx.status(up ? 200 : 503).json(Map.of("status", up ? "ready" : "starting"));
                });
        accountRoutes.install(cfg);
        modelRoutes.install(cfg);
        oipRoutes.install(cfg);
        spaceRoutes.install(cfg);
        adminRoutes.install(cfg);
        characterRoutes.install(cfg);
        recommendationRoutes.install(cfg);
        shopRoutes.install(cfg);
        designRoutes.install(cfg);
        jobRoutes.install(cfg);
        studioRoutes.install(cfg);
    }

    /**
     * The background jobs the API shows and queues, and the home the Studio reads datasets from.
     *
     * @param queue the job queue, empty without a Worldmind home
     * @param runner its runner
     * @param kinds the job kinds
     * @param events the event stream browsers follow
     * @param home the Worldmind home, if any
     */
    public record Jobs(
            java.util.Optional<dev.worldmind.app.job.JobQueue> queue,
            java.util.Optional<dev.worldmind.app.job.JobRunner> runner,
            dev.worldmind.app.job.JobKinds kinds,
            JobEvents events,
            java.util.Optional<dev.worldmind.core.WorldmindHome> home) {}

    /**
     * The caller of a WebSocket upgrade; throws 401 when there is none.
     *
     * @param ctx the upgrade request
     * @return the caller
     */
    public Principal requireForUpgrade(Context ctx) {
        return auth.find(ctx)
                .filter(p -> p.may(dev.worldmind.server.security.Scope.SESSION)) // no API tokens
                .orElseThrow(() -> new io.javalin.http.UnauthorizedResponse("log in first"));
    }
}
