package dev.worldmind.server.http;

import dev.worldmind.data.accounts.Role;
import dev.worldmind.server.security.Authenticator;
import dev.worldmind.server.security.Principal;
import dev.worldmind.server.security.Scope;
import dev.worldmind.server.security.Tokens;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds the caller of a request (session cookie or bearer token), enforces CSRF on cookie writes,
 * and sets and clears the session cookie. Thread-safe.
 */
public final class Auth {
    /** The session cookie's name. */
    public static final String COOKIE = "wm_session";

    private static final String PRINCIPAL = "worldmind.principal";

    private static final Pattern PREDICT =
            Pattern.compile(
                    "/api/models/[^/]+/(versions/[^/]+/)?predict"
                            + "|/v2/models/[^/]+/(versions/[^/]+/)?infer");

    private final Authenticator authenticator;
    private final Predicate<String> originAllowed;
    private final boolean secureCookies;
    private final Duration absolute;

    Auth(
            Authenticator authenticator,
            Predicate<String> originAllowed,
            boolean secureCookies,
            Duration absolute) {
        this.authenticator = authenticator;
        this.originAllowed = originAllowed;
        this.secureCookies = secureCookies;
        this.absolute = absolute;
    }

    /** The caller, if the request carries a live session. */
    Optional<Principal> find(Context ctx) {
        Principal cached = ctx.attribute(PRINCIPAL);
        if (cached != null) {
            return Optional.of(cached);
        }
        String bearer = bearer(ctx);
        Optional<Principal> found =
                bearer != null
                        ? authenticator.authenticate(bearer, false)
                        : authenticator.authenticate(ctx.cookie(COOKIE), true);
        found.ifPresent(p -> ctx.attribute(PRINCIPAL, p));
        return found;
    }

    /** The bearer token of the request's Authorization header, or null. */
    static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim()
                : null;
    }

    /** The session token the request carries: bearer first, else the cookie. */
    static String token(Context ctx) {
        String bearer = bearer(ctx);
        return bearer != null ? bearer : ctx.cookie(COOKIE);
    }

    /**
     * The caller, or 401. Writes with a cookie must also pass the CSRF check, and the caller's
     * credential must hold the request's scope (see {@link #scopeOf}).
     */
    public Principal require(Context ctx) {
        return check(ctx, null);
    }

    /** The caller with at least a global role, or 401/403. */
    Principal require(Context ctx, Role role) {
        return check(ctx, role);
    }

    private Principal check(Context ctx, Role role) {
        Principal p = find(ctx).orElseThrow(ApiException::unauthenticated);
        if (p.viaCookie() && isWrite(ctx)) {
            checkCsrf(ctx, p);
        }
        if (role != null && !p.atLeast(role)) {
            throw ApiException.forbidden("this needs the role " + role.name().toLowerCase());
        }
        Scope needed = scopeOf(ctx, role);
        if (!p.may(needed)) {
            throw new ApiException(
                    403,
                    "insufficient_scope",
                    "this token lacks the scope '"
                            + needed.value()
                            + "'"
                            + (needed == Scope.SESSION
                                    ? " (only a login session may do this)"
                                    : ""));
        }
        return p;
    }

    /**
     * The scope a request needs: {@code admin} for the routes that need the admin role, {@code
     * predict} for the predict routes, {@code read} for other reads, and a login session for every
     * other write.
     */
    static Scope scopeOf(Context ctx, Role role) {
        if (role == Role.ADMIN) {
            return Scope.ADMIN;
        }
        if (PREDICT.matcher(ctx.path()).matches()) {
            return Scope.PREDICT;
        }
        return isWrite(ctx) ? Scope.SESSION : Scope.READ;
    }

    private void checkCsrf(Context ctx, Principal p) {
        String origin = ctx.header("Origin");
        if (origin != null && !originAllowed.test(origin)) {
            throw new ApiException(403, "csrf", "requests from " + origin + " are not allowed");
        }
        if (!Tokens.same(ctx.header("X-CSRF-Token"), p.session().csrfToken())) {
            throw new ApiException(
                    403, "csrf", "missing or wrong X-CSRF-Token header (get it from /api/session)");
        }
    }

    private static boolean isWrite(Context ctx) {
        String m = ctx.method().name();
        return !(m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS"));
    }

    void setCookie(Context ctx, String token) {
        Cookie cookie = new Cookie(COOKIE, token);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setSecure(secureCookies);
        cookie.setMaxAge((int) absolute.toSeconds());
        ctx.cookie(cookie);
    }

    void clearCookie(Context ctx) {
        Cookie cookie = new Cookie(COOKIE, "");
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setSecure(secureCookies);
        cookie.setMaxAge(0);
        ctx.cookie(cookie);
    }

    Authenticator authenticator() {
        return authenticator;
    }
}
