package dev.worldmind.data.moderation;

import dev.worldmind.core.AlreadyExistsException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.internal.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The queue of withheld messages in the database: the server flags what the moderator withheld,
 * moderators list what is pending (oldest first) and approve or reject each message once.
 *
 * <pre>{@code
 * ModerationQueue queue = new ModerationQueue(db);
 * FlaggedMessage m = queue.flag(accountId, "plaza", "world_chat", text, List.of("spam"), 0.97);
 * queue.review(m.id(), FlagStatus.REJECTED, moderatorId);
 * }</pre>
 */
public final class ModerationQueue {
    /** The longest text stored; longer texts are cut (the rest is not needed to judge them). */
    public static final int MAX_TEXT = 100_000;

    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z_]{0,15}");
    private static final Pattern REASON = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final String COLUMNS =
            "id, account_id, channel, space_id, text, reasons, score, created_at, status,"
                    + " reviewed_by, reviewed_at";

    private final Database db;

    /**
     * Creates the queue.
     *
     * @param db the open database
     */
    public ModerationQueue(Database db) {
        this.db = db;
    }

    /**
     * Puts a withheld message in the queue, pending.
     *
     * @param accountId who wrote it, or null
     * @param spaceId the space it was said in, or null
     * @param channel where it was going, e.g. {@code world_chat}
     * @param text the text (cut at {@value #MAX_TEXT} characters)
     * @param reasons why it was withheld, at least one, e.g. {@code spam}
     * @param score the spam probability, in [0, 1]
     * @return the queued message with its id
     * @throws NotFoundException when the account does not exist
     * @throws IllegalArgumentException for a malformed channel, reason or score
     */
    public FlaggedMessage flag(
            Long accountId,
            String spaceId,
            String channel,
            String text,
            List<String> reasons,
            double score) {
        if (channel == null || !CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("a channel is a lowercase word: " + channel);
        }
        if (reasons.isEmpty()
                || reasons.stream().anyMatch(r -> r == null || !REASON.matcher(r).matches())) {
            throw new IllegalArgumentException(
                    "reasons are lowercase words, at least one: " + reasons);
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("the score lies in [0, 1]: " + score);
        }
        if (spaceId != null && spaceId.length() > 40) {
            throw new IllegalArgumentException("space ids have at most 40 characters: " + spaceId);
        }
        String stored = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        Instant now = Jdbc.now();
        long id =
                Jdbc.run(
                        db,
                        "flag a message",
                        c -> {
                            try (PreparedStatement ps =
                                    c.prepareStatement(
                                            "INSERT INTO flagged_messages (account_id, channel,"
                                                    + " space_id, text, reasons, score, created_at,"
                                                    + " status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                            Statement.RETURN_GENERATED_KEYS)) {
                                Jdbc.setLong(ps, 1, accountId);
                                ps.setString(2, channel);
                                ps.setString(3, spaceId);
                                ps.setString(4, stored);
                                ps.setString(5, String.join(",", reasons));
                                ps.setDouble(6, score);
                                Jdbc.setInstant(ps, 7, now);
                                ps.setString(8, Jdbc.name(FlagStatus.PENDING));
                                ps.executeUpdate();
                                try (ResultSet keys = ps.getGeneratedKeys()) {
                                    keys.next();
                                    return keys.getLong(1);
                                }
                            } catch (SQLException e) {
                                if (Jdbc.isMissingReference(e)) {
                                    throw new NotFoundException("no account with id " + accountId);
                                }
                                throw e;
                            }
                        });
        return new FlaggedMessage(
                id,
                accountId,
                channel,
                spaceId,
                stored,
                reasons,
                score,
                now,
                FlagStatus.PENDING,
                null,
                null);
    }

    /**
     * Returns the oldest pending messages.
     *
     * @param limit the most to return, at least 1
     * @return the messages, oldest first
     */
    public List<FlaggedMessage> pending(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit is at least 1: " + limit);
        }
        return Jdbc.run(
                db,
                "list pending flagged messages",
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT "
                                            + COLUMNS
                                            + " FROM flagged_messages WHERE status = ?"
                                            + " ORDER BY created_at, id")) {
                        ps.setString(1, Jdbc.name(FlagStatus.PENDING));
                        ps.setMaxRows(limit);
                        List<FlaggedMessage> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next() && out.size() < limit) {
                                out.add(read(rs));
                            }
                        }
                        return out;
                    }
                });
    }

    /** Returns how many messages wait for a moderator. */
    public long pendingCount() {
        return Jdbc.run(
                db,
                "count pending flagged messages",
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT COUNT(*) FROM flagged_messages WHERE status = ?")) {
                        ps.setString(1, Jdbc.name(FlagStatus.PENDING));
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }
                });
    }

    /**
     * Finds a flagged message by id.
     *
     * @param id the id
     * @return the message, or empty
     */
    public Optional<FlaggedMessage> find(long id) {
        return Jdbc.run(db, "find flagged message " + id, c -> find(c, id));
    }

    /**
     * Records a moderator's decision on a pending message. Only one decision counts: of two
     * moderators deciding at once, the second is refused.
     *
     * @param id the message
     * @param decision {@link FlagStatus#APPROVED} or {@link FlagStatus#REJECTED}
     * @param moderatorAccountId the moderator's account
     * @return the message as decided
     * @throws NotFoundException when there is no such message or moderator account
     * @throws AlreadyExistsException when the message was already decided
     * @throws IllegalArgumentException when the decision is {@code PENDING}
     */
    public FlaggedMessage review(long id, FlagStatus decision, long moderatorAccountId) {
        if (decision == null || decision == FlagStatus.PENDING) {
            throw new IllegalArgumentException("a review approves or rejects: " + decision);
        }
        return Jdbc.run(
                db,
                "review flagged message " + id,
                c -> {
                    Instant now = Jdbc.now();
                    int updated;
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "UPDATE flagged_messages SET status = ?, reviewed_by = ?,"
                                            + " reviewed_at = ? WHERE id = ? AND status = ?")) {
                        ps.setString(1, Jdbc.name(decision));
                        ps.setLong(2, moderatorAccountId);
                        Jdbc.setInstant(ps, 3, now);
                        ps.setLong(4, id);
                        ps.setString(5, Jdbc.name(FlagStatus.PENDING));
                        updated = ps.executeUpdate();
                    } catch (SQLException e) {
                        if (Jdbc.isMissingReference(e)) {
                            throw new NotFoundException("no account with id " + moderatorAccountId);
                        }
                        throw e;
                    }
                    FlaggedMessage m =
                            find(c, id)
                                    .orElseThrow(
                                            () ->
                                                    new NotFoundException(
                                                            "no flagged message with id " + id));
                    if (updated == 0) {
                        throw new AlreadyExistsException(
                                "flagged message "
                                        + id
                                        + " was already "
                                        + Jdbc.name(m.status())
                                        + " by account "
                                        + m.reviewedBy());
                    }
                    return m;
                });
    }

    private static Optional<FlaggedMessage> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM flagged_messages WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static FlaggedMessage read(ResultSet rs) throws SQLException {
        String reasons = rs.getString("reasons");
        return new FlaggedMessage(
                rs.getLong("id"),
                Jdbc.getLong(rs, "account_id"),
                rs.getString("channel"),
                rs.getString("space_id"),
                rs.getString("text"),
                reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(",")),
                rs.getDouble("score"),
                Jdbc.getInstant(rs, "created_at"),
                Jdbc.constant(FlagStatus.class, rs.getString("status")),
                Jdbc.getLong(rs, "reviewed_by"),
                Jdbc.getInstant(rs, "reviewed_at"));
    }
}
