package dev.worldmind.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.worldmind.app.job.JobListener;
import dev.worldmind.core.concurrent.DaemonThreads;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.jobs.Job;
import dev.worldmind.data.jobs.JobPoint;
import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Pushes job changes to browsers as server-sent events ({@code job} with the job, {@code point}
 * with a curve point). Events are sent from one thread of their own, so a slow browser never holds
 * up the job runner; when the queue is full events are dropped (the Studio re-reads a job on
 * demand). At most {@value #MAX_CLIENTS} streams are open at once.
 */
public final class JobEvents implements JobListener, AutoCloseable {
    /** The most event streams open at once. */
    static final int MAX_CLIENTS = 64;

    /** The most event streams one account may hold open (a few Studio tabs). */
    static final int MAX_PER_ACCOUNT = 4;

    private final Map<Long, Integer> perAccount = new java.util.HashMap<>();

    private static final ObjectWriter COMPACT =
            Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ExecutorService sender =
            new ThreadPoolExecutor(
                    1,
                    1,
                    0,
                    TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(1000),
                    DaemonThreads.named("worldmind-job-events"),
                    new ThreadPoolExecutor.DiscardPolicy());

    /** Adds a browser's stream; false when too many are open, in all or for this account. */
    synchronized boolean add(SseClient client, long account) {
        int mine = perAccount.getOrDefault(account, 0);
        if (clients.size() >= MAX_CLIENTS || mine >= MAX_PER_ACCOUNT) {
            return false;
        }
        clients.add(client);
        perAccount.merge(account, 1, Integer::sum);
        client.onClose(() -> remove(client, account));
        return true;
    }

    private synchronized void remove(SseClient client, long account) {
        if (clients.remove(client)) {
            perAccount.computeIfPresent(account, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** How many streams are open. */
    int clients() {
        return clients.size();
    }

    @Override
    public void changed(Job job) {
        send("job", compact(JobView.of(job)));
    }

    @Override
    public void point(long jobId, JobPoint p) {
        send("point", compact(Map.of("job", jobId, "series", p.series(), "x", p.x(), "y", p.y())));
    }

    private static String compact(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a heartbeat comment, so proxies and browsers keep idle streams open. */
    public void heartbeat() {
        try {
            sender.execute(() -> clients.forEach(c -> safely(c, () -> c.sendComment("alive"))));
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void send(String event, String data) {
        if (clients.isEmpty()) {
            return;
        }
        try {
            sender.execute(() -> clients.forEach(c -> safely(c, () -> c.sendEvent(event, data))));
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void safely(SseClient c, Runnable r) {
        if (c.terminated()) {
            return; // its onClose removes it
        }
        try {
            r.run();
        } catch (RuntimeException e) {
            try {
                c.close(); // runs onClose, which removes it and frees its account's slot
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
        clients.forEach(
                c -> {
                    try {
                        c.close();
                    } catch (RuntimeException e) {
                        // already gone
                    }
                });
        clients.clear();
    }
}
