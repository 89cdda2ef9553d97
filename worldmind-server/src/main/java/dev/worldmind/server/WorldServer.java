package dev.worldmind.server;

import dev.worldmind.app.character.CharacterLibrary;
import dev.worldmind.app.character.WorldGuide;
import dev.worldmind.app.language.LanguageRuntime;
import dev.worldmind.app.recommend.WorldCatalogue;
import dev.worldmind.app.recommend.WorldRecommendations;
import dev.worldmind.app.recommend.WorldRecommender;
import dev.worldmind.app.shop.GarmentCatalogue;
import dev.worldmind.app.shop.ProductOutfits;
import dev.worldmind.app.shop.UploadedGarments;
import dev.worldmind.app.world.DefaultWorld;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.accounts.AccountStore;
import dev.worldmind.data.accounts.ApiTokenStore;
import dev.worldmind.data.accounts.SessionStore;
import dev.worldmind.data.catalog.CommonPasswords;
import dev.worldmind.data.conversation.ConversationStore;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.DatabaseConfig;
import dev.worldmind.data.events.EventLog;
import dev.worldmind.data.events.EventWriter;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.moderation.ModerationQueue;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.data.world.AvatarStore;
import dev.worldmind.data.world.WorldStore;
import dev.worldmind.model.language.moderation.Moderator;
import dev.worldmind.model.recommend.RecommenderArtifact;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.serve.ModelServer;
import dev.worldmind.server.config.AccountsConfig;
import dev.worldmind.server.config.LanguageConfig;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.server.http.Api;
import dev.worldmind.server.security.ApiTokens;
import dev.worldmind.server.security.Authenticator;
import dev.worldmind.server.security.ClientAddress;
import dev.worldmind.server.security.LoginThrottle;
import dev.worldmind.server.security.PasswordPolicy;
import dev.worldmind.server.security.Passwords;
import dev.worldmind.server.security.RightsSignal;
import dev.worldmind.server.ws.CharacterDesk;
import dev.worldmind.server.ws.DesignDesk;
import dev.worldmind.server.ws.Dispatcher;
import dev.worldmind.server.ws.Emotes;
import dev.worldmind.server.ws.RecommendationDesk;
import dev.worldmind.server.ws.RightsWatch;
import dev.worldmind.server.ws.ShopDesk;
import dev.worldmind.server.ws.TourDesk;
import dev.worldmind.server.ws.WardrobeDesk;
import dev.worldmind.server.ws.WorldHub;
import dev.worldmind.server.ws.WsEndpoint;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The world server: REST API, WebSocket protocol and web client on one port, over one database.
 * Opening it migrates the database, seeds the default world and, on a fresh database, creates the
 * first admin. Close it to stop everything and flush the event log.
 */
public final class WorldServer implements AutoCloseable {
    private static final org.slf4j.Logger LOG =
            org.slf4j.LoggerFactory.getLogger(WorldServer.class);

    private final Database database;
    private final EventWriter events;
    private final WorldHub hub;
    private final Javalin app;
    private final ScheduledExecutorService janitor;
    private final Optional<String> firstAdminPassword;
    private final ServerConfig config;
    private final PrometheusMeterRegistry meters;
    private final Optional<ModelServer> models;
    private final AtomicBoolean ready = new AtomicBoolean();
    private final AtomicBoolean modelsReady = new AtomicBoolean();
    private final AtomicBoolean charactersReady = new AtomicBoolean();
    private final AtomicReference<Moderator> moderator =
            new AtomicReference<>(LanguageRuntime.rulesOnly());
    private final AtomicReference<LanguageRuntime> language = new AtomicReference<>();

    /** Loads the characters' models; close waits for it (a JVM that exits under ONNX crashes). */
    private volatile Thread languageLoader;

    /** The world's places, items and prices as the characters describe them (set at start). */
    private volatile WorldGuide worldGuide;

    private final CharacterDesk characters;
    private final RecommendationDesk recommendations;
    private final TourDesk tours;
    private final ShopDesk shop;
    private final WardrobeDesk wardrobe;
    private final DesignDesk designs = new DesignDesk();
    private final WorldJobs jobs;
    private final AtomicReference<OperatorFile> operatorFile = new AtomicReference<>();

    /** Where {@code /metrics} is served, when the management port is on (never the public port). */
    private final Optional<ManagementPort> management;

    private volatile boolean closed;

