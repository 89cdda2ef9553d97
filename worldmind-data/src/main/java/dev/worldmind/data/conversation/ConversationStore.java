package dev.worldmind.data.conversation;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.internal.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Per-user conversation memory in the database: what each person said to each character and what it
 * answered. Turns are read back in the order they were said (by time, then id), and deleted with
 * the account or on the person's request.
 */
public final class ConversationStore {
    /** The most turns {@link #recent} returns at once. */
    public static final int MAX_RECENT = 1000;

    private static final String COLUMNS = "id, account_id, character_id, speaker, body, at";
    private static final String INSERT =
            "INSERT INTO conversation_turns (account_id, character_id, speaker, body, at)"
                    + " VALUES (?, ?, ?, ?, ?)";

    private final Database db;

    /**
     * Creates the store.
     *
     * @param db the open database
     */
    public ConversationStore(Database db) {
        this.db = db;
    }

    /**
     * Appends one turn.
     *
     * @param turn the turn (its id is ignored)
     * @return the turn with the id the store gave it
     * @throws NotFoundException when the account does not exist
     */
    public ConversationTurn append(ConversationTurn turn) {
        return appendAll(List.of(turn)).get(0);
    }

    /**
     * Appends turns in one transaction, e.g. a question and its answer: all of them or none.
     *
     * @param turns the turns, in the order they were said (their ids are ignored)
     * @return the turns with the ids the store gave them
     * @throws NotFoundException when an account does not exist
     */
    public List<ConversationTurn> appendAll(List<ConversationTurn> turns) {
        if (turns.isEmpty()) {
            return List.of();
        }
        return Jdbc.transaction(
                db,
                "remember " + turns.size() + " conversation turns",
                c -> {
                    List<ConversationTurn> saved = new ArrayList<>(turns.size());
                    try (PreparedStatement ps =
                            c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
                        for (ConversationTurn t : turns) {
                            ps.setLong(1, t.accountId());
                            ps.setString(2, t.characterId());
                            ps.setString(3, t.speaker().value());
                            ps.setString(4, t.text());
                            Jdbc.setInstant(ps, 5, t.at());
                            ps.executeUpdate();
                            try (ResultSet keys = ps.getGeneratedKeys()) {
                                keys.next();
                                saved.add(
                                        new ConversationTurn(
                                                keys.getLong(1),
                                                t.accountId(),
                                                t.characterId(),
                                                t.speaker(),
                                                t.text(),
                                                t.at()));
                            }
                        }
                    } catch (SQLException e) {
                        if (Jdbc.isMissingReference(e)) {
                            throw new NotFoundException(
                                    "cannot remember a conversation of an account that does not"
                                            + " exist (account "
                                            + turns.get(0).accountId()
                                            + ")");
                        }
                        throw e;
                    }
                    return saved;
                });
    }

    /**
     * Returns the most recent turns between a person and a character, oldest first.
     *
     * @param accountId the person's account
     * @param characterId the character
     * @param limit how many turns at most, 0 to {@value #MAX_RECENT}
     * @return up to {@code limit} turns, in the order they were said
     */
    public List<ConversationTurn> recent(long accountId, String characterId, int limit) {
        if (limit < 0 || limit > MAX_RECENT) {
            throw new IllegalArgumentException(
                    "recent returns 0 to " + MAX_RECENT + " turns, not " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        return Jdbc.run(
                db,
                "read the conversation of account " + accountId + " with " + characterId,
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT "
                                            + COLUMNS
                                            + " FROM conversation_turns"
                                            + " WHERE account_id = ? AND character_id = ?"
                                            + " ORDER BY at DESC, id DESC LIMIT ?")) {
                        ps.setLong(1, accountId);
                        ps.setString(2, characterId);
                        ps.setInt(3, limit);
                        List<ConversationTurn> turns = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                turns.add(read(rs));
                            }
                        }
                        Collections.reverse(turns);
                        return List.copyOf(turns);
                    }
                });
    }

    /**
     * Forgets everything a person said to every character, and the answers.
     *
     * @param accountId the person's account
     * @return how many turns were deleted
     */
    public int delete(long accountId) {
        return update(
                "DELETE FROM conversation_turns WHERE account_id = ?",
                accountId,
                null,
                "forget the conversations of account " + accountId);
    }

    /**
     * Forgets a person's conversation with one character.
     *
     * @param accountId the person's account
     * @param characterId the character
     * @return how many turns were deleted
     */
    public int delete(long accountId, String characterId) {
        return update(
                "DELETE FROM conversation_turns WHERE account_id = ? AND character_id = ?",
                accountId,
                characterId,
                "forget the conversation of account " + accountId + " with " + characterId);
    }

    /** Returns the number of turns stored for everyone. */
    public long count() {
        return Jdbc.run(
                db,
                "count conversation turns",
                c -> {
                    try (PreparedStatement ps =
                                    c.prepareStatement("SELECT COUNT(*) FROM conversation_turns");
                            ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    /**
     * Returns the number of turns stored for one person.
     *
     * @param accountId the person's account
     */
    public long count(long accountId) {
        return Jdbc.run(
                db,
                "count the conversation turns of account " + accountId,
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT COUNT(*) FROM conversation_turns WHERE account_id = ?")) {
                        ps.setLong(1, accountId);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }
                });
    }

    private int update(String sql, long accountId, String characterIdOrNull, String doing) {
        return Jdbc.run(
                db,
                doing,
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setLong(1, accountId);
                        if (characterIdOrNull != null) {
                            ps.setString(2, characterIdOrNull);
                        }
                        return ps.executeUpdate();
                    }
                });
    }

    private static ConversationTurn read(ResultSet rs) throws SQLException {
        return new ConversationTurn(
                rs.getLong("id"),
                rs.getLong("account_id"),
                rs.getString("character_id"),
                Speaker.fromValue(rs.getString("speaker")),
                rs.getString("body"),
                Jdbc.getInstant(rs, "at"));
    }
}
