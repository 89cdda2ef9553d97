package dev.worldmind.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The one JSON configuration for everything Worldmind persists: pretty, ISO dates, strict. */
public final class Json {
    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .findAndAddModules()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();

    private static final ObjectWriter COMPACT =
            MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /** Returns the shared, thread-safe mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Serialises a value as pretty JSON.
     *
     * @param value the value
     * @return the JSON text
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new WorldmindException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    /**
     * Serialises a value as JSON on one line, for JSON kept inside something else (a metadata
     * entry, a settings column).
     *
     * @param value the value
     * @return the JSON text
     */
    public static String writeCompact(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new WorldmindException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    /**
     * Writes a value to a file atomically: a reader sees the old file or the new one, never half.
     *
     * @param file the target
     * @param value the value
     */
    public static void write(Path file, Object value) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
            Files.writeString(tmp, write(value) + "\n");
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WorldmindException("cannot write " + file + ": " + e, e);
        }
    }

    /**
     * Tells whether two values have the same JSON content, whatever their Java types (a float and
     * the double read back from its JSON are the same; map order does not matter).
     *
     * @param a one value
     * @param b the other
     * @return whether their JSON trees are equal
     */
    public static boolean sameContent(Object a, Object b) {
        try {
            return MAPPER.readTree(write(a)).equals(MAPPER.readTree(write(b)));
        } catch (IOException e) {
            throw new WorldmindException("cannot compare values as JSON", e);
        }
    }

    /**
     * Reads a JSON file into a type.
     *
     * @param file the file
     * @param type the type
     * @param <T> the type
     * @return the value
     */
    public static <T> T read(Path file, Class<T> type) {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new InvalidDataException(
                    "cannot read " + file + " as JSON: " + e.getMessage(), e);
        }
    }
}
