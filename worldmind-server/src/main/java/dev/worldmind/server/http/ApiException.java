package dev.worldmind.server.http;

import dev.worldmind.core.WorldmindException;

/** A refused request with its HTTP status and error code; the only place statuses are chosen. */
public final class ApiException extends WorldmindException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    static ApiException unauthenticated() {
        return new ApiException(401, "unauthenticated", "log in first");
    }

    static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
