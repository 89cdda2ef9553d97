package dev.worldmind.app.job;

import dev.worldmind.data.jobs.Job;
import dev.worldmind.data.jobs.JobState;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the queue's jobs one at a time on its own thread. At start it queues again what was running
 * when the process stopped (the trainers resume from their checkpoints; models are registered
 * atomically, so nothing is half-registered). A job whose kind reports a {@link Blocker} is marked
 * blocked with the fix and runs once the blocker is gone (checked every {@link #BLOCKED_RECHECK}
 * and on retry). Closing stops the running job at its next checkpoint and leaves it queued for the
 * next start. Thread-safe; one runner per database.
 */
public final class JobRunner implements AutoCloseable {
    /** How often blocked jobs are looked at again. */
    public static final Duration BLOCKED_RECHECK = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final long POLL_MILLIS = 2_000;

    private final JobQueue queue;
    private final IntSupplier threads;
    private final JobListener listener;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private volatile boolean closed;
    private volatile Job running;
    private Thread thread;
    private long lastBlockedCheck;
    private boolean woken;

    /**
     * Creates a runner; {@link #start()} it.
     *
     * @param queue the queue
     * @param threads how many engine threads jobs may use now (asked at every checkpoint)
     * @param listener hears jobs change
     */
    public JobRunner(JobQueue queue, IntSupplier threads, JobListener listener) {
        this.queue = queue;
        this.threads = threads;
        this.listener = listener;
        queue.onSubmit(this::wake);
    }

    /** Queues interrupted jobs again and starts working in the background. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        resumeInterrupted();
        thread = new Thread(this::loop, "worldmind-jobs");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs jobs on the calling thread until none is queued (blocked ones stay blocked), for a
     * command line without a server.
     */
    public void runUntilIdle() {
        resumeInterrupted();
        recheckBlocked();
        while (!closed) {
            Optional<Job> next = queue.store().claimNext();
            if (next.isEmpty()) {
                return;
            }
            run(next.get());
        }
    }

    /** The job running now, if any. */
    public Optional<Job> running() {
        return Optional.ofNullable(running);
    }

    private void resumeInterrupted() {
        int n = queue.store().requeueInterrupted();
        if (n > 0) {
            LOG.info("{} job(s) were running when Worldmind stopped; queued again", n);
        }
    }

    void wake() {
        lock.lock();
        try {
            woken = true;
            lastBlockedCheck = 0;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (!closed) {
            try {
                if (System.nanoTime() - lastBlockedCheck > BLOCKED_RECHECK.toNanos()) {
                    recheckBlocked();
                }
                Optional<Job> next = queue.store().claimNext();
                if (next.isPresent()) {
                    run(next.get());
                } else {
                    waitForWork();
                }
            } catch (RuntimeException e) {
                LOG.error("the job runner hit an error; it goes on", e);
                sleepQuietly();
            }
        }
    }

    private void waitForWork() {
        lock.lock();
        try {
            if (!woken && !closed) {
                work.await(POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    /** Queues again the blocked jobs whose blocker is gone. */
    void recheckBlocked() {
        lastBlockedCheck = System.nanoTime();
        for (Job j : queue.store().inState(JobState.BLOCKED)) {
            Optional<JobKind> kind = queue.kinds().find(j.kind());
            if (kind.isEmpty()) {
                continue;
            }
            try {
                Optional<Blocker> now =
                        kind.get().blocker(JobSettings.parse(j.settings()), queue.home());
                if (now.isEmpty()) {
                    queue.retry(j.id());
                    queue.trail().log(j.id(), "what it waited for is there now; queued");
                    changed(j.id());
                } else if (!now.get().problem().equals(j.problem())) {
                    queue.store().block(j.id(), now.get().problem(), now.get().fix());
                    queue.trail().log(j.id(), "blocked: " + now.get().problem());
                    changed(j.id());
                }
            } catch (RuntimeException e) {
                LOG.warn("cannot check blocked job {}: {}", j.id(), e.toString());
            }
        }
    }

    private void run(Job job) {
        running = job;
        long id = job.id();
        changed(id);
        try {
            Optional<JobKind> kind = queue.kinds().find(job.kind());
            if (kind.isEmpty()) {
                fail(id, "this Worldmind has no job kind '" + job.kind() + "'");
                return;
            }
            JobSettings settings = JobSettings.parse(job.settings());
            Optional<Blocker> blocker = kind.get().blocker(settings, queue.home());
            if (blocker.isPresent()) {
                queue.store().block(id, blocker.get().problem(), blocker.get().fix());
                queue.trail().log(id, "blocked: " + blocker.get().problem());
                queue.trail().log(id, "fix: " + blocker.get().fix());
                changed(id);
                return;
            }
            queue.trail()
                    .log(
                            id,
                            "started"
                                    + (job.attempts() > 1
                                            ? " (attempt " + job.attempts() + ")"
                                            : ""));
            JobContext ctx =
                    new JobContext(
                            job,
                            settings,
                            queue.home(),
                            queue.store(),
                            queue.trail(),
                            listener,
                            threads,
                            () -> closed);
            long t0 = System.nanoTime();
            String output = kind.get().run(ctx);
            // The trail's last line is written before the state changes, so whoever sees the job
            // done finds how it ended in its log.
            queue.trail()
                    .log(
                            id,
                            String.format(
                                    java.util.Locale.ROOT,
                                    "done in %.0f s%s",
                                    (System.nanoTime() - t0) / 1e9,
                                    output == null ? "" : ": " + output));
            queue.store().finish(id, JobState.DONE, output, null);
            LOG.info("job {} ({}) done: {}", id, job.title(), output);
        } catch (JobCancelledException e) {
            if (e.shutdown()) {
                queue.store().requeueInterrupted();
                queue.trail().log(id, "stopped with Worldmind; it resumes on the next start");
            } else {
                queue.trail().log(id, "cancelled");
                queue.store().finish(id, JobState.CANCELLED, null, "cancelled");
            }
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            LOG.warn("job {} ({}) failed", id, job.title(), e);
            fail(id, e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            running = null;
            changed(id);
        }
    }

    private void fail(long id, String problem) {
        queue.trail().log(id, "failed: " + problem);
        queue.store().finish(id, JobState.FAILED, null, problem);
    }

    private void changed(long id) {
        try {
            queue.find(id).ifPresent(listener::changed);
        } catch (RuntimeException e) {
            LOG.warn("a job listener failed: {}", e.toString());
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the running job at its next checkpoint (it stays queued) and ends the thread. */
    @Override
    public void close() {
        closed = true;
        wake();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
