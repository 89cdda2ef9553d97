package dev.worldmind.server;

import dev.worldmind.core.AlreadyExistsException;
import dev.worldmind.data.accounts.AccountStore;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.server.security.Passwords;
import dev.worldmind.server.security.Tokens;
import java.util.Optional;

/**
 * Creates the account {@code admin} with a generated password when no admin exists. The password is
 * stored only as its Argon2id hash and shown once, by whoever started the server.
 */
final class FirstAdmin {
    /** The first admin's user name. */
    static final String USERNAME = "admin";

    private FirstAdmin() {}

    static Optional<String> ensure(AccountStore accounts) {
        if (accounts.anyWithRole(Role.ADMIN)) {
            return Optional.empty();
        }
        String password = Tokens.random(15); // 120 random bits as 20 characters
        String hash = Passwords.hash(password);
        var existing = accounts.findByUsername(USERNAME);
        if (existing.isPresent()) {
            // Someone registered "admin" as a visitor before any admin existed: promote and reset.
            accounts.setPasswordHash(existing.get().id(), hash);
            accounts.setRole(existing.get().id(), Role.ADMIN);
        } else {
            try {
                accounts.create(USERNAME, hash, Role.ADMIN);
            } catch (AlreadyExistsException e) {
                return Optional.empty(); // another server on the same database was quicker
            }
        }
        return Optional.of(password);
    }
}
