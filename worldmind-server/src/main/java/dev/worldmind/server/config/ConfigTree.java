package dev.worldmind.server.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.worldmind.core.InvalidDataException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one mapper between the settings' records and a tree of values: the loader binds the merged
 * file, environment and options with it, and {@link ServerConfig#with} changes one value through
 * it, so both get the records' own checks.
 */
final class ConfigTree {
    static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .addModule(new Jdk8Module())
                    .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                    .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                    .build();

    private ConfigTree() {}

    /**
     * Returns a copy of a record with one value in its tree replaced.
     *
     * @param record the settings
     * @param path the JSON pointer of the value, e.g. {@code /serving/refresh}
     * @param value the new value, of the type the record keeps there
     */
    static <T> T with(T record, String path, Object value) {
        ObjectNode tree = MAPPER.valueToTree(record);
        set(tree, path, MAPPER.valueToTree(value));
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) record.getClass();
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidDataException(path + ": " + reason(e), e);
        }
    }

    /** Puts a value at a path that exists in the tree; refuses one that does not. */
    static void set(ObjectNode tree, String path, JsonNode value) {
        JsonPointer at = JsonPointer.compile(path);
        JsonNode parent = tree.at(at.head());
        if (!(parent instanceof ObjectNode object)
                || !object.has(at.last().getMatchingProperty())) {
            throw new InvalidDataException("no setting at " + path);
        }
        object.set(at.last().getMatchingProperty(), value);
    }

    /** Returns the JSON pointer of where a binding failed, e.g. {@code /server/tour/guide}. */
    static String pointer(JacksonException e) {
        if (e instanceof JsonMappingException m) {
            return m.getPath().stream()
                    .map(
                            r ->
                                    r.getFieldName() == null
                                            ? Integer.toString(r.getIndex())
                                            : r.getFieldName())
                    .collect(Collectors.joining("/", "/", ""));
        }
        return "/";
    }

    /** Returns the refusal of a record's own check (rather than Jackson's parsing), or null. */
    static Throwable recordCheck(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidDataException
                    || t.getClass() == IllegalArgumentException.class) {
                return t;
            }
        }
        return null;
    }

    /** Returns what a record's check said, or else Jackson's first line. */
    static String reason(Exception e) {
        Throwable check = recordCheck(e);
        if (check != null) {
            return check.getMessage();
        }
        String message = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** Returns the type of the value a binding failed at, if Jackson says. */
    static Class<?> targetType(Exception e) {
        if (e instanceof MismatchedInputException m) {
            return m.getTargetType();
        }
        return e instanceof ValueInstantiationException v ? v.getType().getRawClass() : null;
    }

    /** Says in words what a type's values look like. */
    static String want(Class<?> type) {
        if (type.isEnum()) {
            List<String> names =
                    Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                            .toList();
            return String.join(", ", names.subList(0, names.size() - 1))
                    + " or "
                    + names.get(names.size() - 1);
        }
        return switch (type.getSimpleName()) {
            case "int", "Integer", "long", "Long", "OptionalInt" -> "a whole number";
            case "double", "Double" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "Duration" -> "an ISO-8601 duration such as PT30M";
            case "Path" -> "a folder's path";
            default -> "a " + type.getSimpleName();
        };
    }
}
