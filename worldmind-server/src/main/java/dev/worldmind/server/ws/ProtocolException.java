package dev.worldmind.server.ws;

import dev.worldmind.core.WorldmindException;

/** A refused client message; becomes an {@code error} message, never a closed server. */
public final class ProtocolException extends WorldmindException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String ref;

    /**
     * @param code the protocol error code (see docs/protocol.md)
     * @param message a message for the user
     * @param ref the type of the offending message, or null
     */
    public ProtocolException(String code, String message, String ref) {
        super(message);
        this.code = code;
        this.ref = ref;
    }

    /** The protocol error code. */
    public String code() {
        return code;
    }

    /** The type of the offending message, or null. */
    public String ref() {
        return ref;
    }
}
