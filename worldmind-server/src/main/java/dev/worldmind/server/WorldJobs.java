package dev.worldmind.server;

import dev.worldmind.app.generate.GanJob;
import dev.worldmind.app.generate.Gans;
import dev.worldmind.app.job.JobKinds;
import dev.worldmind.app.job.JobListener;
import dev.worldmind.app.job.JobQueue;
import dev.worldmind.app.job.JobRunner;
import dev.worldmind.app.language.LanguageModels;
import dev.worldmind.app.reinforce.MuseumNavigator;
import dev.worldmind.app.vision.TrainJob;
import dev.worldmind.app.vision.TrainingPresets;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.jobs.Job;
import dev.worldmind.data.jobs.JobPoint;
import dev.worldmind.data.jobs.JobState;
import dev.worldmind.server.config.JobsConfig;
import dev.worldmind.server.http.JobEvents;
import dev.worldmind.server.ws.DesignDesk;
import dev.worldmind.server.ws.ShopDesk;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The world's background jobs: the queue and its runner, the event stream the Studio follows, and
 * what happens in the world when a job registers a model (the feature that waited for it picks it
 * up without a restart). While a feature waits, {@link #waiting} says so in visitors' words.
 */
final class WorldJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorldJobs.class);

    private final Optional<JobQueue> queue;
    private final Optional<JobRunner> runner;
    private final JobKinds kinds = JobKinds.installed();
    private final JobEvents events = new JobEvents();
    private final Map<String, Runnable> onRegistered;

    /**
     * Sets up the jobs; {@link #start()} them once the world is up.
     *
     * @param config the runner's settings, or empty for a server without jobs
     * @param database the world database (the queue lives in it)
     * @param people how many people are connected (jobs use fewer threads while any are)
     * @param onRegistered what to reload when a model of a name is registered
     */
    WorldJobs(
            Optional<JobsConfig> config,
            Database database,
            IntSupplier people,
            Map<String, Runnable> onRegistered) {
        this.onRegistered = Map.copyOf(onRegistered);
        this.queue = config.map(c -> new JobQueue(database, c.home(), kinds));
        JobListener listener =
                new JobListener() {
                    @Override
                    public void changed(Job job) {
                        events.changed(job);
                        if (job.state() == JobState.DONE && job.output() != null) {
                            registered(job.output());
                        }
                    }

                    @Override
                    public void point(long jobId, JobPoint point) {
                        events.point(jobId, point);
                    }
                };
        this.runner =
                config.flatMap(
                        c ->
                                queue.map(
                                        q ->
                                                new JobRunner(
                                                        q,
                                                        () ->
                                                                people.getAsInt() == 0
                                                                        ? c.threadsIdle()
                                                                        : c.threadsBusy(),
                                                        listener)));
    }

    /**
     * The jobs of a world: when a job registers a model, the desk that uses it reloads it; while a
     * feature waits for its job, the shop and the design display say so.
     *
     * @param config the runner's settings, or empty for a server without jobs
     * @param database the world database
     * @param people how many people are connected
     * @param shop the shop's recognition, told where its classifier's training is
     * @param designs the generated works, told where the garment generator's training is
     * @param reloadDesigns loads the generators (and their judge classifiers) again
     * @param reloadTours loads the guide's navigation policy again
     * @param reloadLanguage opens the language models (sentiment, spam filter) again
     * @return the jobs, not started
     */
    static WorldJobs forWorld(
            Optional<JobsConfig> config,
            Database database,
            IntSupplier people,
            ShopDesk shop,
            DesignDesk designs,
            Runnable reloadDesigns,
            Runnable reloadTours,
            Runnable reloadLanguage) {
        WorldJobs jobs =
                new WorldJobs(
                        config,
                        database,
                        people,
                        Map.of(
                                TrainingPresets.FASHION_MODEL,
                                reloadDesigns,
                                Gans.defaultName("fashion-mnist"),
                                reloadDesigns,
                                Gans.defaultName("mnist"),
                                reloadDesigns,
                                MuseumNavigator.NAME,
                                reloadTours,
                                LanguageModels.SPAM_FILTER,
                                reloadLanguage,
                                LanguageModels.SENTIMENT,
                                reloadLanguage));
        shop.waitFor(() -> jobs.waiting(GARMENTS, "the fitting room", "learning garments"));
        designs.waitFor(
                () ->
                        jobs.waiting(
                                SHOP_DESIGNS, "the shop's designer", "learning to draw garments"));
        return jobs;
    }

    void start() {
        runner.ifPresent(JobRunner::start);
    }

    private void registered(String ref) {
        String name = ref.contains(":") ? ref.substring(0, ref.indexOf(':')) : ref;
        Runnable reload = onRegistered.get(name);
        if (reload != null) {
            Thread t =
                    new Thread(
                            () -> {
                                try {
                                    reload.run();
                                    LOG.info("{} is live in the world", ref);
                                } catch (RuntimeException e) {
                                    LOG.error("cannot take {} into the world", ref, e);
                                }
                            },
                            "worldmind-reload-" + name);
            t.setDaemon(true);
            t.start();
        }
    }

    Optional<JobQueue> queue() {
        return queue;
    }

    Optional<JobRunner> runner() {
        return runner;
    }

    JobKinds kinds() {
        return kinds;
    }

    JobEvents events() {
        return events;
    }

    /**
     * What a visitor is told about a feature while its job has not finished, if one waits.
     *
     * @param feature the feature, as the job kinds name it
     * @param who what in the world does it, e.g. {@code "the fitting room"}
     * @param learning what it is learning, e.g. {@code "learning garments"}
     */
    Optional<String> waiting(String feature, String who, String learning) {
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        try {
            return queue.get().waitingFor(feature).map(j -> describe(j, who, learning));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static String describe(Job j, String who, String learning) {
        return switch (j.state()) {
            case RUNNING ->
                    who
                            + " is "
                            + learning
                            + (j.stage() == null ? "" : ": " + j.stage())
                            + (j.etaSeconds() == null
                                    ? ""
                                    : ", " + about(Duration.ofSeconds(j.etaSeconds())));
            case QUEUED -> who + " starts " + learning + " soon (a background job is queued)";
            // Blocked: on data an admin must install, or on another model still training.
            default -> who + " is waiting to start " + learning + " (the Studio says why)";
        };
    }

    static String about(Duration d) {
        long minutes = Math.round(d.toSeconds() / 60.0);
        return minutes < 1
                ? "less than a minute to go"
                : String.format(
                        Locale.ROOT, "about %d minute%s to go", minutes, minutes == 1 ? "" : "s");
    }

    /** Feature names, for the reloads and waiting messages. */
    static final String GARMENTS = TrainJob.GARMENTS;

    static final String SHOP_DESIGNS = GanJob.SHOP_DESIGNS;

    @Override
    public void close() {
        runner.ifPresent(JobRunner::close);
        events.close();
    }
}
