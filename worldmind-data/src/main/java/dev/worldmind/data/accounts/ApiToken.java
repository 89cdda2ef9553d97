package dev.worldmind.data.accounts;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.db.internal.Jdbc;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A bearer token for scripts, limited to scopes and ending at a fixed time. Only the hash of the
 * token is stored; the scopes are opaque lowercase words here (the server gives them meaning).
 *
 * @param id the id (0 before it is stored)
 * @param tokenHash the hash of the token (e.g. SHA-256 hex)
 * @param accountId whose token it is
 * @param name a label its owner chose, 1-64 characters
 * @param scopes what it may be used for, 1-4 lowercase words
 * @param createdAt when it was made
 * @param expiresAt when it stops working
 */
public record ApiToken(
        long id,
        String tokenHash,
        long accountId,
        String name,
        Set<String> scopes,
        Instant createdAt,
        Instant expiresAt) {
    private static final Pattern SCOPE = Pattern.compile("[a-z]{1,12}");

    public ApiToken {
        if (tokenHash == null || tokenHash.isBlank() || tokenHash.length() > 128) {
            throw new InvalidDataException("an API token needs a token hash of 1-128 characters");
        }
        if (name == null || name.isBlank() || name.length() > 64) {
            throw new InvalidDataException("an API token's name has 1-64 characters");
        }
        scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
        if (scopes.isEmpty() || scopes.size() > 4) {
            throw new InvalidDataException("an API token has 1-4 scopes");
        }
        for (String scope : scopes) {
            if (!SCOPE.matcher(scope).matches()) {
                throw new InvalidDataException("a scope is a lowercase word, got '" + scope + "'");
            }
        }
        createdAt = Jdbc.micros(Objects.requireNonNull(createdAt, "createdAt"));
        expiresAt = Jdbc.micros(Objects.requireNonNull(expiresAt, "expiresAt"));
        if (!expiresAt.isAfter(createdAt)) {
            throw new InvalidDataException("an API token must end after it was made");
        }
    }

    /**
     * Tells whether the token may still be used.
     *
     * @param now the current time
     */
    public boolean isLive(Instant now) {
        return now.isBefore(expiresAt);
    }
}
