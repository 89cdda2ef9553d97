package dev.worldmind.data.accounts;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.internal.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** API tokens in the database; deleting an account deletes its tokens. Thread-safe. */
public final class ApiTokenStore {
    private static final String COLUMNS =
            "id, token_hash, account_id, name, scopes, created_at, expires_at";

    private final Database db;

    /**
     * Creates the store.
     *
     * @param db the open database
     */
    public ApiTokenStore(Database db) {
        this.db = db;
    }

    /**
     * Stores a new token.
     *
     * @param token the token (its id is ignored)
     * @return the token with its id
     * @throws NotFoundException when its account does not exist
     */
    public ApiToken create(ApiToken token) {
        return Jdbc.run(
                db,
                "create an API token for account " + token.accountId(),
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "INSERT INTO api_tokens (token_hash, account_id, name, scopes,"
                                            + " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                                    Statement.RETURN_GENERATED_KEYS)) {
                        ps.setString(1, token.tokenHash());
                        ps.setLong(2, token.accountId());
                        ps.setString(3, token.name());
                        ps.setString(4, String.join(" ", new TreeSet<>(token.scopes())));
                        Jdbc.setInstant(ps, 5, token.createdAt());
                        Jdbc.setInstant(ps, 6, token.expiresAt());
                        ps.executeUpdate();
                        try (ResultSet keys = ps.getGeneratedKeys()) {
                            keys.next();
                            return new ApiToken(
                                    keys.getLong(1),
                                    token.tokenHash(),
                                    token.accountId(),
                                    token.name(),
                                    token.scopes(),
                                    token.createdAt(),
                                    token.expiresAt());
                        }
                    } catch (SQLException e) {
                        if (Jdbc.isMissingReference(e)) {
                            throw new NotFoundException("no account with id " + token.accountId());
                        }
                        throw e;
                    }
                });
    }

    /**
     * Finds a token by its hash, whether or not it has expired.
     *
     * @param tokenHash the hash of the token
     */
    public Optional<ApiToken> find(String tokenHash) {
        List<ApiToken> found =
                query("SELECT " + COLUMNS + " FROM api_tokens WHERE token_hash = ?", tokenHash);
        return found.stream().findFirst();
    }

    /**
     * An account's tokens, oldest first.
     *
     * @param accountId the account
     */
    public List<ApiToken> list(long accountId) {
        return query(
                "SELECT " + COLUMNS + " FROM api_tokens WHERE account_id = ? ORDER BY id",
                accountId);
    }

    /**
     * Revokes one of an account's tokens.
     *
     * @param id the token's id
     * @param accountId its account (another account's token is never touched)
     * @return whether there was such a token
     */
    public boolean delete(long id, long accountId) {
        return update("DELETE FROM api_tokens WHERE id = ? AND account_id = ?", id, accountId) > 0;
    }

    /**
     * Deletes the tokens that have ended.
     *
     * @param now the current time
     * @return how many were deleted
     */
    public int deleteExpired(Instant now) {
        return Jdbc.run(
                db,
                "delete expired API tokens",
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement("DELETE FROM api_tokens WHERE expires_at <= ?")) {
                        Jdbc.setInstant(ps, 1, now);
                        return ps.executeUpdate();
                    }
                });
    }

    private int update(String sql, Object... keys) {
        return Jdbc.run(
                db,
                "revoke an API token",
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        for (int i = 0; i < keys.length; i++) {
                            ps.setObject(i + 1, keys[i]);
                        }
                        return ps.executeUpdate();
                    }
                });
    }

    private List<ApiToken> query(String sql, Object key) {
        return Jdbc.run(
                db,
                "read API tokens",
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setObject(1, key);
                        try (ResultSet rs = ps.executeQuery()) {
                            List<ApiToken> all = new ArrayList<>();
                            while (rs.next()) {
                                all.add(read(rs));
                            }
                            return all;
                        }
                    }
                });
    }

    private static ApiToken read(ResultSet rs) throws SQLException {
        Set<String> scopes = Set.copyOf(Arrays.asList(rs.getString("scopes").split(" ")));
        return new ApiToken(
                rs.getLong("id"),
                rs.getString("token_hash"),
                rs.getLong("account_id"),
                rs.getString("name"),
                scopes,
                Jdbc.getInstant(rs, "created_at"),
                Jdbc.getInstant(rs, "expires_at"));
    }
}
