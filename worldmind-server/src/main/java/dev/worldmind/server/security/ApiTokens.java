package dev.worldmind.server.security;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.accounts.Account;
import dev.worldmind.data.accounts.AccountStore;
import dev.worldmind.data.accounts.ApiToken;
import dev.worldmind.data.accounts.ApiTokenStore;
import dev.worldmind.data.accounts.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Scoped API tokens: bearer tokens a logged-in user makes for a script, limited to some of {@code
 * read}, {@code predict} and {@code admin} and ending at a fixed time (at most a year). They carry
 * a prefix ({@value #PREFIX}) so a leaked one is recognisable, and are stored hashed like sessions.
 * The account is looked up on every use, so a demotion applies at once. Thread-safe.
 */
public final class ApiTokens {
    /** What every API token starts with. */
    public static final String PREFIX = "wmt_";

    /** The longest lifetime a token may be given. */
    public static final Duration MAX_TTL = Duration.ofDays(365);

    /** The lifetime when none is asked for. */
    public static final Duration DEFAULT_TTL = Duration.ofDays(30);

    /** The most live tokens one account may hold (a bound on rows, not a security limit). */
    static final int MAX_PER_ACCOUNT = 50;

    private final ApiTokenStore store;
    private final AccountStore accounts;
    private final Clock clock;

    /** A new token and the secret that proves it (shown once). */
    public record Issued(String token, ApiToken record) {}

    /**
     * @param store the token store
     * @param accounts the accounts
     * @param clock the time source
     */
    public ApiTokens(ApiTokenStore store, AccountStore accounts, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Makes a token for a caller.
     *
     * @param caller who asks: a login session, never another token
     * @param name a label, or null
     * @param scopes the scopes asked for (read, predict, admin)
     * @param ttl the lifetime, or null for {@link #DEFAULT_TTL}
     * @return the token
     * @throws InvalidDataException for bad scopes or lifetime, or the admin scope for a non-admin
     */
    public Issued create(Principal caller, String name, List<String> scopes, Duration ttl) {
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidDataException("a token needs scopes: some of read, predict, admin");
        }
        Set<Scope> granted = EnumSet.noneOf(Scope.class);
        for (String s : scopes) {
            granted.add(Scope.grantable(s));
        }
        if (granted.contains(Scope.ADMIN)
                && caller.account().role() != dev.worldmind.data.accounts.Role.ADMIN) {
            throw new InvalidDataException("only admins may make a token with the admin scope");
        }
        Duration life = ttl == null ? DEFAULT_TTL : ttl;
        if (life.compareTo(Duration.ofMinutes(1)) < 0 || life.compareTo(MAX_TTL) > 0) {
            throw new InvalidDataException("a token's ttl is 60-31536000 seconds (a year)");
        }
        Instant now = clock.instant();
        long live = store.list(caller.id()).stream().filter(t -> t.isLive(now)).count();
        if (live >= MAX_PER_ACCOUNT) {
            throw new InvalidDataException(
                    "an account holds at most " + MAX_PER_ACCOUNT + " tokens; revoke some first");
        }
        String token = PREFIX + Tokens.random();
        ApiToken record =
                store.create(
                        new ApiToken(
                                0,
                                Tokens.hash(token),
                                caller.id(),
                                name == null || name.isBlank() ? "token" : name.strip(),
                                granted.stream()
                                        .map(Scope::value)
                                        .collect(java.util.stream.Collectors.toSet()),
                                now,
                                now.plus(life)));
        return new Issued(token, record);
    }

    /**
     * Finds the caller of an API token.
     *
     * @param token the bearer token (with its prefix)
     * @return the caller with the token's scopes, or empty when unknown, expired or its account is
     *     gone
     */
    public Optional<Principal> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 128) {
            return Optional.empty();
        }
        Optional<ApiToken> found = store.find(Tokens.hash(token));
        Instant now = clock.instant();
        if (found.isEmpty() || !found.get().isLive(now)) {
            return Optional.empty();
        }
        ApiToken t = found.get();
        Optional<Account> account = accounts.find(t.accountId());
        if (account.isEmpty()) {
            return Optional.empty();
        }
        // A token is no session; this stand-in carries its hash and end (the CSRF token is never
        // asked of a bearer caller).
        Session standIn =
                new Session(t.tokenHash(), t.accountId(), "-", t.createdAt(), now, t.expiresAt());
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        t.scopes().forEach(s -> scopes.add(Scope.grantable(s)));
        return Optional.of(new Principal(account.get(), standIn, false, scopes));
    }

    /**
     * An account's tokens (without their secrets).
     *
     * @param accountId the account
     */
    public List<ApiToken> list(long accountId) {
        return store.list(accountId);
    }

    /**
     * Revokes one of an account's tokens.
     *
     * @param id the token's id
     * @param accountId the account
     * @return whether it existed
     */
    public boolean revoke(long id, long accountId) {
        return store.delete(id, accountId);
    }

    /** Deletes ended tokens; returns how many. */
    public int purgeExpired() {
        return store.deleteExpired(clock.instant());
    }
}
