package dev.worldmind.testing.llm;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a stand-in LLM server does with one request.
 *
 * @param status the HTTP status; anything but 200 sends an error body and no tokens
 * @param chunks the answer's pieces (tokens), streamed one chunk each
 * @param firstTokenDelay how long to stall after the response headers, before the first token
 * @param tokenGap how long to wait between tokens
 */
public record ScriptedReply(
        int status, List<String> chunks, Duration firstTokenDelay, Duration tokenGap) {
    public ScriptedReply {
        chunks = List.copyOf(chunks);
        Objects.requireNonNull(firstTokenDelay, "firstTokenDelay");
        Objects.requireNonNull(tokenGap, "tokenGap");
    }

    /**
     * Streams these tokens at once.
     *
     * @param tokens the pieces of the answer
     */
    public static ScriptedReply tokens(String... tokens) {
        return new ScriptedReply(200, List.of(tokens), Duration.ZERO, Duration.ZERO);
    }

    /**
     * Fails with an HTTP status.
     *
     * @param status e.g. 500
     */
    public static ScriptedReply status(int status) {
        return new ScriptedReply(status, List.of(), Duration.ZERO, Duration.ZERO);
    }

    /**
     * Returns this reply, stalled before its first token (headers are already sent).
     *
     * @param delay how long
     */
    public ScriptedReply stalled(Duration delay) {
        return new ScriptedReply(status, chunks, delay, tokenGap);
    }

    /**
     * Returns this reply with a pause between tokens.
     *
     * @param gap how long
     */
    public ScriptedReply spaced(Duration gap) {
        return new ScriptedReply(status, chunks, firstTokenDelay, gap);
    }

    /** Returns the whole answer. */
    public String text() {
        return String.join("", chunks);
    }
}
