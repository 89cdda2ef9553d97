package dev.worldmind.server.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.server.config.ConfigKeys.Key;
import dev.worldmind.server.config.EffectiveConfig.Setting;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads the settings from the defaults, a properties file, the environment and command-line
 * options, later ones winning, into one tree that Jackson binds to {@link ServerConfig} and {@link
 * JobsConfig}; the records check the values. The keys, their environment variables and what they do
 * are defined once in {@link ConfigKeys} and listed in {@code docs/configuration.md}. A key the
 * file does not know is refused by name, and every refusal names the key and where its value came
 * from.
 */
public final class ConfigLoader {
    /** The file read from the Worldmind home when no other is given. */
    public static final String FILE_NAME = "worldmind.properties";

    private ConfigLoader() {}

    /** The tree the keys' paths point into. */
    private record Tree(ServerConfig server, JobsConfig jobs) {}

    /**
     * Loads the effective settings.
     *
     * @param file the properties file; a missing file is fine (defaults apply)
     * @param env the environment, usually {@code System.getenv()}
     * @param options values from the command line, each naming its option as the source
     * @param home the Worldmind home the background jobs work in
     * @return the settings, with each key's value and source
     */
    public static EffectiveConfig load(
            Path file, Map<String, String> env, List<Setting> options, WorldmindHome home) {
        Map<String, Setting> chosen = new LinkedHashMap<>();
        readFile(file).forEach(s -> chosen.put(s.key(), s));
        for (Key key : ConfigKeys.all()) {
            fromEnvironment(key, env).ifPresent(s -> chosen.put(key.name(), s));
        }
        for (Setting option : options) {
            key(option.key());
            chosen.put(option.key(), option);
        }
        ObjectNode tree = ConfigTree.MAPPER.createObjectNode();
        tree.set("server", ConfigTree.MAPPER.valueToTree(ServerConfig.defaults()));
        tree.set("jobs", ConfigTree.MAPPER.valueToTree(JobsConfig.defaults(home)));
        for (Setting s : chosen.values()) {
            Key key = key(s.key());
            ConfigTree.set(tree, key.path(), node(key, s, tree.at(key.path())));
        }
        Tree bound;
        try {
            bound = ConfigTree.MAPPER.treeToValue(tree, Tree.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw refusal(e, chosen);
        }
        JsonNode effective = ConfigTree.MAPPER.valueToTree(bound);
        List<Setting> listing = new ArrayList<>();
        for (Key key : ConfigKeys.all()) {
            Setting s = chosen.get(key.name());
            String value = key.secret() ? mask(effective.at(key.path())) : text(key, effective);
            listing.add(new Setting(key.name(), value, s == null ? "default" : s.source()));
        }
        return new EffectiveConfig(bound.server(), bound.jobs(), listing);
    }

    /**
     * Loads the server's settings from a file and the environment alone.
     *
     * @param file the properties file; a missing file is fine (defaults apply)
     * @param env the environment, usually {@code System.getenv()}
     * @return the merged configuration
     */
    public static ServerConfig load(Path file, Map<String, String> env) {
        return load(file, env, List.of(), WorldmindHome.resolve()).server();
    }

    /**
     * Loads the background jobs' settings from the same sources.
     *
     * @param file the properties file; a missing file is fine (defaults apply)
     * @param env the environment
     * @param home the Worldmind home the jobs work in
     * @return the settings
     */
    public static JobsConfig jobs(Path file, Map<String, String> env, WorldmindHome home) {
        return load(file, env, List.of(), home).jobs();
    }

    private static Key key(String name) {
        return ConfigKeys.byName(name)
                .orElseThrow(() -> new InvalidDataException("unknown setting " + name));
    }

    private static List<Setting> readFile(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return List.of();
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidDataException("cannot read configuration " + file + ": " + e, e);
        }
        List<Setting> settings = new ArrayList<>();
        for (String name : new TreeSet<>(props.stringPropertyNames())) {
            Key key = ConfigKeys.byName(name.strip()).orElse(null);
            if (key == null) {
                throw new InvalidDataException(
                        "unknown key '%s' in %s%s (every key: ./worldmind config)"
                                .formatted(name, file, hint(name.strip())));
            }
            if (key.environmentOnly()) {
                throw new InvalidDataException(
                        "%s may not be in a file (%s): set %s in the environment"
                                .formatted(name, file, ConfigKeys.env(key)));
            }
            String value = props.getProperty(name).strip();
            if (!value.isEmpty()) {
                settings.add(new Setting(key.name(), value, "file " + file));
            }
        }
        return settings;
    }

