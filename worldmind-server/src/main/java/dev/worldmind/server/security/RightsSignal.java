package dev.worldmind.server.security;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whoever holds rights in memory (open WebSockets) that rights changed elsewhere: a session
 * ended, an account's password or role changed, a space role changed. A WebSocket authenticates
 * once at the upgrade, so without this signal it kept rights that REST had already taken away.
 *
 * <p>Delivery is in-process and synchronous, in the thread that made the change, so a logout's
 * answer leaves only after its sockets were told. A cluster would add a listener that forwards each
 * change to the other nodes and call {@link #publish} with what arrives from them; changes carry
 * only ids and hashes for that reason. Thread-safe.
 */
public final class RightsSignal {
    private static final Logger LOG = LoggerFactory.getLogger(RightsSignal.class);

    /** A change of rights. */
    public sealed interface Change {}

    /**
     * One session ended (logout, rotation at login, expiry found at use).
     *
     * @param tokenHash the hash of its token
     */
    public record SessionEnded(String tokenHash) implements Change {
        public SessionEnded {
            Objects.requireNonNull(tokenHash, "tokenHash");
        }
    }

    /**
     * Every session of an account ended (password change).
     *
     * @param accountId the account
     */
    public record AccountSessionsEnded(long accountId) implements Change {}

    /**
     * An account's global role changed.
     *
     * @param accountId the account
     */
    public record AccountRoleChanged(long accountId) implements Change {}

    /**
     * An account's role in one space changed or was taken away.
     *
     * @param spaceId the space
     * @param accountId the account
     */
    public record SpaceRoleChanged(String spaceId, long accountId) implements Change {
        public SpaceRoleChanged {
            Objects.requireNonNull(spaceId, "spaceId");
        }
    }

    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    /**
     * Adds a listener; it is called in the publisher's thread and must not block.
     *
     * @param listener the listener
     */
    public void subscribe(Consumer<Change> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Tells every listener. A failing listener is logged and does not stop the others: the change
     * itself (in the database) has already happened.
     *
     * @param change the change
     */
    public void publish(Change change) {
        Objects.requireNonNull(change, "change");
        for (Consumer<Change> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                LOG.error("a listener failed on {}", change, e);
            }
        }
    }

    /** Publishes {@link SessionEnded}. */
    public void sessionEnded(String tokenHash) {
        publish(new SessionEnded(tokenHash));
    }

    /** Publishes {@link AccountRoleChanged}. */
    public void accountRoleChanged(long accountId) {
        publish(new AccountRoleChanged(accountId));
    }

    /** Publishes {@link SpaceRoleChanged}. */
    public void spaceRoleChanged(String spaceId, long accountId) {
        publish(new SpaceRoleChanged(spaceId, accountId));
    }
}
