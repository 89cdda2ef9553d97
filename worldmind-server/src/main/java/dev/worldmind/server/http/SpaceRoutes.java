package dev.worldmind.server.http;

import dev.worldmind.data.accounts.Account;
import dev.worldmind.data.accounts.AccountStore;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.data.world.Layout;
import dev.worldmind.data.world.Space;
import dev.worldmind.data.world.SpaceKind;
import dev.worldmind.data.world.SpaceRole;
import dev.worldmind.data.world.Visibility;
import dev.worldmind.data.world.WorldStore;
import dev.worldmind.server.security.Principal;
import dev.worldmind.server.ws.Dispatcher;
import dev.worldmind.server.ws.WorldHub;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Spaces: listing, details with the layout, creation, members and bans. */
final class SpaceRoutes {
    private final Auth auth;
    private final WorldStore world;
    private final AccountStore accounts;
    private final WorldHub hub;
    private final Dispatcher dispatcher;
    private final Layout defaultLayout;

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

    record BanBody(String username, String reason) {}

    SpaceRoutes(
            Auth auth,
            WorldStore world,
            AccountStore accounts,
            WorldHub hub,
            Dispatcher dispatcher,
            Layout defaultLayout) {
        this.auth = auth;
        this.world = world;
        this.accounts = accounts;
        this.hub = hub;
        this.dispatcher = dispatcher;
        this.defaultLayout = defaultLayout;
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
        Principal p = auth.require(ctx);
        Space space = space(ctx);
        if (!maySee(p, space)) {
            throw ApiException.notFound("no space '" + space.id() + "'");
        }
        ctx.json(space);
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
        Space space = space(ctx);
        requireSpaceRole(p, space, SpaceRole.OWNER);
        RoleBody body = Bodies.read(ctx, RoleBody.class);
        if (body.role() == null) {
            throw ApiException.badRequest("role must be owner, moderator or member");
        }
        world.setMember(space.id(), account(ctx).id(), body.role());
        ctx.status(204);
    }

    private void removeMember(Context ctx) {
        Principal p = auth.require(ctx);
        Space space = space(ctx);
        requireSpaceRole(p, space, SpaceRole.OWNER);
        world.removeMember(space.id(), account(ctx).id());
        ctx.status(204);
    }

    private void ban(Context ctx) {
        Principal p = auth.require(ctx);
        Space space = space(ctx);
        requireSpaceRole(p, space, SpaceRole.MODERATOR);
        BanBody body = Bodies.read(ctx, BanBody.class);
        Account target = named(body.username());
        if (target.id() == p.id()) {
            throw ApiException.badRequest("you cannot ban yourself");
        }
        world.ban(space.id(), target.id(), p.id(), body.reason(), null);
        dispatcher.evict(
                space.id(), target.id(), "ban", p.account().username(), body.reason(), null);
        ctx.status(204);
    }

    private void unban(Context ctx) {
        Principal p = auth.require(ctx);
        Space space = space(ctx);
        requireSpaceRole(p, space, SpaceRole.MODERATOR);
        world.unban(space.id(), account(ctx).id());
        ctx.status(204);
    }

    private boolean maySee(Principal p, Space s) {
        return s.visibility() != Visibility.PRIVATE
                || p.atLeast(Role.ADMIN)
                || world.role(s.id(), p.id()).isPresent();
    }

    /** Owners outrank moderators; admins may do everything. */
    private void requireSpaceRole(Principal p, Space space, SpaceRole needed) {
        if (p.atLeast(Role.ADMIN)) {
            return;
        }
        Optional<SpaceRole> role = world.role(space.id(), p.id());
        boolean ok =
                role.isPresent()
                        && (role.get() == SpaceRole.OWNER
                                || (needed == SpaceRole.MODERATOR
                                        && role.get() == SpaceRole.MODERATOR));
        if (!ok) {
            throw ApiException.forbidden(
                    "this needs the space role " + needed.name().toLowerCase(Locale.ROOT));
        }
    }

    private Space space(Context ctx) {
        String id = ctx.pathParam("id");
        return world.findSpace(id)
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
