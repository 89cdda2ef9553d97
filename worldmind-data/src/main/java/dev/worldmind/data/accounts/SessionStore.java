package dev.worldmind.data.accounts;

import dev.worldmind.core.AlreadyExistsException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.internal.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Login sessions in the database; deleting an account deletes its sessions. */
public final class SessionStore {
    private final Database db;

    /**
     * Creates the store.
     *
     * @param db the open database
     */
    public SessionStore(Database db) {
        this.db = db;
    }

    /**
     * Stores a new session.
     *
     * @param session the session
     * @throws NotFoundException when its account does not exist
     * @throws AlreadyExistsException when a session has the same token hash
     */
    public void create(Session session) {
        Jdbc.run(
                db,
                "create a session for account " + session.accountId(),
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "INSERT INTO sessions (token_hash, account_id, csrf_token,"
                                            + " created_at, last_seen_at, expires_at)"
                                            + " VALUES (?, ?, ?, ?, ?, ?)")) {
                        ps.setString(1, session.tokenHash());
                        ps.setLong(2, session.accountId());
                        ps.setString(3, session.csrfToken());
                        Jdbc.setInstant(ps, 4, session.createdAt());
                        Jdbc.setInstant(ps, 5, session.lastSeenAt());
                        Jdbc.setInstant(ps, 6, session.expiresAt());
                        return ps.executeUpdate();
                    } catch (SQLException e) {
                        if (Jdbc.isMissingReference(e)) {
                            throw new NotFoundException(
                                    "no account with id " + session.accountId());
                        }
                        if (Jdbc.isDuplicate(e)) {
                            throw new AlreadyExistsException("a session with this token exists");
                        }
                        throw e;
                    }
                });
    }

    /**
     * Finds a session by its token hash, whether or not it has expired (see {@link
     * Session#isLive}).
     *
     * @param tokenHash the hash of the token
     */
    public Optional<Session> find(String tokenHash) {
        return Jdbc.run(
                db,
                "find a session",
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT token_hash, account_id, csrf_token, created_at,"
                                            + " last_seen_at, expires_at FROM sessions"
                                            + " WHERE token_hash = ?")) {
                        ps.setString(1, tokenHash);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) {
                                return Optional.<Session>empty();
                            }
                            return Optional.of(
                                    new Session(
                                            rs.getString("token_hash"),
                                            rs.getLong("account_id"),
                                            rs.getString("csrf_token"),
                                            Jdbc.getInstant(rs, "created_at"),
                                            Jdbc.getInstant(rs, "last_seen_at"),
                                            Jdbc.getInstant(rs, "expires_at")));
                        }
                    }
                });
    }

    /**
     * Records that a session was used; does nothing when it no longer exists.
     *
     * @param tokenHash the hash of the token
     * @param lastSeenAt when it was used
     */
    public void touch(String tokenHash, Instant lastSeenAt) {
        Jdbc.run(
                db,
                "touch a session",
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?")) {
                        Jdbc.setInstant(ps, 1, Jdbc.micros(lastSeenAt));
                        ps.setString(2, tokenHash);
                        return ps.executeUpdate();
                    }
                });
    }

    /**
     * Ends a session (logout); does nothing when it does not exist.
     *
     * @param tokenHash the hash of the token
     */
    public void delete(String tokenHash) {
        delete("DELETE FROM sessions WHERE token_hash = ?", tokenHash, "delete a session");
    }

    /**
     * Ends every session of an account (password change, ban).
     *
     * @param accountId the account
     */
    public void deleteForAccount(long accountId) {
        delete(
                "DELETE FROM sessions WHERE account_id = ?",
                accountId,
                "delete the sessions of account " + accountId);
    }

    /**
     * Deletes the sessions past their absolute expiry or unused for longer than the idle timeout.
     *
     * @param now the current time
     * @param idle how long a session may go unused
     * @return how many were deleted
     */
    public int deleteExpired(Instant now, Duration idle) {
        return Jdbc.run(
                db,
                "delete expired sessions",
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "DELETE FROM sessions WHERE expires_at <= ?"
                                            + " OR last_seen_at <= ?")) {
                        Jdbc.setInstant(ps, 1, now);
                        Jdbc.setInstant(ps, 2, now.minus(idle));
                        return ps.executeUpdate();
                    }
                });
    }

    private void delete(String sql, Object key, String doing) {
        Jdbc.run(
                db,
                doing,
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setObject(1, key);
                        return ps.executeUpdate();
                    }
                });
    }
}
