package dev.worldmind.data.world;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.internal.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Spaces, their members and their bans in the database. A space's layout is stored as one JSON
 * document in the shape of the protocol's {@code Layout}.
 */
public final class WorldStore {
    private final Database db;

    /**
     * Creates the store.
     *
     * @param db the open database
     */
    public WorldStore(Database db) {
        this.db = db;
    }

    /**
     * Creates a space, or replaces the one with the same id (its members and bans are kept).
     *
     * @param space the space
     */
    public void saveSpace(Space space) {
        String layout = Jdbc.json(space.layout());
        Jdbc.run(
                db,
                "save space " + space.id(),
                c -> {
                    Jdbc.upsert(
                            c,
                            "UPDATE spaces SET name = ?, kind = ?, capacity = ?, visibility = ?,"
                                    + " layout = ? WHERE id = ?",
                            "INSERT INTO spaces (name, kind, capacity, visibility, layout, id)"
                                    + " VALUES (?, ?, ?, ?, ?, ?)",
                            ps -> {
                                ps.setString(1, space.name());
                                ps.setString(2, space.kind().value());
                                ps.setInt(3, space.capacity());
                                ps.setString(4, space.visibility().value());
                                ps.setString(5, layout);
                                ps.setString(6, space.id());
                            });
                    return null;
                });
    }

