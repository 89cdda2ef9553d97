package dev.worldmind.server.security;

import dev.worldmind.core.WorldmindException;
import java.time.Duration;

/** A refused login, registration or session. The HTTP layer maps {@link Reason} to a status. */
public final class AuthException extends WorldmindException {
    private static final long serialVersionUID = 1L;

    /** Why it was refused. */
    public enum Reason {
        /** Unknown name or wrong password (deliberately not told apart). */
        BAD_CREDENTIALS,
        /** Too many failures for this account or address. */
        THROTTLED,
        /** The name is registered already. */
        TAKEN,
        /** No session, or it expired. */
        UNAUTHENTICATED
    }

    private final Reason reason;
    private final transient Duration retryAfter;

    /**
     * @param reason why
     * @param message a message for the user
     * @param retryAfter when to try again (throttling), or null
     */
    public AuthException(Reason reason, String message, Duration retryAfter) {
        super(message);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    /** Why it was refused. */
    public Reason reason() {
        return reason;
    }

    /** When to try again, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
