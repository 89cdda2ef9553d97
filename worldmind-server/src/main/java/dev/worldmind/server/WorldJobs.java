package dev.worldmind.server;

import dev.worldmind.app.generate.GanJob;
import dev.worldmind.app.job.JobKinds;
import dev.worldmind.app.job.JobListener;
import dev.worldmind.app.job.JobQueue;
import dev.worldmind.app.job.JobRunner;
import dev.worldmind.app.vision.TrainJob;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.jobs.Job;
import dev.worldmind.data.jobs.JobPoint;
import dev.worldmind.data.jobs.JobState;
import dev.worldmind.server.config.JobsConfig;
import dev.worldmind.server.event.WorldBus;
import dev.worldmind.server.event.WorldEvent;
import dev.worldmind.server.http.Api;
import dev.worldmind.server.http.JobEvents;
import dev.worldmind.server.service.Lifecycle;
import dev.worldmind.server.service.Service;
import dev.worldmind.server.ws.Desks;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The world's background jobs: the queue and its runner, the event stream the Studio follows, and
 * what happens in the world when a job registers a model (the feature that waited for it picks it
 * up without a restart). While a feature waits, {@link #waiting} says so in visitors' words.
 */
final class WorldJobs implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(WorldJobs.class);

    private final Optional<JobQueue> queue;
    private final Optional<JobRunner> runner;
    private final JobKinds kinds = JobKinds.installed();
    private final JobEvents events = new JobEvents();
    private final WorldBus bus;

    /**
     * Sets up the jobs; {@link #start()} them once the world is up.
     *
     * @param config the runner's settings, or empty for a server without jobs
     * @param database the world database (the queue lives in it)
     * @param people how many people are connected (jobs use fewer threads while any are)
     * @param bus where a job's registered model is announced
     */
    WorldJobs(Optional<JobsConfig> config, Database database, IntSupplier people, WorldBus bus) {
        this.bus = bus;
        this.queue = config.map(c -> new JobQueue(database, c.home(), kinds));
        JobListener listener =
                new JobListener() {
                    @Override
                    public void changed(Job job) {
                        events.changed(job);
                        if (job.state() == JobState.DONE && job.output() != null) {
                            LOG.info("job {} registered {}", job.id(), job.output());
                            bus.publish(WorldEvent.ModelRegistered.of(job.output()));
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
     * The jobs of a world: the parts that use a model reload it when a job registers it (they
     * follow the bus); while a feature waits for its job, the shop and the design display say so.
     *
     * @param config the runner's settings, or empty for a server without jobs
     * @param database the world database
     * @param bus where registered models are announced
     * @param desks the live world: the jobs use fewer threads while people are connected; the
     *     shop's recognition and the generated works are told where their training is
     * @return the jobs, not started
     */
    static WorldJobs forWorld(
            Optional<JobsConfig> config, Database database, WorldBus bus, Desks desks) {
        WorldJobs jobs = new WorldJobs(config, database, desks.hub()::connectionCount, bus);
        desks.shop().waitFor(() -> jobs.waiting(GARMENTS, "the fitting room", "learning garments"));
        desks.designs()
                .waitFor(
                        () ->
                                jobs.waiting(
                                        SHOP_DESIGNS,
                                        "the shop's designer",
                                        "learning to draw garments"));
        return jobs;
    }

    @Override
    public String name() {
        return "jobs";
    }

    /** Starts the runner, and the heartbeat that keeps the Studio's event streams open. */
    @Override
    public void start(Lifecycle life) {
        runner.ifPresent(JobRunner::start);
        life.every(
                Duration.ofSeconds(15),
                Duration.ofSeconds(15),
                "the job events' heartbeat",
                events::heartbeat);
    }

    /**
     * What the REST API shows of the jobs.
     *
     * @param config the runner's settings, whose home the Studio reads datasets from
     */
    Api.Jobs api(Optional<JobsConfig> config) {
        return new Api.Jobs(queue, runner, kinds, events, config.map(JobsConfig::home));
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