    private WorldServer(
            ServerConfig config,
            DatabaseConfig dbConfig,
            Clock clock,
            Optional<dev.worldmind.server.config.JobsConfig> jobsConfig) {
        this.config = config;
        this.database = Database.open(dbConfig);
        this.meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        this.models =
                config.serving()
                        .models()
                        .map(
                                dir ->
                                        new ModelServer(
                                                new ModelRegistry(dir),
                                                m -> config.serving().batching(),
                                                meters,
                                                Duration.ofMinutes(5)));
        boolean started = false;
        try {
            AccountStore accounts = new AccountStore(database);
            SessionStore sessions = new SessionStore(database);
            WorldStore world = new WorldStore(database);
            AvatarStore avatars = new AvatarStore(database);
            EventLog eventLog = new EventLog(database);
            ModerationQueue queue = new ModerationQueue(database);
            ConversationStore conversations = new ConversationStore(database);
            DefaultWorld.seed(world);
            LanguageConfig lang = config.language();
            this.characters =
                    new CharacterDesk(
                            lang.enabled()
                                    ? lang.characters()
                                            .map(CharacterLibrary::load)
                                            .orElseGet(CharacterLibrary::builtIn)
                                    : null);
            worldGuide = WorldGuide.of(world.spaces(), characters.all());
            this.recommendations =
                    new RecommendationDesk(
                            config.recommend().enabled(),
                            new dev.worldmind.data.accounts.PeopleSuggestions(database));
            this.tours = new TourDesk(config.tour(), characters);
            FunctionCounter.builder("worldmind.tour.fallbacks", tours, TourDesk::fallbacks)
                    .description("tour legs on which the navigation policy gave way to A*")
                    .register(meters);
            FunctionCounter.builder("worldmind.tour.started", tours, TourDesk::started)
                    .description("guided tours started")
                    .register(meters);
            FunctionCounter.builder("worldmind.tour.no_route", tours, TourDesk::refused)
                    .description("tours refused because the route did not fit the search budget")
                    .register(meters);
            Authenticator authenticator =
                    new Authenticator(
                            accounts,
                            sessions,
                            config.sessionIdle(),
                            config.sessionAbsolute(),
                            clock,
                            new RightsSignal(),
                            registrationThrottle(config.accounts(), clock),
                            new ApiTokens(new ApiTokenStore(database), accounts, clock),
                            passwordPolicy(jobsConfig));
            this.firstAdminPassword = FirstAdmin.ensure(accounts);
            this.events = new EventWriter(eventLog, 100_000, Duration.ofMillis(200));
            // The hub's watchdog sheds an instance whose tick runs past WorldHub.STALL.
            this.hub = new WorldHub(config.tickHz());
            FunctionCounter.builder("worldmind.tick.shed", hub, WorldHub::shed)
                    .description("space instances shed by the tick watchdog (a tick got stuck)")
                    .register(meters);
            // Garments are recognised with the registry's fashion-cnn (the serving registry, which
            // ./worldmind start sets to the home's, else the recommender's or the tours').
            Optional<ModelRegistry> shopModels =
                    config.serving()
                            .models()
                            .or(() -> config.recommend().models())
                            .or(() -> config.tour().models())
                            .map(ModelRegistry::new);
            GarmentCatalogue garments = GarmentCatalogue.builtIn();
            this.shop =
                    new ShopDesk(
                            shopModels, garments, new UploadedGarments(clock), hub, characters);
            this.wardrobe = new WardrobeDesk();
            wardrobe.register(new ProductOutfits(garments));
            wardrobe.register(shop.uploads());
            wardrobe.register(designs);
            Dispatcher dispatcher =
                    new Dispatcher(
                            hub,
                            world,
                            avatars,
                            events,
                            clock,
                            characters,
                            (text, channel) -> moderator.get().check(text, channel),
                            queue,
                            recommendations,
                            tours,
                            wardrobe,
                            List.of(new Emotes()));
            this.jobs =
                    WorldJobs.forWorld(
                            jobsConfig,
                            database,
                            hub::connectionCount,
                            shop,
                            designs,
                            () -> designs.load(shopModels),
                            () ->
                                    tours.load(
                                            config.tour()
                                                    .models()
                                                    .or(() -> config.serving().models())
                                                    .map(ModelRegistry::new)),
                            () -> reloadLanguage(conversations, clock));
            Origins origins = new Origins(config);
            WsEndpoint ws = new WsEndpoint(hub, dispatcher, avatars);
            RightsWatch rightsWatch = new RightsWatch(hub, dispatcher, authenticator);
            Api api =
                    new Api(
                            config,
                            authenticator,
                            origins::allowed,
                            accounts,
                            world,
                            avatars,
                            eventLog,
                            events,
                            hub,
                            dispatcher,
                            characters,
                            queue,
                            recommendations,
                            shop,
                            designs,
                            models,
                            () -> ready.get() && database.isUp(),
                            new Api.Jobs(
                                    jobs.queue(),
                                    jobs.runner(),
                                    jobs.kinds(),
                                    jobs.events(),
                                    jobsConfig.map(dev.worldmind.server.config.JobsConfig::home)));
            this.app =
                    Javalin.create(
                            cfg -> {
                                cfg.jsonMapper(
                                        new JavalinJackson(
                                                dev.worldmind.core.json.Json.mapper(), false));
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
            app.start();
            try {
                this.management =
                        config.management().port().isPresent()
                                ? Optional.of(ManagementPort.start(config.management(), meters))
                                : Optional.empty();
            } catch (RuntimeException e) {
                app.stop(); // a busy management port must not leave the public port open
                throw e;
            }
            origins.bound(app.port());
            hub.start();
            this.janitor =
                    Executors.newSingleThreadScheduledExecutor(
                            r -> {
                                Thread t = new Thread(r, "worldmind-janitor");
                                t.setDaemon(true);
                                return t;
                            });
            janitor.scheduleWithFixedDelay(
                    () -> {
                        try {
                            authenticator.purgeExpired();
                        } catch (RuntimeException e) {
                            org.slf4j.LoggerFactory.getLogger(WorldServer.class)
                                    .warn("purging expired sessions failed: {}", e.toString());
                        }
                    },
                    1,
                    10,
                    TimeUnit.MINUTES);
            // Open sockets learn of expired sessions within a second (revocation, issue 19).
            janitor.scheduleWithFixedDelay(rightsWatch::sweep, 1, 1, TimeUnit.SECONDS);
            models.ifPresent(
                    m -> {
                        long every = config.serving().refresh().toMillis();
                        janitor.execute(() -> warm(m));
                        janitor.scheduleWithFixedDelay(
                                () -> refresh(m), every, every, TimeUnit.MILLISECONDS);
                    });
            if (models.isEmpty()) {
                modelsReady.set(true);
            }
            if (lang.enabled()) {
                Path languageHome = lang.home().orElseThrow();
                Thread loader =
                        new Thread(
                                () -> loadLanguage(languageHome, conversations, clock),
                                "worldmind-characters");
                loader.setDaemon(true);
                languageLoader = loader;
                loader.start();
            } else {
                charactersReady.set(true);
            }
            if (config.recommend().enabled()) {
                WorldCatalogue catalogue = WorldCatalogue.of(world.spaces(), characters.all());
                Thread loader =
                        new Thread(
                                () -> loadRecommender(eventLog, catalogue, clock),
                                "worldmind-recommender");
                loader.setDaemon(true);
                loader.start();
            }
            if (config.tour().enabled()) {
                Optional<ModelRegistry> registry =
                        config.tour()
                                .models()
                                .or(() -> config.serving().models())
                                .map(ModelRegistry::new);
                Thread loader = new Thread(() -> tours.load(registry), "worldmind-navigator");
                loader.setDaemon(true);
                loader.start();
            }
            if (shopModels.isPresent()) {
                Thread loader = new Thread(shop::load, "worldmind-shop");
                loader.setDaemon(true);
                loader.start();
            }
            // The generated works come from the same registry as the shop's classifier.
            Thread designLoader = new Thread(() -> designs.load(shopModels), "worldmind-designs");
            designLoader.setDaemon(true);
            designLoader.start();
            janitor.scheduleWithFixedDelay(jobs.events()::heartbeat, 15, 15, TimeUnit.SECONDS);
            jobs.start();
            if (jobsConfig.isPresent()) {
                OperatorFile f =
                        new OperatorFile(
                                jobsConfig.get().home().root(), url(), authenticator, accounts);
                operatorFile.set(f);
                janitor.execute(f::renew);
                janitor.scheduleWithFixedDelay(f::renew, 5, 5, TimeUnit.MINUTES);
            }
            updateReady();
            started = true;
        } finally {
            if (!started) {
                models.ifPresent(ModelServer::close);
                database.close();
            }
        }
    }

    /** Loads the default version of every registered model, so first requests do not wait. */
    private void warm(ModelServer m) {
        try {
            for (var status : m.status()) {
                // Text models, generators and policies are listed but used inside the world.
                boolean served =
                        status.versions().stream()
                                .anyMatch(
                                        v ->
                                                v.kind()
                                                        .equals(
                                                                dev.worldmind.model.registry
                                                                        .ModelManifest
                                                                        .IMAGE_CLASSIFIER));
                if (!served) {
                    continue;
                }
                try {
                    m.warm(status.name());
                } catch (RuntimeException e) {
                    LOG.warn("cannot load model {}: {}", status.name(), e.getMessage());
                }
            }
        } finally {
            modelsReady.set(true);
            updateReady();
        }
    }

    /**
     * Opens the language models again after a job registered a new sentiment classifier or spam
     * filter: the characters and the chat's moderation switch to them; the old runtime is closed a
     * minute later, when replies it was writing are done.
     */
    private void reloadLanguage(ConversationStore conversations, Clock clock) {
        if (!config.language().enabled()) {
            moderator.set(
                    config.language()
                            .home()
                            .map(h -> LanguageRuntime.moderator(new WorldmindHome(h)))
                            .orElse(moderator.get()));
            return;
        }
        LanguageRuntime before = language.get();
        if (before == null) {
            return; // still loading: the first load reads the registry as it is now
        }
        loadLanguage(config.language().home().orElseThrow(), conversations, clock);
        if (language.get() != before) {
            janitor.schedule(before::close, 1, TimeUnit.MINUTES);
        }
    }

    /** Loads the characters' models and knowledge; until then they say they are getting ready. */
    private void loadLanguage(Path home, ConversationStore conversations, Clock clock) {
        try {
            LanguageRuntime runtime =
                    LanguageRuntime.open(
                            new WorldmindHome(home),
                            characters.library(),
                            conversations,
                            config.language().dialogue(),
                            clock,
                            worldGuide,
                            LOG::info);
            if (closed) {
                runtime.close();
                return;
            }
            language.set(runtime);
            moderator.set(runtime.moderator());
            characters.ready(runtime.host());
        } catch (RuntimeException e) {
            LOG.error(
                    "the characters could not be loaded; they stay silent and chat is checked by"
                            + " the rule checks alone",
                    e);
        } finally {
            charactersReady.set(true);
            updateReady();
        }
    }

    /**
     * Loads the world's recommender (training and registering it when there is none), then replays
     * what was logged since it was trained; until then recommendations say they are warming up.
     */
    private void loadRecommender(EventLog eventLog, WorldCatalogue catalogue, Clock clock) {
        try {
            ModelRegistry registry =
                    config.recommend()
                            .models()
                            .or(() -> config.serving().models())
                            .map(ModelRegistry::new)
                            .orElse(null);
            RecommenderArtifact artifact =
                    WorldRecommendations.ensure(registry, eventLog, catalogue, clock, LOG::info);
            WorldRecommender live = new WorldRecommender(artifact, catalogue);
            if (closed) {
                return;
            }
            // Live from now on; what was logged between training and now is replayed, so nothing
            // is counted twice (only events still queued for the log in this instant are missed).
            java.time.Instant readyAt = clock.instant();
            recommendations.ready(live);
            int replayed = 0;
            for (Interaction x : WorldRecommendations.since(eventLog, artifact, readyAt)) {
                live.record(x);
                replayed++;
            }
            LOG.info(
                    "recommendations ready: {} over {}, {} interactions replayed from the log",
                    live.algorithm(),
                    artifact.train(),
                    replayed);
        } catch (RuntimeException e) {
            LOG.error("the world's recommender could not be loaded; recommendations stay off", e);
        }
    }

    private void updateReady() {
        ready.set(modelsReady.get() && charactersReady.get());
    }

    private static void refresh(ModelServer m) {
        try {
            m.refresh();
        } catch (RuntimeException e) {
            LOG.warn("following the model registry failed: {}", e.toString());
        }
    }

    /**
     * Starts a server.
     *
     * @param config the server settings
     * @param database the database to use
     * @param clock the time source (sessions, events)
     * @return the running server
     */
    public static WorldServer start(ServerConfig config, DatabaseConfig database, Clock clock) {
        return new WorldServer(config, database, clock, Optional.empty());
    }

    /**
     * Starts a server that also runs background jobs in a Worldmind home.
     *
     * @param config the server settings
     * @param database the database to use
     * @param clock the time source (sessions, events)
     * @param jobs the job runner's settings
     * @return the running server
     */
    public static WorldServer start(
            ServerConfig config,
            DatabaseConfig database,
            Clock clock,
            dev.worldmind.server.config.JobsConfig jobs) {
        return new WorldServer(config, database, clock, Optional.of(jobs));
    }

    /** The background jobs, when this server runs them. */
    public Optional<dev.worldmind.app.job.JobQueue> jobs() {
        return jobs.queue();
    }

    /** The port it listens on (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** The management port serving {@code /metrics}, when it is on. */
    public java.util.OptionalInt managementPort() {
        return management
                .map(m -> java.util.OptionalInt.of(m.port()))
                .orElse(java.util.OptionalInt.empty());
    }

    /** The address to open in a browser. */
    public String url() {
        String host =
                config.host().equals("0.0.0.0") || config.host().equals("127.0.0.1")
                        ? "localhost"
                        : config.host();
        return "http://" + host + ":" + port() + "/";
    }

    /**
     * The password policy with the built-in floor, and the full common-password list loaded (and
     * fetched once) in the background from the home's dataset store: a start never waits for it nor
     * fails without it.
     */
    private static PasswordPolicy passwordPolicy(
            Optional<dev.worldmind.server.config.JobsConfig> jobs) {
        PasswordPolicy policy = PasswordPolicy.withFloor();
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PasswordPolicy.class);
        if (jobs.isEmpty()) {
            log.warn(
                    "no Worldmind home: new passwords are checked against the {} only, not the"
                            + " common-password list",
                    policy.source());
            return policy;
        }
        DatasetStore store = new DatasetStore(jobs.get().home().datasets());
        Thread loader =
                new Thread(
                        () -> {
                            try {
                                policy.use(
                                        CommonPasswords.load(
                                                store,
                                                Passwords.MIN_LENGTH,
                                                ProgressMonitor.silent()));
                                log.info("new passwords are checked against {}", policy.source());
                            } catch (RuntimeException e) {
                                log.warn(
                                        "the common-password list (dataset {}) is not available"
                                                + " ({}); new passwords are checked against the"
                                                + " {} only. Fetch it with: worldmind data"
                                                + " fetch {}",
                                        CommonPasswords.SPEC.name(),
                                        e.getMessage(),
                                        policy.source(),
                                        CommonPasswords.SPEC.name());
                            }
                        },
                        "worldmind-passwords");
        loader.setDaemon(true);
        loader.start();
        return policy;
    }

    private static LoginThrottle registrationThrottle(AccountsConfig accounts, Clock clock) {
        int limit = accounts.registrationsPerAddress();
        Duration window = accounts.registrationWindow();
        return limit == 0 ? null : new LoginThrottle(limit, window, window, clock);
    }

    /** The generated password of the first admin, when this start created it. */
    public Optional<String> firstAdminPassword() {
        return firstAdminPassword;
    }

    /** The model server, when a registry is configured. */
    public Optional<ModelServer> models() {
        return models;
    }

    /** The live world. */
    public WorldHub hub() {
        return hub;
    }

    /** The AI characters. */
    public CharacterDesk characters() {
        return characters;
    }

    /** The museum guide's tours. */
    public TourDesk tours() {
        return tours;
    }

    /** The world's recommendations. */
    public RecommendationDesk recommendations() {
        return recommendations;
    }

    /** The generated works: the shop's new designs and the museum's gallery. */
    public DesignDesk designs() {
        return designs;
    }

    /** Garment recognition in the shop. */
    public ShopDesk shop() {
        return shop;
    }

    /**
     * Try-on: register further {@link dev.worldmind.app.shop.OutfitSource}s here (e.g. generated
     * designs, kind {@code design}).
     */
    public WardrobeDesk wardrobe() {
        return wardrobe;
    }

    /**
     * Waits (a minute at most) for the characters' loader: closing the process while it is inside
     * ONNX Runtime crashes the JVM (SIGSEGV in libonnxruntime), and a loader that finishes after
     * {@code closed} closes what it opened.
     */
    private void awaitLanguageLoader() {
        Thread loader = languageLoader;
        if (loader == null || loader == Thread.currentThread()) {
            return;
        }
        try {
            loader.join(60_000);
            if (loader.isAlive()) {
                LOG.warn("the characters' loader is still running after 60 s; closing without it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            awaitLanguageLoader();
            jobs.close();
            janitor.shutdownNow();
            OperatorFile f = operatorFile.getAndSet(null);
            if (f != null) {
                f.close();
            }
            hub.close();
            management.ifPresent(ManagementPort::close);
            app.stop();
            tours.close();
            shop.close();
            designs.close();
            models.ifPresent(ModelServer::close);
            LanguageRuntime runtime = language.getAndSet(null);
            if (runtime != null) {
                runtime.close();
            }
        } finally {
            try {
                events.close();
            } finally {
                database.close();
            }
        }
    }
}
