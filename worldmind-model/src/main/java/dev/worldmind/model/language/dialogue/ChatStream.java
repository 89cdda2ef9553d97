package dev.worldmind.model.language.dialogue;

/** An answer being streamed; cancel it to stop listening (and, where possible, generating). */
public interface ChatStream {
    /** Stops the stream: its listener hears nothing more. Safe to call more than once. */
    void cancel();

    /** Returns whether {@link #cancel} was called. */
    boolean isCancelled();
}
