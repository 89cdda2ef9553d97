package dev.worldmind.server.http;

import dev.worldmind.data.accounts.Account;
import dev.worldmind.data.accounts.AccountStore;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.data.naming.VisibleText;
import dev.worldmind.data.world.Layout;
import dev.worldmind.data.world.Space;
import dev.worldmind.data.world.SpaceKind;
import dev.worldmind.data.world.SpaceRole;
import dev.worldmind.data.world.Visibility;
import dev.worldmind.data.world.WorldStore;
import dev.worldmind.server.security.ModerationPolicy;
import dev.worldmind.server.security.ModerationPolicy.Action;
import dev.worldmind.server.security.ModerationPolicy.Reason;
import dev.worldmind.server.security.Principal;
import dev.worldmind.server.security.Rank;
import dev.worldmind.server.security.RightsSignal;
import dev.worldmind.server.ws.Stage;
import dev.worldmind.server.ws.WorldHub;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Spaces: listing, details with the layout, creation, members and bans. */
final class SpaceRoutes {
    private final Auth auth;
    private final WorldStore world;
    private final AccountStore accounts;
    private final WorldHub hub;
    private final Stage stage;
    private final Layout defaultLayout;
    private final RightsSignal rights;
    private final Clock clock;

    record SpaceSummary(
            String id,
            String name,
            SpaceKind kind,
            Visibility visibility,
            int capacity,
            int people) {}

    record NewSpace(
            String id,
            String name,
            SpaceKind kind,
            Integer capacity,
            Visibility visibility,
            Layout layout) {}

    record RoleBody(SpaceRole role) {}

    record BanBody(String username, String reason, Long seconds) {}

    SpaceRoutes(
            Auth auth, WorldStore world, AccountStore accounts, Stage stage, Layout defaultLayout) {
        this.auth = auth;
        this.world = world;
        this.accounts = accounts;
        this.hub = stage.hub();
        this.stage = stage;
        this.defaultLayout = defaultLayout;
        this.rights = auth.authenticator().rights();
        this.clock = auth.authenticator().clock();
    }

    void install(JavalinConfig cfg) {
        cfg.routes.get("/api/spaces", this::list);
        cfg.routes.get("/api/spaces/{id}", this::get);
        cfg.routes.post("/api/spaces", this::create);
        cfg.routes.put("/api/spaces/{id}/members/{username}", this::setMember);
        cfg.routes.delete("/api/spaces/{id}/members/{username}", this::removeMember);
        cfg.routes.post("/api/spaces/{id}/bans", this::ban);
        cfg.routes.delete("/api/spaces/{id}/bans/{username}", this::unban);
    }

    private void list(Context ctx) {
        Principal p = auth.require(ctx);
        List<SpaceSummary> list =
                world.spaces().stream()
                        .filter(s -> maySee(p, s))
                        .map(
                                s ->
                                        new SpaceSummary(
                                                s.id(),
                                                s.name(),
                                                s.kind(),
                                                s.visibility(),
                                                s.capacity(),
                                                hub.people(s.id())))
                        .toList();
        ctx.json(list);
    }

    private void get(Context ctx) {
        ctx.json(visibleSpace(auth.require(ctx), ctx));
    }

    private void create(Context ctx) {
        Principal p = auth.require(ctx, Role.CREATOR);
        NewSpace body = Bodies.read(ctx, NewSpace.class);
        if (body.id() == null || body.kind() == null) {
            throw ApiException.badRequest("a space needs an id and a kind");
        }
        if (world.findSpace(body.id()).isPresent()) {
            throw new ApiException(409, "taken", "the space id '" + body.id() + "' is taken");
        }
        Space space =
                new Space(
                        body.id(),
                        body.name() == null ? body.id() : body.name(),
                        body.kind(),
                        body.capacity() == null ? 32 : body.capacity(),
                        body.visibility() == null ? Visibility.PUBLIC : body.visibility(),
                        body.layout() == null ? defaultLayout : body.layout());
        world.saveSpace(space);
        world.setMember(space.id(), p.id(), SpaceRole.OWNER);
        ctx.status(201).json(space);
    }

