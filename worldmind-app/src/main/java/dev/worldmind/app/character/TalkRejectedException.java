package dev.worldmind.app.character;

import dev.worldmind.core.WorldmindException;
import java.util.Objects;

/**
 * A message to a character was refused before any work was done: it was empty or too long, the host
 * is overloaded, or it is shut down. The message is written for the speaker; the reason lets the
 * server pick a status code.
 */
public class TalkRejectedException extends WorldmindException {
    private static final long serialVersionUID = 1L;

    /** Why a message was refused. */
    public enum Reason {
        /** The text was empty or only whitespace. */
        EMPTY,
        /** The text was longer than {@link CharacterHost#MAX_TEXT}. */
        TOO_LONG,
        /** Too many messages are waiting; try again shortly. */
        BUSY,
        /** The host is shut down. */
        CLOSED
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason why
     * @param message what went wrong, for the speaker
     */
    public TalkRejectedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Returns why the message was refused. */
    public Reason reason() {
        return reason;
    }
}
