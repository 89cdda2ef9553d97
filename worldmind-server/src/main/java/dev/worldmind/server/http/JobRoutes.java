package dev.worldmind.server.http;

import dev.worldmind.app.job.JobKind;
import dev.worldmind.app.job.JobKinds;
import dev.worldmind.app.job.JobQueue;
import dev.worldmind.app.job.JobRunner;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.data.jobs.Job;
import dev.worldmind.data.jobs.JobPoint;
import dev.worldmind.data.jobs.JobStore;
import dev.worldmind.server.security.Principal;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The background jobs under {@code /api/jobs}, for creators and admins: list, read (with log and
 * curve), queue, cancel and retry, and a server-sent event stream of changes. Without a job runner
 * (no Worldmind home) every route answers 503.
 */
final class JobRoutes {
    static final int LOG_LINES = 200;
    static final int MAX_POINTS = 20_000;

    private final Auth auth;
    private final Optional<JobQueue> queue;
    private final Optional<JobRunner> runner;
    private final JobKinds kinds;
    private final JobEvents events;

    JobRoutes(
            Auth auth,
            Optional<JobQueue> queue,
            Optional<JobRunner> runner,
            JobKinds kinds,
            JobEvents events) {
        this.auth = auth;
        this.queue = queue;
        this.runner = runner;
        this.kinds = kinds;
        this.events = events;
    }

    record SubmitBody(String kind, Map<String, Object> settings) {}

    void install(JavalinConfig cfg) {
        SseHandler stream =
                new SseHandler(
                        client -> {
                            if (!events.add(client, streamOwner(client.ctx()))) {
                                client.sendEvent("error", "too many open streams");
                                client.close();
                                return;
                            }
                            client.sendComment("connected");
                            client.keepAlive();
                        });
        cfg.routes.get(
                "/api/jobs/events",
                ctx -> {
                    Principal p = auth.require(ctx, Role.CREATOR);
                    queue();
                    String accept = ctx.header("Accept");
                    if (accept == null || !accept.contains("text/event-stream")) {
                        throw new ApiException(
                                406,
                                "not_acceptable",
                                "this is an event stream: send Accept: text/event-stream");
                    }
                    ctx.attribute(OWNER, p.account().id());
                    stream.handle(ctx);
                });
        cfg.routes.get(
                "/api/jobs/kinds",
                ctx -> {
                    auth.require(ctx, Role.CREATOR);
                    List<Map<String, String>> out = new ArrayList<>();
                    for (JobKind k : kinds.all()) {
                        out.add(Map.of("id", k.id(), "description", k.describe()));
                    }
                    ctx.json(Map.of("kinds", out));
                });
        cfg.routes.get(
                "/api/jobs",
                ctx -> {
                    auth.require(ctx, Role.CREATOR);
                    int limit = Bodies.intQuery(ctx, "limit", 1, 500, 100);
                    List<JobView> jobs = queue().list(limit).stream().map(JobView::of).toList();
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("jobs", jobs);
                    body.put(
                            "running",
                            runner.flatMap(JobRunner::running).map(Job::id).orElse(null));
                    ctx.json(body);
                });
        cfg.routes.get(
                "/api/jobs/{id}",
                ctx -> {
                    auth.require(ctx, Role.CREATOR);
                    long id = id(ctx);
                    Job j = queue().find(id).orElseThrow(() -> notFound(id));
                    List<Map<String, Object>> points = new ArrayList<>();
                    for (JobPoint p : queue().points(id, MAX_POINTS)) {
                        points.add(Map.of("series", p.series(), "x", p.x(), "y", p.y()));
                    }
                    ctx.json(JobView.of(j, null, queue().log(id, LOG_LINES), points));
                });
        cfg.routes.post(
                "/api/jobs",
                ctx -> {
                    Principal p = auth.require(ctx, Role.CREATOR);
                    SubmitBody body = Bodies.read(ctx, SubmitBody.class);
                    if (body.kind() == null) {
                        throw ApiException.badRequest(
                                "send {\"kind\": \"train\", \"settings\": {...}}");
                    }
                    JobStore.Enqueued e;
                    try {
                        e = queue().submit(body.kind(), body.settings(), p.account().username());
                    } catch (dev.worldmind.app.job.JobLimitException limit) {
                        ctx.header("Retry-After", "60");
                        throw new ApiException(429, "too_many_jobs", limit.getMessage());
                    }
                    events.changed(e.job());
                    ctx.status(e.deduplicated() ? 200 : 201)
                            .json(JobView.of(e.job(), e.deduplicated(), null, null));
                });
        cfg.routes.post(
                "/api/jobs/{id}/cancel",
                ctx -> {
                    long id = owned(ctx);
                    Job j = conflictOnState(() -> queue().cancel(id));
                    events.changed(j);
                    ctx.json(JobView.of(j));
                });
        cfg.routes.post(
                "/api/jobs/{id}/retry",
                ctx -> {
                    long id = owned(ctx);
                    JobStore.Enqueued e = conflictOnState(() -> queue().retry(id));
                    events.changed(e.job());
                    ctx.json(JobView.of(e.job(), e.deduplicated(), null, null));
                });
    }

    private static final String OWNER = "worldmind.jobs.stream-owner";

    private static long streamOwner(Context ctx) {
        Long id = ctx.attribute(OWNER);
        return id == null ? 0 : id;
    }

    /**
     * The job a caller may cancel or retry: admins any, creators their own (not those queued by
     * others or by start).
     */
    private long owned(Context ctx) {
        Principal p = auth.require(ctx, Role.CREATOR);
        long id = id(ctx);
        Job j = queue().find(id).orElseThrow(() -> notFound(id));
        if (!p.atLeast(Role.ADMIN) && !p.account().username().equals(j.requestedBy())) {
            throw ApiException.forbidden(
                    "job "
                            + id
                            + " was queued by "
                            + j.requestedBy()
                            + "; only they or an admin"
                            + " may cancel or retry it");
        }
        return id;
    }

    private JobQueue queue() {
        return queue.orElseThrow(
                () ->
                        new ApiException(
                                503,
                                "unavailable",
                                "background jobs are off: this server has no Worldmind home"));
    }

    private static <T> T conflictOnState(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalStateException e) {
            throw new ApiException(409, "conflict", e.getMessage());
        }
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("a job id is a number: " + ctx.pathParam("id"));
        }
    }

    private static ApiException notFound(long id) {
        return new ApiException(404, "not_found", "no job " + id);
    }
}
