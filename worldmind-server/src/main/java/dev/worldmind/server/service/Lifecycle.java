package dev.worldmind.server.service;

import dev.worldmind.core.concurrent.DaemonThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the server's {@link Service}s: starts them in the order they were added (closing them all
 * when one fails), offers them one shared scheduler for periodic work and named background threads
 * for loading, tells whether all are ready, and closes them in the reverse order. Periodic and
 * background work that throws is logged and never stops the others. Thread-safe.
 */
public final class Lifecycle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("worldmind-scheduler"));
    private final List<Service> services = new CopyOnWriteArrayList<>();
    private volatile boolean started;
    private volatile boolean closing;

    /**
     * Adds services, to be started after those added before.
     *
     * @param more the services, each needing only those before it
     */
    public void add(Service... more) {
        services.addAll(List.of(more));
    }

    /**
     * Starts the services in the order they were added; when one fails, all are closed (a service
     * must allow {@code close} without {@code start}) and the failure is thrown.
     */
    public void start() {
        try {
            for (Service s : services) {
                s.start(this);
            }
            started = true;
        } catch (RuntimeException e) {
            try {
                close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Runs a short task every {@code period}, the first time after {@code first}.
     *
     * @param first the delay before the first run
     * @param period the delay between the end of one run and the start of the next
     * @param what what it does, for the log when it fails
     * @param task the task
     */
    public void every(Duration first, Duration period, String what, Runnable task) {
        scheduler.scheduleWithFixedDelay(
                () -> guarded(what, task),
                first.toMillis(),
                period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Runs a short task once, after a delay (not at all when the server closes first).
     *
     * @param delay the delay
     * @param what what it does, for the log when it fails
     * @param task the task
     */
    public void later(Duration delay, String what, Runnable task) {
        if (!closing) {
            scheduler.schedule(() -> guarded(what, task), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Runs long work (loading a model, training) on a daemon thread of its own.
     *
     * @param name the thread's name after {@code worldmind-}
     * @param task the work; what it throws is logged
     * @return the thread, already started (not started when the server is closing)
     */
    public Thread background(String name, Runnable task) {
        Thread t = new Thread(() -> guarded(name, task), "worldmind-" + name);
        t.setDaemon(true);
        if (!closing) {
            t.start();
        }
        return t;
    }

    /** Whether {@link #close} has begun: work that finishes now must close what it opened. */
    public boolean closing() {
        return closing;
    }

    /** Whether all services have started and each is ready. */
    public boolean ready() {
        return started && !closing && waitingFor().isEmpty();
    }

    /** The names of the services that are not ready yet. */
    public List<String> waitingFor() {
        List<String> names = new ArrayList<>();
        for (Service s : services) {
            if (!s.ready()) {
                names.add(s.name());
            }
        }
        return names;
    }

    private static void guarded(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed: {}", what, e.toString(), e);
        }
    }

    /**
     * Stops the scheduler, then closes every service added, started or not, in the reverse order,
     * each even when one before it failed; throws the first failure at the end. Closing twice does
     * nothing more.
     */
    @Override
    public void close() {
        closing = true;
        scheduler.shutdownNow();
        List<Service> reverse = new ArrayList<>(services);
        services.clear();
        java.util.Collections.reverse(reverse);
        RuntimeException first = null;
        for (Service s : reverse) {
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.warn("closing {} failed: {}", s.name(), e.toString());
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
