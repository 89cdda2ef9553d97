package dev.worldmind.data.jobs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;

/**
 * Reads a job's settings object back into the compact JSON text {@link Job#settings()} holds (it is
 * written as the object itself, with {@code @JsonRawValue}).
 */
final class SettingsJson extends JsonDeserializer<String> {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return p.readValueAsTree().toString();
    }
}
