package dev.worldmind.server.security;

import dev.worldmind.data.accounts.Account;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.data.accounts.Session;

/**
 * An authenticated caller.
 *
 * @param account the account
 * @param session the session the request carried
 * @param viaCookie whether it came in a cookie (then writes need the CSRF token)
 */
public record Principal(Account account, Session session, boolean viaCookie) {
    /** The account id. */
    public long id() {
        return account.id();
    }

    /** Whether this account has at least the given global role. */
    public boolean atLeast(Role role) {
        return account.role().ordinal() >= role.ordinal();
    }
}
