package dev.worldmind.data.world;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.internal.Jdbc;
import dev.worldmind.data.naming.NameClaims;
import dev.worldmind.data.naming.Names;
import java.sql.Connection;
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
     * Creates or replaces an account's avatar. The name must pass {@link Names#require} and must
     * not look like another account's user or avatar name ({@link NameClaims}).
     *
     * @param avatar the avatar
     * @throws NotFoundException when its account does not exist
     * @throws dev.worldmind.core.InvalidDataException when the name is not allowed
     * @throws dev.worldmind.core.AlreadyExistsException when the name looks like someone else's
     */
    public void save(Avatar avatar) {
        Names.require(avatar.name(), "an avatar name");
        Jdbc.transaction(
                db,
                "save the avatar of account " + avatar.accountId(),
                c -> {
                    String own =
                            username(c, avatar.accountId())
                                    .orElseThrow(
                                            () ->
                                                    new NotFoundException(
                                                            "no account with id "
                                                                    + avatar.accountId()));
                    Optional<String> old = name(c, avatar.accountId());
                    NameClaims.claim(c, avatar.accountId(), avatar.name());
                    if (old.isPresent()
                            && !Names.skeleton(old.get()).equals(Names.skeleton(avatar.name()))
                            && !Names.skeleton(old.get()).equals(own)) {
                        NameClaims.release(c, avatar.accountId(), old.get());
                    }
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    old.isPresent()
                                            ? "UPDATE avatars SET name = ?, body = ?, head = ?,"
                                                    + " accent = ?, shape = ?, height = ?"
                                                    + " WHERE account_id = ?"
                                            : "INSERT INTO avatars (name, body, head, accent,"
                                                    + " shape, height, account_id)"
                                                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                        bind(ps, avatar);
                        ps.executeUpdate();
                    }
                    return null;
                });
    }

    private static Optional<String> name(Connection c, long accountId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT name FROM avatars WHERE account_id = ?")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The skeleton of the account's user name, which its own claim keeps; empty: no account. */
    private static Optional<String> username(Connection c, long accountId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT username FROM accounts WHERE id = ?")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Names.skeleton(rs.getString(1))) : Optional.empty();
            }
        }
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
