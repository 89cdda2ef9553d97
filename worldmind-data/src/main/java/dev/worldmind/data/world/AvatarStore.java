package dev.worldmind.data.world;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.internal.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Avatars in the database, one per account. */
public final class AvatarStore {
    private final Database db;

    /**
     * Creates the store.
     *
     * @param db the open database
     */
    public AvatarStore(Database db) {
        this.db = db;
    }

    /**
     * Creates or replaces an account's avatar.
     *
     * @param avatar the avatar
     * @throws NotFoundException when its account does not exist
     */
    public void save(Avatar avatar) {
        Jdbc.run(
                db,
                "save the avatar of account " + avatar.accountId(),
                c -> {
                    try {
                        Jdbc.upsert(
                                c,
                                "UPDATE avatars SET name = ?, body = ?, head = ?, accent = ?,"
                                        + " shape = ?, height = ? WHERE account_id = ?",
                                "INSERT INTO avatars (name, body, head, accent, shape, height,"
                                        + " account_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                ps -> bind(ps, avatar));
                    } catch (SQLException e) {
                        if (Jdbc.isMissingReference(e)) {
                            throw new NotFoundException("no account with id " + avatar.accountId());
                        }
                        throw e;
                    }
                    return null;
                });
    }

    /**
     * Finds an account's avatar; empty before the account has made one.
     *
     * @param accountId the account
     */
    public Optional<Avatar> find(long accountId) {
        return Jdbc.run(
                db,
                "find the avatar of account " + accountId,
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT name, body, head, accent, shape, height FROM avatars"
                                            + " WHERE account_id = ?")) {
                        ps.setLong(1, accountId);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) {
                                return Optional.<Avatar>empty();
                            }
                            Appearance look =
                                    new Appearance(
                                            rs.getString("body"),
                                            rs.getString("head"),
                                            rs.getString("accent"),
                                            rs.getString("shape"),
                                            rs.getDouble("height"));
                            return Optional.of(new Avatar(accountId, rs.getString("name"), look));
                        }
                    }
                });
    }

    private static void bind(PreparedStatement ps, Avatar avatar) throws SQLException {
        Appearance a = avatar.appearance();
        ps.setString(1, avatar.name());
        ps.setString(2, a.body());
        ps.setString(3, a.head());
        ps.setString(4, a.accent());
        ps.setString(5, a.shape());
        ps.setDouble(6, a.height());
        ps.setLong(7, avatar.accountId());
    }
}