    /** A key's value from its variable, or from the name it had before the naming rule. */
    private static Optional<Setting> fromEnvironment(Key key, Map<String, String> env) {
        Optional<Setting> value = variable(key, ConfigKeys.env(key), env);
        Optional<Setting> old = variable(key, key.legacyEnv(), env);
        if (value.isPresent()
                && old.isPresent()
                && !value.get().value().equals(old.get().value())) {
            throw new InvalidDataException(
                    "%s and %s both set %s, to different values: keep one"
                            .formatted(ConfigKeys.env(key), key.legacyEnv(), key.name()));
        }
        return value.or(() -> old);
    }

    private static Optional<Setting> variable(Key key, String name, Map<String, String> env) {
        String value = name == null ? null : env.get(name);
        return value == null || value.isBlank()
                ? Optional.empty()
                : Optional.of(new Setting(key.name(), value.strip(), "environment " + name));
    }

    /** The tree value of a key's text: lists split at commas, milliseconds as a duration. */
    private static JsonNode node(Key key, Setting s, JsonNode current) {
        String value = s.value();
        if (current.isNull() && value.equalsIgnoreCase("off")) {
            return NullNode.getInstance();
        }
        if (current.isArray()) {
            ArrayNode list = ConfigTree.MAPPER.createArrayNode();
            Arrays.stream(value.split(","))
                    .map(String::strip)
                    .filter(v -> !v.isEmpty())
                    .forEach(list::add);
            return list;
        }
        if (key.millis()) {
            try {
                return TextNode.valueOf(Duration.ofMillis(Long.parseLong(value)).toString());
            } catch (NumberFormatException e) {
                throw refusal(s, key, "a whole number of milliseconds");
            }
        }
        return TextNode.valueOf(value);
    }

    /**
     * Says which key's value a record or Jackson refused, from where, and what it must be. A record
     * that refuses values together (e.g. the idle and absolute session times) is blamed on the keys
     * its message names, else on every key set inside it.
     */
    private static InvalidDataException refusal(Exception e, Map<String, Setting> chosen) {
        String at = e instanceof JacksonException j ? ConfigTree.pointer(j) : "/";
        String reason = ConfigTree.reason(e);
        List<Setting> culprits =
                chosen.values().stream().filter(s -> key(s.key()).path().equals(at)).toList();
        if (culprits.isEmpty()) {
            List<Setting> inside =
                    chosen.values().stream()
                            .filter(s -> key(s.key()).path().startsWith(at + "/"))
                            .toList();
            culprits = inside.stream().filter(s -> reason.contains(s.key())).toList();
            culprits = culprits.isEmpty() ? inside : culprits;
        }
        Class<?> type = culprits.size() == 1 ? ConfigTree.targetType(e) : null;
        if (type != null && (type.isEnum() || ConfigTree.recordCheck(e) == null)) {
            Setting s = culprits.get(0);
            return refusal(s, key(s.key()), ConfigTree.want(type));
        }
        String where =
                culprits.stream()
                        .map(s -> describe(s, key(s.key())))
                        .collect(Collectors.joining("; "));
        return new InvalidDataException(where.isEmpty() ? reason : reason + " (" + where + ")", e);
    }

    private static InvalidDataException refusal(Setting s, Key key, String want) {
        return new InvalidDataException(
                "%s must be %s (%s)".formatted(key.name(), want, describe(s, key)));
    }

    private static String describe(Setting s, Key key) {
        return "%s = '%s' from %s"
                .formatted(key.name(), key.secret() ? "****" : s.value(), s.source());
    }

    /**
     * How {@code worldmind config} shows a value: as the file would write it, an empty one as the
     * docs describe it, and a password inside a JDBC URL masked.
     */
    private static String text(Key key, JsonNode tree) {
        JsonNode node = tree.at(key.path());
        List<String> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> items.add(n.asText()));
        } else if (!node.isNull() && !node.asText().isEmpty()) {
            items.add(node.asText());
        }
        if (items.isEmpty()) {
            return key.defaultText() == null ? "" : "(" + key.defaultText().replace("`", "") + ")";
        } else if (key.millis()) {
            return Long.toString(Duration.parse(node.asText()).toMillis());
        } else if (node.asText().startsWith("file:")) {
            return Path.of(URI.create(node.asText())).toString();
        }
        return String.join(",", items).replaceAll("(?i)(password|pwd)=[^;&]*", "$1=****");
    }

    private static String mask(JsonNode node) {
        return node.isNull() || node.asText().isEmpty() ? "" : "****";
    }

    /** A hint for a mistyped key: the keys of its section, or else the sections. */
    private static String hint(String name) {
        String section = name.contains(".") ? name.substring(0, name.indexOf('.') + 1) : name;
        List<String> near =
                ConfigKeys.all().stream()
                        .map(Key::name)
                        .filter(k -> k.startsWith(section))
                        .toList();
        return near.isEmpty()
                ? "; the sections are "
                        + ConfigKeys.all().stream()
                                .map(k -> k.name().substring(0, k.name().indexOf('.')))
                                .distinct()
                                .collect(Collectors.joining(", "))
                : "; the keys of " + section + "* are " + String.join(", ", near);
    }
}
