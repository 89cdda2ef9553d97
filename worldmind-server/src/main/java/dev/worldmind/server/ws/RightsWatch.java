package dev.worldmind.server.ws;

import dev.worldmind.server.security.Authenticator;
import dev.worldmind.server.security.Principal;
import dev.worldmind.server.security.RightsSignal;
import dev.worldmind.server.security.RightsSignal.AccountRoleChanged;
import dev.worldmind.server.security.RightsSignal.AccountSessionsEnded;
import dev.worldmind.server.security.RightsSignal.Change;
import dev.worldmind.server.security.RightsSignal.SessionEnded;
import dev.worldmind.server.security.RightsSignal.SpaceRoleChanged;
import dev.worldmind.server.service.Lifecycle;
import dev.worldmind.server.service.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps open sockets' rights current. A socket authenticates once, at the upgrade; this closes it
 * when its session ends (logout, password change, expiry: code {@value #SESSION_ENDED}) or its
 * account's global role changes (code {@value #RIGHTS_CHANGED}, reconnect to get the new rights),
 * takes it out of a space whose role it lost, and looks its rights up again before every privileged
 * message (join, moderate). Changes arrive through the {@link RightsSignal}; expiry, which nobody
 * announces, is found by {@link #sweep}, every second. Thread-safe.
 */
public final class RightsWatch implements Service {
    /** Close code: the socket's session ended (logout, expiry, password change). */
    public static final int SESSION_ENDED = 4401;

    /** Close code: the account's global role changed; reconnect to get the new rights. */
    public static final int RIGHTS_CHANGED = 4403;

    private static final Logger LOG = LoggerFactory.getLogger(RightsWatch.class);

    private final WorldHub hub;
    private final Stage stage;
    private final Authenticator authenticator;

    /**
     * Starts listening to the authenticator's signal; the dispatcher asks it before privileged
     * messages.
     *
     * @param stage the live world and its rules of entry
     * @param authenticator the sessions and their signal
     */
    public RightsWatch(Stage stage, Authenticator authenticator) {
        this.hub = stage.hub();
        this.stage = stage;
        this.authenticator = authenticator;
        authenticator.rights().subscribe(this::changed);
    }

    @Override
    public String name() {
        return "sessions";
    }

    /**
     * Sweeps the open sockets for expired sessions every second, and purges expired sessions and
     * API tokens from the database every ten minutes.
     */
    @Override
    public void start(Lifecycle life) {
        Duration second = Duration.ofSeconds(1);
        life.every(second, second, "checking the sockets' sessions", this::sweep);
        Duration tenMinutes = Duration.ofMinutes(10);
        life.every(tenMinutes, tenMinutes, "purging expired sessions", authenticator::purgeExpired);
    }

    private void changed(Change change) {
        if (change instanceof SessionEnded ended) {
            for (Connection c : hub.connections()) {
                if (c.principal.session().tokenHash().equals(ended.tokenHash())) {
                    c.close(SESSION_ENDED, "session ended");
                }
            }
        } else if (change instanceof AccountSessionsEnded ended) {
            close(ended.accountId(), SESSION_ENDED, "session ended: the password changed");
        } else if (change instanceof AccountRoleChanged role) {
            close(role.accountId(), RIGHTS_CHANGED, "your role changed; reconnect");
        } else if (change instanceof SpaceRoleChanged role) {
            Connection c = hub.connection(role.accountId());
            SpaceInstance in = c == null ? null : c.instance;
            if (in != null && in.space.id().equals(role.spaceId()) && !mayStay(c, in)) {
                stage.evict(
                        role.spaceId(),
                        role.accountId(),
                        "kick",
                        "server",
                        "your role in this space changed",
                        null);
            }
        }
    }

    private boolean mayStay(Connection c, SpaceInstance in) {
        try {
            stage.checkMayEnter(c, in.space);
            return true;
        } catch (ProtocolException e) {
            return false;
        }
    }

    private void close(long accountId, int code, String reason) {
        Connection c = hub.connection(accountId);
        if (c != null) {
            c.close(code, reason);
        }
    }

    /**
     * Looks a connection's rights up again before a privileged message.
     *
     * @param c the connection
     * @param ref the message type, for the error
     * @throws ProtocolException when its session has ended (the socket is then closed)
     */
    void recheck(Connection c, String ref) {
        Optional<Principal> now = authenticator.recheck(c.principal, c.lastUsed);
        if (now.isEmpty()) {
            c.close(SESSION_ENDED, "session ended");
            throw new ProtocolException(
                    "unauthenticated", "your session has ended; log in again", ref);
        }
        c.principal = now.get();
    }

    /**
     * Finds sockets whose session has expired and closes them; a socket in use keeps its session
     * alive. Reads the database only for a connection whose session, as last seen, is past half its
     * idle time or its end, so a sweep of idle-free connections costs no queries.
     */
    public void sweep() {
        Instant now = authenticator.clock().instant();
        long halfIdle = authenticator.idle().toMillis() / 2;
        for (Connection c : hub.connections()) {
            try {
                Principal p = c.principal;
                boolean due =
                        !now.isBefore(p.session().expiresAt())
                                || !now.isBefore(p.session().lastSeenAt().plusMillis(halfIdle));
                if (!due) {
                    continue;
                }
                Optional<Principal> fresh = authenticator.recheck(p, c.lastUsed);
                if (fresh.isEmpty()) {
                    c.close(SESSION_ENDED, "session expired");
                } else {
                    c.principal = fresh.get();
                }
            } catch (RuntimeException e) {
                LOG.warn("checking the session of account {} failed: {}", c.id(), e.toString());
            }
        }
    }
}
