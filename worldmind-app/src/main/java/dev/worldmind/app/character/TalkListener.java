package dev.worldmind.app.character;

import dev.worldmind.core.WorldmindException;

/**
 * Hears one reply of a character as it is made. Calls come from one of the host's worker threads,
 * in order: {@link #onStart()}, any number of {@link #onToken} with {@link #onRestart()} among
 * them, then exactly one of {@link #onReply} or {@link #onError}. The text sent by {@code onToken}
 * since the last {@code onRestart} is the reply's text (up to surrounding whitespace); {@link
 * Reply#text()} is authoritative. A listener that throws does not stop the reply (the client may
 * simply have gone); keep listeners quick, as they run on the host's small worker pool.
 */
public interface TalkListener {
    /** The host started working on the message (it may have waited in the queue). */
    default void onStart() {}

    /**
     * The next piece of the reply: an LLM token, a sentence when the LLM's output is being checked
     * sentence by sentence, or the whole embedded answer.
     *
     * @param text the piece
     */
    default void onToken(String text) {}

    /**
     * Everything streamed so far is void and must be wiped: the LLM failed or its reply was
     * withheld, and another answer follows.
     */
    default void onRestart() {}

    /**
     * The reply is complete.
     *
     * @param reply the final reply
     */
    void onReply(Reply reply);

    /**
     * The reply failed, e.g. the database is down.
     *
     * @param error what went wrong, with a message for the user
     */
    void onError(WorldmindException error);
}
