package dev.worldmind.server.security;

import dev.worldmind.data.accounts.Account;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.data.accounts.Session;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller.
 *
 * @param account the account
 * @param session the session the request carried (for an API token: its hash and end, no CSRF use)
 * @param viaCookie whether it came in a cookie (then writes need the CSRF token)
 * @param scopes what the credential may be used for: every scope for a login session
 */
public record Principal(Account account, Session session, boolean viaCookie, Set<Scope> scopes) {
    public Principal {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(session, "session");
        scopes = Set.copyOf(scopes);
    }

    /** A caller with a login session, which holds every scope. */
    public Principal(Account account, Session session, boolean viaCookie) {
        this(account, session, viaCookie, EnumSet.allOf(Scope.class));
    }

    /** The account id. */
    public long id() {
        return account.id();
    }

    /** Whether this account has at least the given global role. */
    public boolean atLeast(Role role) {
        return account.role().ordinal() >= role.ordinal();
    }

    /** Whether the credential may be used for a scope. */
    public boolean may(Scope scope) {
        return scopes.contains(scope);
    }
}
