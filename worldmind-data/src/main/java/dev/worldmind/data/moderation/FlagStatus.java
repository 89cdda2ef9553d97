package dev.worldmind.data.moderation;

/** Where a flagged message stands. Stored as its lowercase name. */
public enum FlagStatus {
    /** Withheld, waiting for a moderator. */
    PENDING,
    /** A moderator let it through. */
    APPROVED,
    /** A moderator confirmed it stays withheld. */
    REJECTED
}
