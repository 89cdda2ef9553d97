package dev.worldmind.model.language.dialogue;

/**
 * A generative chat model that streams its answer. Implementations are thread-safe: several answers
 * may stream at once.
 */
public interface ChatProvider extends AutoCloseable {
    /** Returns the provider and model, e.g. {@code openai:gpt-4o-mini}, for replies and logs. */
    String name();

    /**
     * Starts answering; returns at once and streams to the listener.
     *
     * @param request the system prompt, history and user message
     * @param listener receives the tokens and then the outcome
     * @return the stream, to cancel
     */
    ChatStream stream(DialogueRequest request, ChatListener listener);

    /** Releases the provider's resources; the default does nothing. */
    @Override
    default void close() {}
}
