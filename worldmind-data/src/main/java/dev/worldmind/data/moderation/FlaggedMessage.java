package dev.worldmind.data.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message the moderator withheld, and what became of it.
 *
 * @param id the queue's id for it
 * @param accountId who wrote it, or null (a guest, a deleted account, or an LLM's reply)
 * @param channel where it was going: {@code world_chat}, {@code to_llm} or {@code from_llm}
 * @param spaceId the space it was said in, or null
 * @param text the withheld text
 * @param reasons why it was withheld, e.g. {@code spam}, {@code abuse}
 * @param score the spam classifier's probability, in [0, 1]
 * @param createdAt when it was flagged
 * @param status pending, approved or rejected
 * @param reviewedBy the moderator who decided, or null while pending
 * @param reviewedAt when they decided, or null while pending
 */
public record FlaggedMessage(
        long id,
        Long accountId,
        String channel,
        String spaceId,
        String text,
        List<String> reasons,
        double score,
        Instant createdAt,
        FlagStatus status,
        Long reviewedBy,
        Instant reviewedAt) {
    public FlaggedMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(text, "text");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
        if ((status == FlagStatus.PENDING) != (reviewedAt == null)) {
            throw new IllegalArgumentException("exactly the reviewed messages have a review time");
        }
    }

    /** Whether a moderator still has to decide. */
    public boolean isPending() {
        return status == FlagStatus.PENDING;
    }
}
