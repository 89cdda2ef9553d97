package dev.worldmind.server.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.worldmind.core.json.Json;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which handler takes each client message. A message is one entry of {@code
 * protocol/worldmind-ws.json} plus one {@link #on} call: the record it is read into must have the
 * fields the document gives it (checked when it is registered), and every message of the document
 * must have a handler before the server starts ({@link #requireComplete}).
 */
public final class MessageRoutes {
    /**
     * Handles one kind of client message.
     *
     * @param <M> the message's record
     */
    @FunctionalInterface
    public interface Handler<M> {
        /**
         * Handles a message; a refusal is a {@link ProtocolException}, which its sender gets.
         *
         * @param from who sent it and where they are
         * @param message the message
         */
        void handle(Sender from, M message);
    }

    /** Something that handles client messages (a desk of the world): it adds its routes. */
    @FunctionalInterface
    public interface Provider {
        /**
         * Adds this provider's routes.
         *
         * @param routes the routes
         */
        void register(MessageRoutes routes);
    }

    private record Route<M>(Class<M> type, ObjectReader reader, Handler<? super M> handler) {
        void handle(Sender from, JsonNode fields) {
            M message;
            try {
                message = reader.treeToValue(fields, type);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                // The fields were checked against the same schema the record was: a bug.
                throw new IllegalStateException("cannot read " + from.type() + ": " + e, e);
            }
            handler.handle(from, message);
        }
    }

    private final ProtocolSchema schema;
    private final Map<String, Route<?>> routes = new LinkedHashMap<>();

    /**
     * @param schema the protocol whose messages are routed
     */
    public MessageRoutes(ProtocolSchema schema) {
        this.schema = schema;
    }

    /**
     * Routes a client message to a handler.
     *
     * @param <M> the message's record
     * @param type the message type, as in the protocol document
     * @param record the record its fields are read into: one component per field, same names
     * @param handler what handles it
     * @return these routes
     * @throws IllegalStateException when the type is not in the document, already has a handler, or
     *     the record does not match the document's fields
     */
    public <M extends Record> MessageRoutes on(
            String type, Class<M> record, Handler<? super M> handler) {
        ProtocolSchema.MessageSpec spec = schema.clientToServer().get(type);
        if (spec == null) {
            throw new IllegalStateException(
                    "client message '" + type + "' is not in protocol/worldmind-ws.json");
        }
        if (routes.containsKey(type)) {
            throw new IllegalStateException("client message '" + type + "' has two handlers");
        }
        matches(type, record, spec.fields());
        ObjectReader reader =
                Json.mapper()
                        .readerFor(record)
                        .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        routes.put(type, new Route<>(record, reader, handler));
        return this;
    }

    /**
     * Adds the routes of several providers.
     *
     * @param providers the desks
     * @return these routes
     */
    public MessageRoutes add(List<? extends Provider> providers) {
        providers.forEach(p -> p.register(this));
        return this;
    }

    /**
     * Checks that every client message of the protocol has a handler.
     *
     * @return these routes
     * @throws IllegalStateException naming the messages without one
     */
    public MessageRoutes requireComplete() {
        Set<String> missing = new TreeSet<>(schema.clientToServer().keySet());
        missing.removeAll(routes.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("client messages without a handler: " + missing);
        }
        return this;
    }

    /** The routed message types. */
    public Set<String> types() {
        return routes.keySet();
    }

    /**
     * Hands a checked message to its handler.
     *
     * @param from the sender
     * @param message the message
     * @throws ProtocolException what the handler refused
     */
    void dispatch(Sender from, ProtocolSchema.Message message) {
        Route<?> route = routes.get(message.type());
        if (route == null) {
            throw new ProtocolException(
                    "unknown_type", "this server does not handle '" + message.type() + "'", null);
        }
        route.handle(from, message.fields());
    }

    /** A record matches an object schema when their field names and kinds agree. */
    static void matches(String where, Class<?> record, JsonNode schema) {
        if (!record.isRecord()) {
            throw new IllegalStateException(where + ": " + record.getName() + " is not a record");
        }
        Map<String, Class<?>> components = new LinkedHashMap<>();
        for (RecordComponent c : record.getRecordComponents()) {
            components.put(c.getName(), c.getType());
        }
        Set<String> fields = new TreeSet<>();
        for (Map.Entry<String, JsonNode> f : schema.path("properties").properties()) {
            fields.add(f.getKey());
            Class<?> c = components.get(f.getKey());
            String kind = f.getValue().path("type").asText();
            boolean ok =
                    c != null
                            && switch (kind) {
                                case "string" -> c == String.class;
                                case "number" -> c == double.class || c == Double.class;
                                case "integer" -> c == long.class || c == Long.class;
                                case "object" -> {
                                    matches(where + "." + f.getKey(), c, f.getValue());
                                    yield true;
                                }
                                default -> false;
                            };
            if (!ok) {
                throw new IllegalStateException(
                        "%s: %s needs a component '%s' for a %s field"
                                .formatted(where, record.getSimpleName(), f.getKey(), kind));
            }
        }
        if (!fields.equals(new TreeSet<>(components.keySet()))) {
            throw new IllegalStateException(
                    "%s: %s has components %s, the protocol fields %s"
                            .formatted(where, record.getSimpleName(), components.keySet(), fields));
        }
    }
}