    /**
     * Finds a space by id.
     *
     * @param id the space id
     */
    public Optional<Space> findSpace(String id) {
        List<Space> found = spaces("SELECT * FROM spaces WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Returns every space, by id. */
    public List<Space> spaces() {
        return spaces("SELECT * FROM spaces ORDER BY id", null);
    }

    private List<Space> spaces(String sql, String id) {
        return Jdbc.run(
                db,
                id == null ? "list spaces" : "find space " + id,
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        if (id != null) {
                            ps.setString(1, id);
                        }
                        List<Space> found = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                try {
                                    found.add(read(rs));
                                } catch (InvalidDataException e) {
                                    // Stored before the layout limits: one such space must not
                                    // keep the world from starting; it is out of reach instead.
                                    LOG.warn(
                                            "space {} is skipped: {}",
                                            rs.getString("id"),
                                            e.getMessage());
                                }
                            }
                        }
                        return found;
                    }
                });
    }

    /**
     * Gives an account a role in a space, replacing any role it had there.
     *
     * @param spaceId the space
     * @param accountId the account
     * @param role the role
     * @throws NotFoundException when the space or the account does not exist
     */
    public void setMember(String spaceId, long accountId, SpaceRole role) {
        Jdbc.run(
                db,
                "make account " + accountId + " a " + role.value() + " of space " + spaceId,
                c -> {
                    try {
                        Jdbc.upsert(
                                c,
                                "UPDATE space_members SET role = ?"
                                        + " WHERE space_id = ? AND account_id = ?",
                                "INSERT INTO space_members (role, space_id, account_id)"
                                        + " VALUES (?, ?, ?)",
                                ps -> {
                                    ps.setString(1, role.value());
                                    ps.setString(2, spaceId);
                                    ps.setLong(3, accountId);
                                });
                    } catch (SQLException e) {
                        throw missing(e, spaceId, accountId);
                    }
                    return null;
                });
    }

    /**
     * Takes an account's role in a space away; does nothing when it had none.
     *
     * @param spaceId the space
     * @param accountId the account
     */
    public void removeMember(String spaceId, long accountId) {
        delete(
                "DELETE FROM space_members WHERE space_id = ? AND account_id = ?",
                spaceId,
                accountId);
    }

    /**
     * Returns an account's role in a space; empty when it has none (or either does not exist).
     *
     * @param spaceId the space
     * @param accountId the account
     */
    public Optional<SpaceRole> role(String spaceId, long accountId) {
        return Jdbc.run(
                db,
                "read the role of account " + accountId + " in space " + spaceId,
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT role FROM space_members"
                                            + " WHERE space_id = ? AND account_id = ?")) {
                        ps.setString(1, spaceId);
                        ps.setLong(2, accountId);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next()
                                    ? Optional.of(SpaceRole.fromValue(rs.getString(1)))
                                    : Optional.<SpaceRole>empty();
                        }
                    }
                });
    }

    /**
     * Returns a space's members and their roles, by account id; empty for an unknown space.
     *
     * @param spaceId the space
     */
    public Map<Long, SpaceRole> members(String spaceId) {
        return Jdbc.run(
                db,
                "list the members of space " + spaceId,
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT account_id, role FROM space_members"
                                            + " WHERE space_id = ? ORDER BY account_id")) {
                        ps.setString(1, spaceId);
                        Map<Long, SpaceRole> members = new LinkedHashMap<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                members.put(rs.getLong(1), SpaceRole.fromValue(rs.getString(2)));
                            }
                        }
                        return members;
                    }
                });
    }

    /**
     * Bans an account from a space, replacing an earlier ban, and ends its membership there (one
     * transaction): a banned member would otherwise keep a role in a space it cannot enter.
     *
     * @param spaceId the space
     * @param accountId who is banned
     * @param byAccountId who banned them
     * @param reason why (may be empty, at most 500 characters)
     * @param untilOrNull when the ban ends, or null for a ban without end
     * @throws NotFoundException when the space or either account does not exist
     */
    public void ban(
            String spaceId, long accountId, long byAccountId, String reason, Instant untilOrNull) {
        String why = reason == null ? "" : reason;
        if (why.length() > 500) {
            throw new InvalidDataException("a ban reason is at most 500 characters");
        }
        Instant now = Jdbc.now();
        Jdbc.transaction(
                db,
                "ban account " + accountId + " from space " + spaceId,
                c -> {
                    try {
                        Jdbc.upsert(
                                c,
                                "UPDATE space_bans SET by_account_id = ?, reason = ?,"
                                        + " banned_at = ?, banned_until = ?"
                                        + " WHERE space_id = ? AND account_id = ?",
                                "INSERT INTO space_bans (by_account_id, reason, banned_at,"
                                        + " banned_until, space_id, account_id)"
                                        + " VALUES (?, ?, ?, ?, ?, ?)",
                                ps -> {
                                    ps.setLong(1, byAccountId);
                                    ps.setString(2, why);
                                    Jdbc.setInstant(ps, 3, now);
                                    Jdbc.setInstant(ps, 4, untilOrNull);
                                    ps.setString(5, spaceId);
                                    ps.setLong(6, accountId);
                                });
                    } catch (SQLException e) {
                        throw missing(e, spaceId, accountId);
                    }
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "DELETE FROM space_members WHERE space_id = ? AND account_id = ?")) {
                        ps.setString(1, spaceId);
                        ps.setLong(2, accountId);
                        ps.executeUpdate();
                    }
                    return null;
                });
    }

    /**
     * Lifts a ban; does nothing when there was none.
     *
     * @param spaceId the space
     * @param accountId the account
     */
    public void unban(String spaceId, long accountId) {
        delete("DELETE FROM space_bans WHERE space_id = ? AND account_id = ?", spaceId, accountId);
    }

    /**
     * Tells whether an account is banned from a space at a moment: a ban applies until (not at) its
     * end.
     *
     * @param spaceId the space
     * @param accountId the account
     * @param now the moment
     */
    public boolean isBanned(String spaceId, long accountId, Instant now) {
        return Jdbc.run(
                db,
                "check whether account " + accountId + " is banned from space " + spaceId,
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT 1 FROM space_bans WHERE space_id = ?"
                                            + " AND account_id = ?"
                                            + " AND (banned_until IS NULL OR banned_until > ?)")) {
                        ps.setString(1, spaceId);
                        ps.setLong(2, accountId);
                        Jdbc.setInstant(ps, 3, now);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next();
                        }
                    }
                });
    }

    private void delete(String sql, String spaceId, long accountId) {
        Jdbc.run(
                db,
                "update space " + spaceId,
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setString(1, spaceId);
                        ps.setLong(2, accountId);
                        return ps.executeUpdate();
                    }
                });
    }

    private static SQLException missing(SQLException e, String spaceId, long accountId) {
        if (Jdbc.isMissingReference(e)) {
            throw new NotFoundException(
                    "no space " + spaceId + " or no account with id " + accountId);
        }
        return e;
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorldStore.class);

    private static Space read(ResultSet rs) throws SQLException {
        return new Space(
                rs.getString("id"),
                rs.getString("name"),
                SpaceKind.fromValue(rs.getString("kind")),
                rs.getInt("capacity"),
                Visibility.fromValue(rs.getString("visibility")),
                Jdbc.parse(
                        rs.getString("layout"),
                        Layout.class,
                        "layout of space " + rs.getString("id")));
    }
}
