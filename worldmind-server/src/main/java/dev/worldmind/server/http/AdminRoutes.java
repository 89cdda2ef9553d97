package dev.worldmind.server.http;

import dev.worldmind.data.accounts.Account;
import dev.worldmind.data.accounts.AccountStore;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.data.events.EventKind;
import dev.worldmind.data.events.EventLog;
import dev.worldmind.data.events.EventQuery;
import dev.worldmind.data.events.EventWriter;
import dev.worldmind.data.events.ExportFormat;
import dev.worldmind.server.security.Authenticator;
import dev.worldmind.server.ws.WorldHub;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The admin API: accounts and roles, the behaviour event log, live statistics and bot tokens. */
final class AdminRoutes {
    private static final int MAX_LIMIT = 100_000;
    private static final int MAX_BOTS = 5_000;

    private final Auth auth;
    private final AccountStore accounts;
    private final EventLog eventLog;
    private final EventWriter events;
    private final WorldHub hub;

    record RoleBody(Role role) {}

    record BotsBody(Integer count, String prefix) {}

    AdminRoutes(
            Auth auth, AccountStore accounts, EventLog eventLog, EventWriter events, WorldHub hub) {
        this.auth = auth;
        this.accounts = accounts;
        this.eventLog = eventLog;
        this.events = events;
        this.hub = hub;
    }

    void install(JavalinConfig cfg) {
        cfg.routes.get("/api/admin/accounts", this::listAccounts);
        cfg.routes.put("/api/admin/accounts/{username}/role", this::setRole);
        cfg.routes.get("/api/admin/events", this::events);
        cfg.routes.get("/api/admin/stats", this::stats);
        cfg.routes.post("/api/admin/bots", this::bots);
    }

    private void listAccounts(Context ctx) {
        auth.require(ctx, Role.ADMIN);
        ctx.json(accounts.list());
    }

    private void setRole(Context ctx) {
        auth.require(ctx, Role.ADMIN);
        String name = ctx.pathParam("username").toLowerCase(Locale.ROOT);
        Account account =
                accounts.findByUsername(name)
                        .orElseThrow(() -> ApiException.notFound("no account '" + name + "'"));
        RoleBody body = Bodies.read(ctx, RoleBody.class);
        if (body.role() == null) {
            throw ApiException.badRequest("role must be visitor, creator or admin");
        }
        accounts.setRole(account.id(), body.role());
        auth.authenticator().rights().accountRoleChanged(account.id());
        ctx.status(204);
    }

    private void events(Context ctx) {
        auth.require(ctx, Role.ADMIN);
        EventQuery query = query(ctx);
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        events.flush(); // what was said a moment ago should be in the answer
        switch (format) {
            case "json" -> ctx.json(eventLog.query(query));
            case "csv" -> stream(ctx, query, ExportFormat.CSV, "text/csv", "events.csv");
            case "jsonl" ->
                    stream(ctx, query, ExportFormat.JSONL, "application/x-ndjson", "events.jsonl");
            default -> throw ApiException.badRequest("format must be json, jsonl or csv");
        }
    }

    private void stream(
            Context ctx, EventQuery query, ExportFormat format, String type, String file) {
        ctx.contentType(type + "; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        try (OutputStream out = ctx.outputStream()) {
            eventLog.export(query, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EventQuery query(Context ctx) {
        Instant from = instant(ctx, "from");
        Instant to = instant(ctx, "to");
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        for (String k : ctx.queryParams("kind")) {
            try {
                kinds.add(EventKind.valueOf(k.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("unknown event kind '" + k + "'");
            }
        }
        int limit = 1000;
        if (ctx.queryParam("limit") != null) {
            try {
                limit = Integer.parseInt(ctx.queryParam("limit"));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("limit must be a whole number");
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ApiException.badRequest("limit must be 1-" + MAX_LIMIT);
            }
        }
        return new EventQuery(
                from,
                to,
                ctx.queryParam("user"),
                ctx.queryParam("space"),
                kinds.isEmpty() ? null : kinds,
                limit);
    }

    private static Instant instant(Context ctx, String name) {
        String value = ctx.queryParam(name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(
                    name + " must be an ISO-8601 instant like 2026-11-29T10:00:00Z");
        }
    }

    private void stats(Context ctx) {
        auth.require(ctx, Role.ADMIN);
        ctx.json(
                Map.of(
                        "connections", hub.connectionCount(),
                        "instances", hub.instanceStats(),
                        "eventsQueued", events.queued(),
                        "eventsDropped", events.dropped()));
    }

    private void bots(Context ctx) {
        auth.require(ctx, Role.ADMIN);
        BotsBody body = Bodies.read(ctx, BotsBody.class);
        int count = body.count() == null ? 1 : body.count();
        String prefix = body.prefix() == null ? "bot" : body.prefix().toLowerCase(Locale.ROOT);
        if (count < 1 || count > MAX_BOTS) {
            throw ApiException.badRequest("count must be 1-" + MAX_BOTS);
        }
        if (!prefix.matches("[a-z][a-z0-9]{0,11}")) {
            throw ApiException.badRequest("prefix must be 1-12 letters and digits");
        }
        Authenticator authenticator = auth.authenticator();
        List<String> tokens = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String name = prefix + "_" + i;
            Account bot =
                    accounts.findByUsername(name)
                            .orElseGet(() -> accounts.create(name, null, Role.VISITOR));
            if (accounts.passwordHash(bot.id()).isPresent()) {
                throw new ApiException(409, "taken", name + " is a person's account, not a bot");
            }
            tokens.add(authenticator.issue(bot).token());
        }
        ctx.status(201).json(Map.of("tokens", tokens));
    }
}
