package dev.worldmind.data.accounts;

import dev.worldmind.data.db.internal.Jdbc;
import java.time.Instant;
import java.util.Objects;

/**
 * A person's (or a bot's) account. The password hash is not part of it, so an account can be shown
 * or logged freely.
 *
 * @param id the database id, positive
 * @param username the unique, case-folded name
 * @param role the global role
 * @param createdAt when it was registered (microsecond precision)
 */
public record Account(long id, String username, Role role, Instant createdAt) {
    public Account {
        if (id <= 0) {
            throw new IllegalArgumentException("account ids are positive, not " + id);
        }
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("an account needs a username");
        }
        Objects.requireNonNull(role, "role");
        createdAt = Jdbc.micros(Objects.requireNonNull(createdAt, "createdAt"));
    }
}
