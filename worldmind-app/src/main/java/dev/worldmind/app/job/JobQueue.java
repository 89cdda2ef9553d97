package dev.worldmind.app.job;

import dev.worldmind.core.WorldmindHome;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.jobs.Job;
import dev.worldmind.data.jobs.JobPoint;
import dev.worldmind.data.jobs.JobRequest;
import dev.worldmind.data.jobs.JobState;
import dev.worldmind.data.jobs.JobStore;
import dev.worldmind.data.jobs.JobTrail;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The jobs of one Worldmind home and database, as people use them: queue (checked by the job's kind
 * and deduplicated), list, read, cancel and retry. Works with or without a {@link JobRunner} in the
 * same process (the CLI uses it while no server runs). Thread-safe.
 */
public final class JobQueue {
    /** The most jobs one person may have waiting or running at once. */
    public static final int MAX_ACTIVE_PER_PERSON = 10;

    /** The most jobs waiting or running at once in all. */
    public static final int MAX_ACTIVE = 100;

    private final JobStore store;
    private final JobTrail trail;
    private final WorldmindHome home;
    private final JobKinds kinds;
    private volatile Runnable wake = () -> {};

    /**
     * Opens the queue.
     *
     * @param db the world database
     * @param home the Worldmind home the jobs work in
     * @param kinds the job kinds
     */
    public JobQueue(Database db, WorldmindHome home, JobKinds kinds) {
        this.store = new JobStore(db);
        this.trail = new JobTrail(db);
        this.home = home;
        this.kinds = kinds;
    }

    /**
     * Checks and queues a job, unless an identical one is queued, running or blocked.
     *
     * @param kind the job kind, e.g. {@code train}
     * @param settings its settings, or null
     * @param requestedBy who asks (a username, or {@code start})
     * @return the queued job, or the identical one
     * @throws dev.worldmind.core.InvalidDataException for an unknown kind or bad settings
     * @throws JobLimitException when the person, or everyone together, has too many jobs waiting
     */
    public JobStore.Enqueued submit(String kind, Map<String, ?> settings, String requestedBy) {
        JobKind k = kinds.get(kind);
        JobSettings asked = JobSettings.of(settings);
        // ifMissing is common to the kinds that take it: checked here, and false is the same as
        // leaving it out (so both are one job).
        if (!asked.flag("ifMissing", false) && asked.asMap().containsKey("ifMissing")) {
            asked = asked.without("ifMissing");
        }
        JobPlan plan = k.plan(asked, home);
        if (requestedBy != null && store.countActive(requestedBy) >= MAX_ACTIVE_PER_PERSON) {
            throw new JobLimitException(
                    requestedBy
                            + " already has "
                            + MAX_ACTIVE_PER_PERSON
                            + " jobs waiting or running; cancel one or wait for them");
        }
        if (store.countActive(null) >= MAX_ACTIVE) {
            throw new JobLimitException(
                    MAX_ACTIVE + " jobs are waiting or running; try again when some are done");
        }
        JobStore.Enqueued e =
                store.enqueue(
                        new JobRequest(
                                k.id(),
                                plan.settings().json(),
                                plan.title(),
                                plan.feature(),
                                plan.priority(),
                                requestedBy));
        wake.run();
        return e;
    }

    /** The newest jobs, newest first. */
    public List<Job> list(int limit) {
        return store.list(limit);
    }

    /** A job, if there is one with that id. */
    public Optional<Job> find(long id) {
        return store.find(id);
    }

    /** A job's last log lines, oldest first. */
    public List<String> log(long id, int lines) {
        return trail.tail(id, lines);
    }

    /** A job's curve points, in order. */
    public List<JobPoint> points(long id, int max) {
        return trail.points(id, max);
    }

    /**
     * Cancels a job (a running one stops within seconds).
     *
     * @param id the job
     * @return the job after the request
     */
    public Job cancel(long id) {
        Job j = store.cancel(id);
        trail.log(id, j.state() == JobState.CANCELLED ? "cancelled" : "cancel requested");
        return j;
    }

    /**
     * Queues a failed, cancelled or blocked job again.
     *
     * @param id the job
     * @return the job that now holds the place
     */
    public JobStore.Enqueued retry(long id) {
        JobStore.Enqueued e = store.retry(id);
        if (!e.deduplicated()) {
            trail.log(id, "queued again");
        }
        wake.run();
        return e;
    }

    /** The jobs in one state, in the order they would run. */
    public List<Job> inState(JobState state) {
        return store.inState(state);
    }

    /**
     * The first job in the queue that waits for a feature, if any (what a waiting feature says).
     *
     * @param feature the feature, as the job kinds name it
     * @return the job
     */
    public Optional<Job> waitingFor(String feature) {
        for (JobState s : List.of(JobState.RUNNING, JobState.QUEUED, JobState.BLOCKED)) {
            for (Job j : store.inState(s)) {
                if (feature.equals(j.feature())) {
                    return Optional.of(j);
                }
            }
        }
        return Optional.empty();
    }

    JobStore store() {
        return store;
    }

    JobTrail trail() {
        return trail;
    }

    WorldmindHome home() {
        return home;
    }

    JobKinds kinds() {
        return kinds;
    }

    void onSubmit(Runnable r) {
        this.wake = r;
    }
}
