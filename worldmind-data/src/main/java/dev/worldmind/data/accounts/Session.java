package dev.worldmind.data.accounts;

import dev.worldmind.data.db.internal.Jdbc;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A login session. Only the hash of its token is stored, so a copy of the database does not let
 * anyone in. Instants are kept to the microsecond, the precision both databases store.
 *
 * @param tokenHash the hash of the session token (e.g. SHA-256, hex or base64url)
 * @param accountId whose session it is
 * @param csrfToken the token cookie-authenticated writes must echo
 * @param createdAt when it began (the login)
 * @param lastSeenAt the last request made with it
 * @param expiresAt when it ends regardless of use
 */
public record Session(
        String tokenHash,
        long accountId,
        String csrfToken,
        Instant createdAt,
        Instant lastSeenAt,
        Instant expiresAt) {
    public Session {
        if (tokenHash == null || tokenHash.isBlank() || tokenHash.length() > 128) {
            throw new IllegalArgumentException("a session needs a token hash of 1-128 characters");
        }
        if (csrfToken == null || csrfToken.isBlank() || csrfToken.length() > 128) {
            throw new IllegalArgumentException("a session needs a CSRF token of 1-128 characters");
        }
        createdAt = Jdbc.micros(Objects.requireNonNull(createdAt, "createdAt"));
        lastSeenAt = Jdbc.micros(Objects.requireNonNull(lastSeenAt, "lastSeenAt"));
        expiresAt = Jdbc.micros(Objects.requireNonNull(expiresAt, "expiresAt"));
    }

    /**
     * Tells whether the session may still be used: before its absolute expiry and used within the
     * idle timeout.
     *
     * @param now the current time
     * @param idle how long a session may go unused
     */
    public boolean isLive(Instant now, Duration idle) {
        return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(idle));
    }
}
