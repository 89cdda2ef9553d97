package dev.worldmind.app.job;

import dev.worldmind.core.WorldmindHome;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.jobs.Job;
import dev.worldmind.data.jobs.JobPoint;
import dev.worldmind.data.jobs.JobStore;
import dev.worldmind.data.jobs.JobTrail;
import dev.worldmind.model.train.EngineThreads;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * What a running job sees: its settings and home, and where it reports. Progress goes to the
 * database at most once a second; log lines and curve points at once. {@link #checkpoint()} stops
 * the work when the job is cancelled or the runner closes, and adjusts the engine's threads to what
 * the world can spare. Belongs to the job's thread.
 */
public final class JobContext implements ProgressMonitor {
    private static final long WRITE_EVERY_NANOS = 1_000_000_000L;
    private static final long CHECK_EVERY_NANOS = 1_000_000_000L;

    private final Job job;
    private final JobSettings settings;
    private final WorldmindHome home;
    private final JobStore store;
    private final JobTrail trail;
    private final JobListener listener;
    private final IntSupplier threads;
    private final BooleanSupplier stopping;
    private final long startedNanos = System.nanoTime();
    private long lastWrite;
    private long lastCheck;
    private double lastProgress;
    private double firstProgress = -1;
    private long firstProgressNanos;
    private volatile boolean usesEngine;

    JobContext(
            Job job,
            JobSettings settings,
            WorldmindHome home,
            JobStore store,
            JobTrail trail,
            JobListener listener,
            IntSupplier threads,
            BooleanSupplier stopping) {
        this.job = job;
        this.settings = settings;
        this.home = home;
        this.store = store;
        this.trail = trail;
        this.listener = listener;
        this.threads = threads;
        this.stopping = stopping;
        this.lastCheck = startedNanos;
    }

    /** The job as it was claimed. */
    public Job job() {
        return job;
    }

    /** Its settings. */
    public JobSettings settings() {
        return settings;
    }

    /** The Worldmind home it works in. */
    public WorldmindHome home() {
        return home;
    }

    /**
     * Says that the job runs on the deep-learning engine, so that {@link #checkpoint()} adjusts the
     * engine's threads (jobs without it never load the engine).
     */
    public void usesEngine() {
        if (!usesEngine) {
            usesEngine = true;
            EngineThreads.set(threads());
        }
    }

    /** How many engine threads the job may use now. */
    public int threads() {
        return Math.max(1, threads.getAsInt());
    }

    /** Adds a line to the job's log. */
    @Override
    public void info(String message) {
        trail.log(job.id(), message);
    }

    /**
     * Reports how far the job is; the time left is estimated from the time so far.
     *
     * @param fraction done, in [0, 1]
     * @param stage what it is doing, e.g. {@code "epoch 4 of 12"}
     */
    public void progress(double fraction, String stage) {
        long now = System.nanoTime();
        double f = Double.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : 0;
        boolean stageStart = f == 0 || f >= 1;
        if (!stageStart && now - lastWrite < WRITE_EVERY_NANOS) {
            return;
        }
        lastWrite = now;
        lastProgress = f;
        if (firstProgress < 0) {
            // A resumed job starts part of the way: the pace is measured from here on.
            firstProgress = f;
            firstProgressNanos = now;
        }
        double elapsed = (now - firstProgressNanos) / 1e9;
        double made = f - firstProgress;
        Long eta = made >= 0.01 && f < 1 ? Math.round(elapsed * (1 - f) / made) : null;
        store.progress(job.id(), f, stage, eta);
        store.find(job.id()).ifPresent(listener::changed);
    }

    /** The last fraction reported. */
    public double lastProgress() {
        return lastProgress;
    }

    /**
     * Adds a point to one of the job's curves.
     *
     * @param series e.g. {@code loss}
     * @param x where along the run
     * @param y the value
     */
    public void point(String series, double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return;
        }
        JobPoint p = new JobPoint(series, x, y);
        trail.point(job.id(), p);
        listener.point(job.id(), p);
    }

    /**
     * Stops the work with {@link JobCancelledException} when the job was cancelled or the runner is
     * closing, and sets the engine's threads to what may be used now. Cheap: it looks at the
     * database at most once a second.
     */
    public void checkpoint() {
        if (stopping.getAsBoolean()) {
            throw new JobCancelledException("the job runner is stopping", true);
        }
        long now = System.nanoTime();
        if (now - lastCheck < CHECK_EVERY_NANOS) {
            return;
        }
        lastCheck = now;
        if (usesEngine) {
            EngineThreads.set(threads());
        }
        if (store.cancelRequested(job.id())) {
            throw new JobCancelledException("cancelled", false);
        }
    }
}
