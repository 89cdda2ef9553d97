package dev.worldmind.data.accounts;

import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.internal.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Who agreed to appear in other people's "people like you" suggestions, and so to see them. Off
 * unless the account turned it on. Staff (admins) and accounts without a password (bots) are never
 * listed, whatever their setting. Thread-safe: every call is one statement.
 */
public final class PeopleSuggestions {
    private final Database db;

    /**
     * Creates the store.
     *
     * @param db the open database
     */
    public PeopleSuggestions(Database db) {
        this.db = db;
    }

    /**
     * Tells whether an account opted in.
     *
     * @param accountId the account
     */
    public boolean isOn(long accountId) {
        return Jdbc.run(
                db,
                "read the people-suggestions setting of account " + accountId,
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT 1 FROM people_suggestions WHERE account_id = ?")) {
                        ps.setLong(1, accountId);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next();
                        }
                    }
                });
    }

    /**
     * Turns the setting on or off.
     *
     * @param accountId the account
     * @param on whether it may be suggested and see suggestions
     */
    public void set(long accountId, boolean on) {
        Jdbc.transaction(
                db,
                "set the people-suggestions setting of account " + accountId,
                c -> {
                    try (PreparedStatement del =
                            c.prepareStatement(
                                    "DELETE FROM people_suggestions WHERE account_id = ?")) {
                        del.setLong(1, accountId);
                        del.executeUpdate();
                    }
                    if (on) {
                        try (PreparedStatement ins =
                                c.prepareStatement(
                                        "INSERT INTO people_suggestions (account_id, opted_in_at)"
                                                + " VALUES (?, ?)")) {
                            ins.setLong(1, accountId);
                            Jdbc.setInstant(ins, 2, Jdbc.now());
                            ins.executeUpdate();
                        }
                    }
                    return null;
                });
    }

    /**
     * The usernames that may be suggested to others: opted in, not an admin, able to log in.
     *
     * @return the names, in no order
     */
    public Set<String> listed() {
        return Jdbc.run(
                db,
                "list the people who may be suggested",
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT a.username FROM people_suggestions p JOIN accounts a"
                                            + " ON a.id = p.account_id WHERE a.role <> ? AND"
                                            + " a.password_hash IS NOT NULL")) {
                        ps.setString(1, Role.ADMIN.value());
                        try (ResultSet rs = ps.executeQuery()) {
                            Set<String> names = new HashSet<>();
                            while (rs.next()) {
                                names.add(rs.getString(1));
                            }
                            return names;
                        }
                    }
                });
    }
}
