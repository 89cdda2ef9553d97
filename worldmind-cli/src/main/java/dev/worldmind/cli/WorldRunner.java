package dev.worldmind.cli;

import dev.worldmind.app.recommend.WorldRecommendations;
import dev.worldmind.app.reinforce.MuseumNavigator;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.server.WorldServer;
import dev.worldmind.server.config.EffectiveConfig;
import dev.worldmind.server.config.ServerConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/** Starts the world server, says where it is, and keeps it running until the process is stopped. */
final class WorldRunner {
    private WorldRunner() {}

    /**
     * The settings a server was started with, and the server.
     *
     * @param config the effective settings, each with its source
     * @param server the running server
     */
    record Opened(EffectiveConfig config, WorldServer server) {}

    /** Starts the server with the settings of the options, file and environment. */
    static Opened open(ServerOptions options, WorldmindHome home) {
        EffectiveConfig config = options.effective(home);
        WorldServer server =
                WorldServer.start(
                        config.server(),
                        ServerOptions.databaseConfig(config.server(), home),
                        Clock.systemUTC(),
                        config.jobs());
        return new Opened(config, server);
    }

    static int run(PrintWriter out, ServerOptions options, WorldmindHome home, boolean startJobs) {
        Opened opened = open(options, home);
        ServerConfig config = opened.config().server();
        WorldServer server = opened.server();
        java.util.List<dev.worldmind.data.jobs.JobStore.Enqueued> queued =
                startJobs
                        ? dev.worldmind.app.job.StartJobs.queueMissing(server.jobs().orElseThrow())
                        : java.util.List.of();
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop =
                () -> {
                    server.close();
                    stopped.countDown();
                };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "worldmind-shutdown"));
        StopSignals.install(server::close); // exits with 128 + the signal once closed
        out.println();
        out.println("The world is open: " + server.url());
        server.firstAdminPassword()
                .ifPresent(
                        password -> {
                            out.println(
                                    "First admin account (shown only this once; stored hashed):");
                            out.println("    user: admin    password: " + password);
                            out.println("    admin page: " + server.url() + "admin.html");
                        });
        out.println(
                "Database: "
                        + (config.databaseUrl() == null
                                ? "embedded H2 in " + home.root().resolve("db")
                                : config.databaseUrl()));
        out.println(
                "Models served from "
                        + home.models()
                        + " at "
                        + server.url()
                        + "api/models ("
                        + (server.managementPort().isPresent()
                                ? "metrics at http://"
                                        + config.management().host()
                                        + ":"
                                        + server.managementPort().getAsInt()
                                        + "/metrics"
                                : "metrics off: set --management-port")
                        + ")");
        if (!server.desks().characters().all().isEmpty()) {
            out.println(
                    "AI characters: "
                            + server.desks().characters().all().stream()
                                    .map(
                                            c ->
                                                    c.name()
                                                            + " ("
                                                            + dev.worldmind.server.ws.CharacterDesk
                                                                    .role(c)
                                                            + ")")
                                    .collect(java.util.stream.Collectors.joining(", "))
                            + "; they wake up within seconds. Replies: "
                            + (config.language().dialogue().usesLlm()
                                    ? config.language().dialogue().provider().value()
                                            + " at "
                                            + config.language().dialogue().effectiveBaseUrl()
                                            + " (model "
                                            + config.language().dialogue().effectiveModel()
                                            + "), the built-in responder as fallback"
                                    : "the built-in responder (set dialogue.provider for an"
                                            + " LLM)"));
        }
        if (config.recommend().enabled()) {
            out.println(
                    "Recommendations: the shop's For-you shelf, places and people in the plaza, the"
                            + " next lesson in the classroom (world-recommender, "
                            + WorldRecommendations.algorithm().name()
                            + ", trained in the background if none is registered; compare"
                            + " algorithms with ./worldmind recommend evaluate)");
        }
        if (config.tour().enabled()) {
            var navigator =
                    new dev.worldmind.model.registry.ModelRegistry(home.models())
                            .latestVersion(MuseumNavigator.NAME);
            out.println(
                    "Tours: ask the museum guide for one; she walks "
                            + (navigator.isPresent()
                                    ? "with the learned policy "
                                            + MuseumNavigator.NAME
                                            + ":"
                                            + navigator.get()
                                            + ", A* standing by"
                                    : "by A* until "
                                            + MuseumNavigator.NAME
                                            + " is trained (a background job below)"));
        }
        if (startJobs) {
            BackgroundJobs.printQueued(out, queued);
        }
        out.println(
                "Studio (datasets, jobs, models, try a model): "
                        + server.url()
                        + "studio.html   Jobs: ./worldmind jobs list");
        out.println("Press Ctrl+C to stop.");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
