package dev.worldmind.model.language.dialogue;

/**
 * Receives one streamed LLM answer. Calls come from the provider's I/O thread, in order: any number
 * of {@link #onToken}, then exactly one of {@link #onComplete} or {@link #onError}; none after the
 * stream is cancelled.
 */
public interface ChatListener {
    /**
     * A piece of the answer, as the LLM produced it.
     *
     * @param token the next piece of text
     */
    void onToken(String token);

    /**
     * The answer is complete.
     *
     * @param text the whole answer (may be empty if the LLM produced nothing)
     */
    void onComplete(String text);

    /**
     * The answer failed: the server was unreachable, refused the request, or broke off.
     *
     * @param error what went wrong
     */
    void onError(Throwable error);
}
