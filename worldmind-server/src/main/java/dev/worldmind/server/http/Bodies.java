package dev.worldmind.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.json.Json;
import io.javalin.http.Context;

/** Reads JSON request bodies into records with a clear 400 when they do not fit. */
final class Bodies {
    private Bodies() {}

    static <T> T read(Context ctx, Class<T> type) {
        requireJson(ctx);
        String body = ctx.body();
        if (body.isBlank()) {
            throw ApiException.badRequest("this request needs a JSON body");
        }
        try {
            T value = Json.mapper().readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("this request needs a JSON object");
            }
            return value;
        } catch (InvalidFormatException e) {
            throw ApiException.badRequest(
                    "field '" + field(e) + "' has a wrong value: " + e.getValue());
        } catch (MismatchedInputException e) {
            throw ApiException.badRequest(
                    "field '" + field(e) + "' is missing or has a wrong type");
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WorldmindException w) {
                throw ApiException.badRequest(w.getMessage());
            }
            throw ApiException.badRequest("the body is not valid JSON for this request");
        }
    }

    /**
     * Refuses a body that is not declared {@code application/json} with 415, before reading it. A
     * browser sends {@code text/plain}, form and multipart bodies across origins without a
     * preflight; insisting on JSON keeps such requests out even where a cookie would be sent.
     *
     * @param ctx the request
     */
    static void requireJson(Context ctx) {
        if (!isJson(ctx.contentType())) {
            throw new ApiException(
                    415,
                    "unsupported_media_type",
                    "send this body as application/json; got "
                            + (ctx.contentType() == null ? "no Content-Type" : ctx.contentType()));
        }
    }

    /** Whether a Content-Type is {@code application/json}, with or without parameters. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String mediaType = (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
        return mediaType.equalsIgnoreCase("application/json");
    }

    /**
     * Reads a whole-number query parameter within bounds.
     *
     * @param ctx the request
     * @param name the parameter
     * @param min the smallest allowed
     * @param max the largest allowed
     * @param otherwise the value when it is absent
     * @return the value
     */
    static int intQuery(Context ctx, String name, int min, int max, int otherwise) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(raw.trim());
            if (n < min || n > max) {
                throw ApiException.badRequest(name + " is " + min + "-" + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " is a whole number");
        }
    }

    private static String field(MismatchedInputException e) {
        return e.getPath().isEmpty()
                ? "(body)"
                : e.getPath().get(e.getPath().size() - 1).getFieldName();
    }

    /**
     * Reads a whole request body of at most {@code max} bytes.
     *
     * @param ctx the request
     * @param max the most bytes allowed
     * @return the body
     * @throws ApiException 413 when it is larger, 400 when it cannot be read
     */
    static byte[] bounded(Context ctx, int max) {
        try (java.io.InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw tooLarge(max);
            }
            return bytes;
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("cannot read the body: " + e.getMessage());
        }
    }

    /** The refusal of a body larger than {@code max} bytes. */
    static ApiException tooLarge(int max) {
        return new ApiException(413, "too_large", "the body is larger than " + max + " bytes");
    }
}
