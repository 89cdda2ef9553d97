package dev.worldmind.server.http;

import dev.worldmind.core.json.Json;
import dev.worldmind.data.accounts.Account;
import dev.worldmind.data.accounts.ApiToken;
import dev.worldmind.data.world.Appearance;
import dev.worldmind.data.world.Avatar;
import dev.worldmind.data.world.AvatarStore;
import dev.worldmind.server.security.ApiTokens;
import dev.worldmind.server.security.Authenticator.Grant;
import dev.worldmind.server.security.Principal;
import dev.worldmind.server.security.Scope;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Registration, login, logout, bearer tokens, the current session and the avatar. */
final class AccountRoutes {
    private final Auth auth;
    private final AvatarStore avatars;

    record Credentials(String username, String password) {}

    /** Either a login (username, password: a session token) or a scoped API token's wishes. */
    record TokenBody(
            String username, String password, List<String> scopes, Long ttl, String name) {}

    /** An API token without its secret. */
    record TokenView(
            long id, String name, List<String> scopes, Instant createdAt, Instant expiresAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(
                    t.id(),
                    t.name(),
                    t.scopes().stream().sorted().toList(),
                    t.createdAt(),
                    t.expiresAt());
        }
    }

    record PasswordChange(String password, String newPassword) {}

    record AvatarBody(String name, Appearance appearance) {}

    AccountRoutes(Auth auth, AvatarStore avatars) {
        this.auth = auth;
        this.avatars = avatars;
    }

    void install(JavalinConfig cfg) {
        cfg.routes.post("/api/register", this::register);
        cfg.routes.post("/api/login", this::login);
        cfg.routes.post("/api/logout", this::logout);
        cfg.routes.post("/api/password", this::changePassword);
        cfg.routes.post("/api/tokens", this::token);
        cfg.routes.get("/api/tokens", this::listTokens);
        cfg.routes.delete("/api/tokens/{id}", this::revokeToken);
        cfg.routes.get("/api/session", this::session);
        cfg.routes.get("/api/avatar", this::getAvatar);
        cfg.routes.put("/api/avatar", this::putAvatar);
    }

    private void register(Context ctx) {
        Credentials c = Bodies.read(ctx, Credentials.class);
        Grant grant = auth.authenticator().register(c.username(), c.password(), ctx.ip());
        auth.setCookie(ctx, grant.token());
        ctx.status(201).json(sessionBody(grant.account(), grant.session().csrfToken()));
    }

    private void login(Context ctx) {
        Credentials c = Bodies.read(ctx, Credentials.class);
        Grant grant =
                auth.authenticator()
                        .login(c.username(), c.password(), ctx.ip(), ctx.cookie(Auth.COOKIE));
        auth.setCookie(ctx, grant.token());
        ctx.json(sessionBody(grant.account(), grant.session().csrfToken()));
    }

    private void token(Context ctx) {
        TokenBody body = Bodies.read(ctx, TokenBody.class);
        if (body.username() != null || body.password() != null) {
            // a password login for scripts: a session token, full rights, a session's lifetime
            Grant grant =
                    auth.authenticator().login(body.username(), body.password(), ctx.ip(), null);
            ctx.status(201).json(Map.of("token", grant.token(), "account", grant.account()));
            return;
        }
        Principal p = auth.require(ctx); // a write: login sessions only, never another token
        ApiTokens.Issued issued =
                auth.authenticator()
                        .apiTokens()
                        .create(
                                p,
                                body.name(),
                                body.scopes(),
                                body.ttl() == null ? null : Duration.ofSeconds(body.ttl()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", issued.token());
        answer.put("apiToken", TokenView.of(issued.record()));
        ctx.status(201).json(answer);
    }

    private void listTokens(Context ctx) {
        Principal p = sessionOnly(ctx);
        ctx.json(
                auth.authenticator().apiTokens().list(p.id()).stream().map(TokenView::of).toList());
    }

    private void revokeToken(Context ctx) {
        Principal p = sessionOnly(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no token '" + ctx.pathParam("id") + "'");
        }
        if (!auth.authenticator().apiTokens().revoke(id, p.id())) {
            throw ApiException.notFound("you have no token " + id);
        }
        ctx.status(204);
    }

    /** Tokens are managed from a login session only: a leaked token cannot list or keep others. */
    private Principal sessionOnly(Context ctx) {
        Principal p = auth.require(ctx);
        if (!p.may(Scope.SESSION)) {
            throw new ApiException(
                    403, "insufficient_scope", "tokens are managed from a login session only");
        }
        return p;
    }

    private void logout(Context ctx) {
        auth.require(ctx);
        auth.authenticator().logout(Auth.token(ctx));
        auth.clearCookie(ctx);
        ctx.status(204);
    }

    private void changePassword(Context ctx) {
        Principal p = auth.require(ctx);
        PasswordChange body = Bodies.read(ctx, PasswordChange.class);
        Grant grant = auth.authenticator().changePassword(p, body.password(), body.newPassword());
        if (p.viaCookie()) {
            auth.setCookie(ctx, grant.token());
            ctx.json(sessionBody(grant.account(), grant.session().csrfToken()));
        } else {
            ctx.json(Map.of("token", grant.token(), "account", grant.account()));
        }
    }

    private void session(Context ctx) {
        Principal p = auth.find(ctx).orElseThrow(ApiException::unauthenticated);
        ctx.json(sessionBody(p.account(), p.session().csrfToken()));
    }

    private void getAvatar(Context ctx) {
        Principal p = auth.require(ctx);
        ctx.json(
                avatars.find(p.id())
                        .orElseThrow(() -> ApiException.notFound("you have no avatar yet")));
    }

    private void putAvatar(Context ctx) {
        Principal p = auth.require(ctx);
        AvatarBody body = Bodies.read(ctx, AvatarBody.class);
        Avatar avatar =
                new Avatar(
                        p.id(),
                        body.name() == null ? p.account().username() : body.name(),
                        body.appearance() == null ? Appearance.DEFAULT : body.appearance());
        avatars.save(avatar);
        ctx.json(avatar);
    }

    private static Map<String, Object> sessionBody(Account account, String csrf) {
        return Map.of("account", Json.mapper().valueToTree(account), "csrfToken", csrf);
    }
}
