package dev.worldmind.data.naming;

import dev.worldmind.core.AlreadyExistsException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * Who holds which name skeleton ({@link Names#skeleton}): the table {@code name_claims}, whose key
 * makes a look-alike of another account's user name or avatar name impossible to take, even by two
 * requests at once. An account holds the skeleton of its user name and of its avatar name (one row
 * when they look alike). Callers pass the connection of their own transaction, so a name and its
 * claim are written together.
 */
public final class NameClaims {
    private NameClaims() {}

    /**
     * Claims a name for an account.
     *
     * @param c the connection of the caller's transaction
     * @param accountId who claims it
     * @param name the name
     * @throws AlreadyExistsException when another account holds a look-alike
     * @throws SQLException on a database error
     */
    public static void claim(Connection c, long accountId, String name) throws SQLException {
        String skeleton = Names.skeleton(name);
        OptionalLong holder = holder(c, skeleton);
        if (holder.isPresent()) {
            if (holder.getAsLong() != accountId) {
                throw taken(name);
            }
            return;
        }
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO name_claims (skeleton, account_id) VALUES (?, ?)")) {
            ps.setString(1, skeleton);
            ps.setLong(2, accountId);
            ps.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw taken(name);
            }
            throw e;
        }
    }

    /**
     * Gives up an account's claim on a name it no longer uses; nothing when it holds none.
     *
     * @param c the connection of the caller's transaction
     * @param accountId whose claim
     * @param name the old name
     * @throws SQLException on a database error
     */
    public static void release(Connection c, long accountId, String name) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "DELETE FROM name_claims WHERE skeleton = ? AND account_id = ?")) {
            ps.setString(1, Names.skeleton(name));
            ps.setLong(2, accountId);
            ps.executeUpdate();
        }
    }

    private static OptionalLong holder(Connection c, String skeleton) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT account_id FROM name_claims WHERE skeleton = ?")) {
            ps.setString(1, skeleton);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private static AlreadyExistsException taken(String name) {
        return new AlreadyExistsException(
                "the name '" + name + "' is taken, or looks too much like one that is");
    }
}
