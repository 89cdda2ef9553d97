package dev.worldmind.data.accounts;

import dev.worldmind.core.AlreadyExistsException;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.internal.Jdbc;
import dev.worldmind.data.naming.NameClaims;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Accounts in the database. Usernames are unique as given: callers fold their case first. A
 * password hash is opaque text here; hashing and checking are the caller's business.
 */
public final class AccountStore {
    private static final String COLUMNS = "id, username, role, created_at";
    private static final int MAX_USERNAME = 64;

    private final Database db;

    /**
     * Creates the store.
     *
     * @param db the open database
     */
    public AccountStore(Database db) {
        this.db = db;
    }

    /**
     * Creates an account.
     *
     * @param username the unique, case-folded name
     * @param passwordHashOrNull the password hash, or null for a bot account that cannot log in
     *     with a password
     * @param role the global role
     * @return the new account with its id
     * @throws AlreadyExistsException when the username is taken, or looks like one that is (or like
     *     another account's avatar name)
     */
    public Account create(String username, String passwordHashOrNull, Role role) {
        if (username == null || username.isBlank() || username.length() > MAX_USERNAME) {
            throw new InvalidDataException("usernames are 1 to 64 characters: " + username);
        }
        Instant now = Jdbc.now();
        return Jdbc.transaction(
                db,
                "create account " + username,
                c -> {
                    Account created;
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "INSERT INTO accounts (username, password_hash, role,"
                                            + " created_at) VALUES (?, ?, ?, ?)",
                                    Statement.RETURN_GENERATED_KEYS)) {
                        ps.setString(1, username);
                        ps.setString(2, passwordHashOrNull);
                        ps.setString(3, role.value());
                        Jdbc.setInstant(ps, 4, now);
                        ps.executeUpdate();
                        try (ResultSet keys = ps.getGeneratedKeys()) {
                            keys.next();
                            created = new Account(keys.getLong(1), username, role, now);
                        }
                    } catch (SQLException e) {
                        if (Jdbc.isDuplicate(e)) {
                            throw new AlreadyExistsException(
                                    "the username " + username + " is taken");
                        }
                        throw e;
                    }
                    NameClaims.claim(c, created.id(), username);
                    return created;
                });
    }

    /**
     * Finds an account by id.
     *
     * @param id the id
     */
    public Optional<Account> find(long id) {
        return one("SELECT " + COLUMNS + " FROM accounts WHERE id = ?", id, "find account " + id);
    }

    /**
     * Finds an account by its (case-folded) username.
     *
     * @param username the name
     */
    public Optional<Account> findByUsername(String username) {
        return one(
                "SELECT " + COLUMNS + " FROM accounts WHERE username = ?",
                username,
                "find account " + username);
    }

    /**
     * Returns an account's password hash; empty for a bot account or an unknown id.
     *
     * @param id the account id
     */
    public Optional<String> passwordHash(long id) {
        return Jdbc.run(
                db,
                "read the password hash of account " + id,
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement("SELECT password_hash FROM accounts WHERE id = ?")) {
                        ps.setLong(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next()
                                    ? Optional.ofNullable(rs.getString(1))
                                    : Optional.<String>empty();
                        }
                    }
                });
    }

    /**
     * Replaces an account's password hash.
     *
     * @param id the account id
     * @param hash the new hash, or null to disable password login
     * @throws NotFoundException for an unknown id
     */
    public void setPasswordHash(long id, String hash) {
        update("UPDATE accounts SET password_hash = ? WHERE id = ?", hash, id);
    }

    /**
     * Changes an account's global role.
     *
     * @param id the account id
     * @param role the new role
     * @throws NotFoundException for an unknown id
     */
    public void setRole(long id, Role role) {
        update("UPDATE accounts SET role = ? WHERE id = ?", role.value(), id);
    }

    /** Returns every account, by id. */
    public List<Account> list() {
        return Jdbc.run(
                db,
                "list accounts",
                c -> {
                    try (PreparedStatement ps =
                                    c.prepareStatement(
                                            "SELECT " + COLUMNS + " FROM accounts ORDER BY id");
                            ResultSet rs = ps.executeQuery()) {
                        List<Account> all = new ArrayList<>();
                        while (rs.next()) {
                            all.add(read(rs));
                        }
                        return all;
                    }
                });
    }

    /** Returns the number of accounts. */
    public long count() {
        return Jdbc.run(
                db,
                "count accounts",
                c -> {
                    try (PreparedStatement ps =
                                    c.prepareStatement("SELECT COUNT(*) FROM accounts");
                            ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    /**
     * Tells whether any account has a role, e.g. whether an admin exists yet.
     *
     * @param role the role
     */
    public boolean anyWithRole(Role role) {
        return Jdbc.run(
                db,
                "look for an account with role " + role.value(),
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement("SELECT 1 FROM accounts WHERE role = ? LIMIT 1")) {
                        ps.setString(1, role.value());
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next();
                        }
                    }
                });
    }

    private Optional<Account> one(String sql, Object key, String doing) {
        return Jdbc.run(
                db,
                doing,
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setObject(1, key);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? Optional.of(read(rs)) : Optional.<Account>empty();
                        }
                    }
                });
    }

    private void update(String sql, String value, long id) {
        int rows =
                Jdbc.run(
                        db,
                        "update account " + id,
                        c -> {
                            try (PreparedStatement ps = c.prepareStatement(sql)) {
                                ps.setString(1, value);
                                ps.setLong(2, id);
                                return ps.executeUpdate();
                            }
                        });
        if (rows == 0) {
            throw new NotFoundException("no account with id " + id);
        }
    }

    private static Account read(ResultSet rs) throws SQLException {
        return new Account(
                rs.getLong("id"),
                rs.getString("username"),
                Role.fromValue(rs.getString("role")),
                Jdbc.getInstant(rs, "created_at"));
    }
}
