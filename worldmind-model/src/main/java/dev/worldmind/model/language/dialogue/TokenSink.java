package dev.worldmind.model.language.dialogue;

/**
 * Where {@link FallbackChat} sends the reply as it grows. The text the sink received since its last
 * {@link #restart()} is always exactly the final reply once the conversation step completes. Calls
 * come from the thread that called {@link FallbackChat#converse}.
 */
public interface TokenSink {
    /**
     * The next piece of the reply.
     *
     * @param text the piece
     */
    void token(String text);

    /**
     * Everything sent so far is void (the LLM failed or its text was withheld): forget it; the
     * replacement follows.
     */
    void restart();
}