    private void setMember(Context ctx) {
        Principal p = auth.require(ctx);
        Space space = visibleSpace(p, ctx);
        requireStaff(p, space, Action.ROLE);
        RoleBody body = Bodies.read(ctx, RoleBody.class);
        if (body.role() == null) {
            throw ApiException.badRequest("role must be owner, moderator or member");
        }
        Account target = account(ctx);
        allow(p, space, target, Action.ROLE, Rank.of(body.role()));
        world.setMember(space.id(), target.id(), body.role());
        rights.spaceRoleChanged(space.id(), target.id());
        ctx.status(204);
    }

    private void removeMember(Context ctx) {
        Principal p = auth.require(ctx);
        Space space = visibleSpace(p, ctx);
        requireStaff(p, space, Action.ROLE);
        Account target = account(ctx);
        allow(p, space, target, Action.ROLE, Rank.VISITOR);
        world.removeMember(space.id(), target.id());
        rights.spaceRoleChanged(space.id(), target.id());
        ctx.status(204);
    }

    private void ban(Context ctx) {
        Principal p = auth.require(ctx);
        Space space = visibleSpace(p, ctx);
        requireStaff(p, space, Action.BAN);
        BanBody body = Bodies.read(ctx, BanBody.class);
        long seconds = body.seconds() == null ? 0 : body.seconds();
        if (!ModerationPolicy.durationAllowed(seconds)) {
            throw ApiException.badRequest(
                    "seconds must be 0-"
                            + ModerationPolicy.MAX_SECONDS
                            + " (at most a year; 0 or none for a ban without end)");
        }
        if (body.reason() != null) {
            // The same rule as the WebSocket's reason: the banned person reads it.
            if (body.reason().length() > 200) {
                throw ApiException.badRequest("a ban reason has at most 200 characters");
            }
            VisibleText.require(body.reason(), "a ban reason");
        }
        Account target = named(body.username());
        allow(p, space, target, Action.BAN, null);
        Instant until = seconds == 0 ? null : clock.instant().plusSeconds(seconds);
        world.ban(space.id(), target.id(), p.id(), body.reason(), until);
        stage.evict(space.id(), target.id(), "ban", p.account().username(), body.reason(), until);
        ctx.status(204);
    }

    private void unban(Context ctx) {
        Principal p = auth.require(ctx);
        Space space = visibleSpace(p, ctx);
        requireStaff(p, space, Action.UNBAN);
        Account target = account(ctx);
        allow(p, space, target, Action.UNBAN, null);
        world.unban(space.id(), target.id());
        ctx.status(204);
    }

    private boolean maySee(Principal p, Space s) {
        return s.visibility() != Visibility.PRIVATE
                || p.atLeast(Role.ADMIN)
                || world.role(s.id(), p.id()).isPresent();
    }

    private Rank rank(Account account, Space space) {
        return Rank.of(account.role(), world.role(space.id(), account.id()));
    }

    /**
     * Refuses a caller whose rank allows the action on nobody, before anything else is looked up:
     * then a visitor cannot use these routes to learn which names exist.
     */
    private void requireStaff(Principal p, Space space, Action action) {
        Rank needed = action == Action.ROLE ? Rank.OWNER : Rank.MODERATOR;
        if (rank(p.account(), space).compareTo(needed) < 0) {
            throw ApiException.forbidden(
                    "this needs the space role " + needed.name().toLowerCase(Locale.ROOT));
        }
    }

    /** Asks the moderation policy, the same one the WebSocket's {@code moderate} asks. */
    private void allow(Principal p, Space space, Account target, Action action, Rank newRank) {
        ModerationPolicy.check(
                        rank(p.account(), space),
                        rank(target, space),
                        p.id() == target.id(),
                        action,
                        newRank)
                .ifPresent(
                        refusal -> {
                            throw refusal.reason() == Reason.SELF
                                    ? ApiException.badRequest(refusal.message())
                                    : ApiException.forbidden(refusal.message());
                        });
    }

    /** The space of the path, answered like an unknown one when the caller may not see it. */
    private Space visibleSpace(Principal p, Context ctx) {
        String id = ctx.pathParam("id");
        return world.findSpace(id)
                .filter(s -> maySee(p, s))
                .orElseThrow(() -> ApiException.notFound("no space '" + id + "'"));
    }

    private Account account(Context ctx) {
        return named(ctx.pathParam("username"));
    }

    private Account named(String username) {
        if (username == null) {
            throw ApiException.badRequest("a username is needed");
        }
        String name = username.trim().toLowerCase(Locale.ROOT);
        return accounts.findByUsername(name)
                .orElseThrow(() -> ApiException.notFound("no account '" + name + "'"));
    }
}
