package dev.worldmind.server.security;

import dev.worldmind.core.AlreadyExistsException;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.accounts.Account;
import dev.worldmind.data.accounts.AccountStore;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.data.accounts.Session;
import dev.worldmind.data.accounts.SessionStore;
import dev.worldmind.server.security.AuthException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Registration, login, sessions and logout. Sessions are random tokens whose SHA-256 is stored;
 * they end after an idle time or an absolute lifetime, and every login creates a new one
 * (rotation). Failed logins are throttled per account and per client address. Thread-safe.
 */
public final class Authenticator {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_]{3,24}");

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final Duration idle;
    private final Duration absolute;
    private final Clock clock;
    private final LoginThrottle perAccount;
    private final LoginThrottle perAddress;
    private final Duration touchEvery;
    private final RightsSignal rights;
    private final LoginThrottle registrations;
    private final ApiTokens apiTokens;
    private final PasswordPolicy passwordPolicy;

    /** A new session and the secret that proves it. */
    public record Grant(String token, Session session, Account account) {}

    /**
     * @param accounts the account store
     * @param sessions the session store
     * @param idle how long a session lives without use
     * @param absolute how long a session lives at most
     * @param clock the time source
     * @param rights where ended sessions and changed passwords are announced (to open sockets)
     * @param registrations counts registrations per client address; null for no limit
     * @param apiTokens the scoped API tokens, also accepted as bearer tokens
     * @param passwordPolicy what new passwords must be
     */
    public Authenticator(
            AccountStore accounts,
            SessionStore sessions,
            Duration idle,
            Duration absolute,
            Clock clock,
            RightsSignal rights,
            LoginThrottle registrations,
            ApiTokens apiTokens,
            PasswordPolicy passwordPolicy) {
        this.apiTokens = apiTokens;
        this.passwordPolicy = passwordPolicy;
        this.rights = rights;
        this.registrations = registrations;
        this.accounts = accounts;
        this.sessions = sessions;
        this.idle = idle;
        this.absolute = absolute;
        this.clock = clock;
        this.perAccount =
                new LoginThrottle(5, Duration.ofMinutes(15), Duration.ofMinutes(15), clock);
        this.perAddress =
                new LoginThrottle(20, Duration.ofMinutes(15), Duration.ofMinutes(15), clock);
        Duration tenth = idle.dividedBy(10);
        this.touchEvery =
                tenth.compareTo(Duration.ofSeconds(30)) < 0 ? tenth : Duration.ofSeconds(30);
    }

    /**
     * Normalises and checks a user name.
     *
     * @param username as typed
     * @return the lowercase name
     */
    public static String normalise(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidDataException(
                    "a user name has 3-24 characters: letters, digits and underscores");
        }
        return name;
    }

    /**
     * Creates a visitor account and logs it in. Every attempt that passes the throttle counts
     * towards its address's limit, whether it succeeds or not (a taken name tells something too).
     *
     * @param username the name
     * @param password the password (policy checked)
     * @param address the client address (for throttling)
     * @return the new session
     * @throws AuthException when the address made too many accounts lately, or the name is taken
     */
    public Grant register(String username, String password, String address) {
        if (registrations != null) {
            String key = "register:" + address;
            Optional<Duration> blocked = registrations.blockedFor(key);
            if (blocked.isPresent()) {
                throw new AuthException(
                        Reason.THROTTLED,
                        "too many new accounts from your address; try again in "
                                + Math.max(1, blocked.get().toSeconds())
                                + " s",
                        blocked.get());
            }
            registrations.counted(key);
        }
        String name = normalise(username);
        passwordPolicy.check(password);
        try {
            Account account = accounts.create(name, Passwords.hash(password), Role.VISITOR);
            return issue(account);
        } catch (AlreadyExistsException e) {
            // The store says whether it is the name itself or a look-alike (NameClaims).
            throw new AuthException(Reason.TAKEN, e.getMessage(), null);
        }
    }

    /**
     * Checks a name and password and opens a new session, ending {@code previousToken}'s.
     *
     * @param username the name
     * @param password the password
     * @param address the client address (for throttling)
     * @param previousToken the session token the client had, or null
     * @return the new session
     * @throws AuthException when throttled or the credentials are wrong
     */
    public Grant login(String username, String password, String address, String previousToken) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        String accountKey = "account:" + name;
        String addressKey = "address:" + address;
        Optional<Duration> blocked =
                perAddress.blockedFor(addressKey).or(() -> perAccount.blockedFor(accountKey));
        if (blocked.isPresent()) {
            throw new AuthException(
                    Reason.THROTTLED,
                    "too many failed logins; try again in "
                            + Math.max(1, blocked.get().toSeconds())
                            + " s",
                    blocked.get());
        }
        Optional<Account> account =
                USERNAME.matcher(name).matches() ? accounts.findByUsername(name) : Optional.empty();
        String stored = account.flatMap(a -> accounts.passwordHash(a.id())).orElse(null);
        if (!Passwords.verify(password, stored)) {
            perAccount.failed(accountKey);
            perAddress.failed(addressKey);
            throw new AuthException(Reason.BAD_CREDENTIALS, "wrong user name or password", null);
        }
        perAccount.succeeded(accountKey);
        if (previousToken != null) {
            logout(previousToken);
        }
        return issue(account.get());
    }

    /**
     * Opens a session for an account without a password (bots, tests of the operator's own).
     *
     * @param account the account
     * @return the new session
     */
    public Grant issue(Account account) {
        String token = Tokens.random();
        Instant now = clock.instant();
        Session session =
                new Session(
                        Tokens.hash(token),
                        account.id(),
                        Tokens.random(24),
                        now,
                        now,
                        now.plus(absolute));
        sessions.create(session);
        return new Grant(token, session, account);
    }

    /**
     * Finds the live session of a token and marks it used.
     *
     * @param token the token from a cookie or header, or null
     * @param viaCookie whether it came in a cookie
     * @return the caller, or empty when the token is unknown or expired
     */
    public Optional<Principal> authenticate(String token, boolean viaCookie) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return Optional.empty();
        }
        if (token.startsWith(ApiTokens.PREFIX)) {
            // never from a cookie: the web client only ever holds a session there
            return viaCookie ? Optional.empty() : apiTokens.authenticate(token);
        }
        String hash = Tokens.hash(token);
        Optional<Session> found = sessions.find(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Session session = found.get();
        Instant now = clock.instant();
        if (!now.isBefore(session.expiresAt()) || !now.isBefore(session.lastSeenAt().plus(idle))) {
            end(hash);
            return Optional.empty();
        }
        Optional<Account> account = accounts.find(session.accountId());
        if (account.isEmpty()) {
            return Optional.empty();
        }
        if (Duration.between(session.lastSeenAt(), now).compareTo(touchEvery) >= 0) {
            sessions.touch(hash, now);
        }
        return Optional.of(new Principal(account.get(), session, viaCookie));
    }

    /**
     * Ends a session.
     *
     * @param token its token
     */
    public void logout(String token) {
        if (token != null) {
            end(Tokens.hash(token));
        }
    }

    private void end(String hash) {
        sessions.delete(hash);
        rights.sessionEnded(hash);
    }

    /**
     * Looks a caller up again, for a long-lived connection that authenticated once: is its session
     * still live, and what is its account's role now? Use on the connection counts as use of the
     * session, so a socket in use keeps its session from idling out.
     *
     * @param caller the caller as it was
     * @param lastUsed when the connection last carried a message (null: never)
     * @return the caller as it is now, or empty when the session or account has ended
     */
    public Optional<Principal> recheck(Principal caller, Instant lastUsed) {
        String hash = caller.session().tokenHash();
        Optional<Session> found = sessions.find(hash);
        Optional<Account> account = accounts.find(caller.id());
        if (found.isEmpty() || account.isEmpty()) {
            return Optional.empty();
        }
        Session session = found.get();
        Instant seen = session.lastSeenAt();
        if (lastUsed != null && lastUsed.isAfter(seen) && lastUsed.isBefore(session.expiresAt())) {
            seen = lastUsed;
        }
        Instant now = clock.instant();
        if (!now.isBefore(session.expiresAt()) || !now.isBefore(seen.plus(idle))) {
            end(hash);
            return Optional.empty();
        }
        if (seen.isAfter(session.lastSeenAt())) {
            sessions.touch(hash, seen);
        }
        Session fresh =
                new Session(
                        hash,
                        session.accountId(),
                        session.csrfToken(),
                        session.createdAt(),
                        seen,
                        session.expiresAt());
        return Optional.of(new Principal(account.get(), fresh, caller.viaCookie()));
    }

    /**
     * Changes a caller's password: checks the current one and the policy, ends every session of the
     * account (other browsers, open sockets) and opens a new one for the caller.
     *
     * @param caller who asks
     * @param current the current password
     * @param next the new password
     * @return the caller's new session
     * @throws AuthException when the current password is wrong, or was wrong too often lately
     */
    public Grant changePassword(Principal caller, String current, String next) {
        // a stolen session must not become a way to guess the password: counted like logins
        String accountKey = "account:" + caller.account().username();
        Optional<Duration> blocked = perAccount.blockedFor(accountKey);
        if (blocked.isPresent()) {
            throw new AuthException(
                    Reason.THROTTLED,
                    "too many wrong passwords; try again in "
                            + Math.max(1, blocked.get().toSeconds())
                            + " s",
                    blocked.get());
        }
        String stored = accounts.passwordHash(caller.id()).orElse(null);
        if (!Passwords.verify(current, stored)) {
            perAccount.failed(accountKey);
            throw new AuthException(Reason.BAD_CREDENTIALS, "the current password is wrong", null);
        }
        perAccount.succeeded(accountKey);
        passwordPolicy.check(next);
        accounts.setPasswordHash(caller.id(), Passwords.hash(next));
        sessions.deleteForAccount(caller.id());
        rights.publish(new RightsSignal.AccountSessionsEnded(caller.id()));
        return issue(caller.account());
    }

    /** The scoped API tokens. */
    public ApiTokens apiTokens() {
        return apiTokens;
    }

    /** Where changes of rights are announced. */
    public RightsSignal rights() {
        return rights;
    }

    /** The time source sessions and bans are measured with. */
    public Clock clock() {
        return clock;
    }

    /** How long a session lives without use. */
    public Duration idle() {
        return idle;
    }

    /** Deletes expired sessions; returns how many. */
    public int purgeExpired() {
        apiTokens.purgeExpired();
        return sessions.deleteExpired(clock.instant(), idle);
    }
}
