package dev.worldmind.server;

import dev.worldmind.app.world.DefaultWorld;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.DatabaseConfig;
import dev.worldmind.data.events.EventWriter;
import dev.worldmind.data.world.WorldStores;
import dev.worldmind.model.serve.ModelServer;
import dev.worldmind.server.config.JobsConfig;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.server.event.WorldBus;
import dev.worldmind.server.event.WorldEvent;
import dev.worldmind.server.security.Authenticator;
import dev.worldmind.server.service.Lifecycle;
import dev.worldmind.server.service.Service;
import dev.worldmind.server.ws.Desks;
import dev.worldmind.server.ws.RightsWatch;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The world server: REST API, WebSocket protocol and web client on one port, over one database.
 * This is the composition root: it makes the stores, the desks and the services; the {@link
 * Lifecycle} starts the services in order, tells when all are ready and closes them in reverse.
 * Opening it migrates the database, seeds the default world and, on a fresh database, creates the
 * first admin. Close it to stop everything and flush the event log.
 */
public final class WorldServer implements AutoCloseable {
    private final Lifecycle life = new Lifecycle();
    private final Desks desks;
    private final Optional<ModelServer> models;
    private final WorldJobs jobs;
    private final WebService web;
    private final Optional<String> firstAdminPassword;

    private WorldServer(
            ServerConfig config, DatabaseConfig db, Clock clock, Optional<JobsConfig> jobsConfig) {
        Database database = Database.open(db);
        life.add(Service.closing("database", database));
        try {
            WorldStores stores = WorldStores.of(database);
            DefaultWorld.seed(stores.world());
            var meters = ManagementPort.meters();
            ModelService serving = new ModelService(config.serving(), meters);
            models = serving.server();
            EventWriter events = EventWriter.of(stores.eventLog());
            life.add(serving, Service.closing("event log", events));
            WorldBus bus = new WorldBus();
            bus.on(WorldEvent.Logged.class, e -> events.offer(e.event()));
            desks = Desks.create(config, stores, clock, bus, meters);
            WorldSecurity security = new WorldSecurity(config, stores, clock, jobsConfig);
            Authenticator auth = security.authenticator();
            firstAdminPassword = FirstAdmin.ensure(stores.accounts());
            LanguageService language = new LanguageService(config.language(), desks, stores, clock);
            jobs = WorldJobs.forWorld(jobsConfig, database, bus, desks);
            RightsWatch rights = new RightsWatch(desks.stage(), auth);
            web =
                    new WebService(
                            config,
                            auth,
                            stores,
                            events,
                            desks,
                            models,
                            () -> life.ready() && database.isUp(),
                            jobs.api(jobsConfig),
                            desks.endpoint(rights, language.moderator()),
                            meters);
            life.add(security, language, desks.tours(), desks.shop(), desks.designs());
            RecommenderService.forWorld(config, desks, stores, clock).ifPresent(life::add);
            // The socket opens before the tick starts; the tick stops (closing the sockets) first.
            life.add(web, desks.hub(), rights, jobs);
            OperatorFile.of(jobsConfig, web::url, auth, stores.accounts()).ifPresent(life::add);
        } catch (RuntimeException e) {
            life.close();
            throw e;
        }
        life.start();
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
            ServerConfig config, DatabaseConfig database, Clock clock, JobsConfig jobs) {
        return new WorldServer(config, database, clock, Optional.of(jobs));
    }

    /** The background jobs, when this server runs them. */
    public Optional<dev.worldmind.app.job.JobQueue> jobs() {
        return jobs.queue();
    }

    /** The port it listens on (useful with port 0). */
    public int port() {
        return web.port();
    }

    /** The management port serving {@code /metrics}, when it is on (never the public port). */
    public OptionalInt managementPort() {
        return web.managementPort();
    }

    /** The address to open in a browser. */
    public String url() {
        return web.url();
    }

    /** The generated password of the first admin, when this start created it. */
    public Optional<String> firstAdminPassword() {
        return firstAdminPassword;
    }

    /** The model server, when a registry is configured. */
    public Optional<ModelServer> models() {
        return models;
    }

    /** The live world's desks: the hub, the characters, tours, shop, designs and try-on. */
    public Desks desks() {
        return desks;
    }

    /** Stops every service, in the reverse order of their start, and flushes the event log. */
    @Override
    public void close() {
        life.close();
    }
}
