package dev.worldmind.app.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.json.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A job's settings: a flat map of names to strings, numbers and booleans, kept sorted so that the
 * same settings always have the same JSON (which is how identical jobs are recognised).
 */
public final class JobSettings {
    private static final int MAX_KEYS = 32;
    private static final int MAX_STRING = 500;

    private final Map<String, Object> values;

    private JobSettings(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** No settings. */
    public static JobSettings empty() {
        return new JobSettings(Map.of());
    }

    /**
     * Checks settings given as a map (from a request body).
     *
     * @param values the settings, or null for none
     * @return the settings
     * @throws InvalidDataException when a value is not a string, number or boolean
     */
    public static JobSettings of(Map<String, ?> values) {
        if (values == null) {
            return empty();
        }
        if (values.size() > MAX_KEYS) {
            throw new InvalidDataException("a job takes at most " + MAX_KEYS + " settings");
        }
        Map<String, Object> checked = new LinkedHashMap<>();
        values.forEach(
                (k, v) -> {
                    if (k == null || !k.matches("[a-zA-Z][a-zA-Z0-9]{0,39}")) {
                        throw new InvalidDataException("'" + k + "' is not a setting name");
                    }
                    if (v instanceof String s && s.length() > MAX_STRING) {
                        throw new InvalidDataException("setting " + k + " is too long");
                    }
                    if (v instanceof Double d && !Double.isFinite(d)) {
                        throw new InvalidDataException("setting " + k + " is not a finite number");
                    }
                    if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                        throw new InvalidDataException(
                                "setting " + k + " must be a string, number or boolean");
                    }
                    checked.put(k, v);
                });
        return new JobSettings(checked);
    }

    /**
     * Reads stored settings.
     *
     * @param json a JSON object
     * @return the settings
     */
    public static JobSettings parse(String json) {
        try {
            return of(Json.mapper().readValue(json, new TypeReference<Map<String, Object>>() {}));
        } catch (JsonProcessingException e) {
            throw new InvalidDataException("job settings are not a JSON object: " + e.getMessage());
        }
    }

    /** The settings as compact JSON with sorted keys. */
    public String json() {
        return Json.writeCompact(values);
    }

    /** The settings as a map, sorted by name. */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * Refuses settings this kind does not know.
     *
     * @param kind the job kind, for the message
     * @param known the names it takes
     * @return these settings
     */
    public JobSettings allowOnly(String kind, Set<String> known) {
        for (String k : values.keySet()) {
            if (!known.contains(k)) {
                throw new InvalidDataException(
                        "a "
                                + kind
                                + " job has no setting '"
                                + k
                                + "'; it takes "
                                + (known.isEmpty() ? "none" : new java.util.TreeSet<>(known)));
            }
        }
        return this;
    }

    /** A copy with one more setting (or one replaced). */
    public JobSettings with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return of(copy);
    }

    /** A copy without one setting. */
    public JobSettings without(String key) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.remove(key);
        return of(copy);
    }

    /** A string setting, if given. */
    public Optional<String> string(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s) || s.isBlank()) {
            throw new InvalidDataException("setting " + key + " must be a non-empty string");
        }
        return Optional.of(s.trim());
    }

    /** A required string setting. */
    public String require(String key) {
        return string(key)
                .orElseThrow(() -> new InvalidDataException("setting " + key + " is required"));
    }

    /** A whole-number setting within bounds, if given. */
    public Optional<Integer> integer(String key, int min, int max) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new InvalidDataException("setting " + key + " must be a whole number");
        }
        double d = n.doubleValue();
        if (d < min || d > max) {
            throw new InvalidDataException(
                    "setting " + key + " must lie in [" + min + ", " + max + "]: " + n);
        }
        return Optional.of((int) d);
    }

    /** A number setting within bounds, if given. */
    public Optional<Double> number(String key, double min, double max) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Number n) || n.doubleValue() < min || n.doubleValue() > max) {
            throw new InvalidDataException(
                    "setting " + key + " must be a number in [" + min + ", " + max + "]: " + v);
        }
        return Optional.of(n.doubleValue());
    }

    /** A boolean setting, or its default. */
    public boolean flag(String key, boolean otherwise) {
        Object v = values.get(key);
        if (v == null) {
            return otherwise;
        }
        if (!(v instanceof Boolean b)) {
            throw new InvalidDataException("setting " + key + " must be true or false");
        }
        return b;
    }

    /**
     * The newest registered version of a model, for jobs that only make what is missing.
     *
     * @param home the Worldmind home
     * @param name the model's name
     * @return {@code name:version}, or empty when none is registered
     */
    public static Optional<String> registered(dev.worldmind.core.WorldmindHome home, String name) {
        return new dev.worldmind.model.registry.ModelRegistry(home.models())
                .latestVersion(name)
                .map(v -> name + ":" + v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobSettings s && s.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return json();
    }
}
