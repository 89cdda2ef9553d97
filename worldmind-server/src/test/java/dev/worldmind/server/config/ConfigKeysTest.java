package dev.worldmind.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.server.config.ConfigKeys.Key;
import dev.worldmind.server.config.EffectiveConfig.Setting;
import dev.worldmind.testing.ConfigSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one key table against the records, and every key from every kind of source. */
class ConfigKeysTest {
    @TempDir Path dir;

    private EffectiveConfig load(Path file, Map<String, String> env, List<Setting> options) {
        return ConfigLoader.load(file, env, options, new WorldmindHome(dir));
    }

    private Map<String, String> samples() throws Exception {
        Map<String, String> v = new HashMap<>(ConfigSamples.values());
        v.put("database.url", "jdbc:h2:mem:samples");
        v.put("characters.dir", Files.createDirectories(dir.resolve("characters")).toString());
        v.put("server.port", "9123");
        v.put("management.port", "9124");
        return v;
    }

    private static Map<String, String> values(EffectiveConfig c) {
        return c.settings().stream().collect(Collectors.toMap(Setting::key, Setting::value));
    }

    private static Map<String, String> sources(EffectiveConfig c) {
        return c.settings().stream().collect(Collectors.toMap(Setting::key, Setting::source));
    }

    @Test
    void everyValueOfTheRecordsIsAKeyOrSetByTheProgram() {
        ObjectNode tree = ConfigTree.MAPPER.createObjectNode();
        tree.set("server", ConfigTree.MAPPER.valueToTree(ServerConfig.defaults()));
        tree.set(
                "jobs", ConfigTree.MAPPER.valueToTree(JobsConfig.defaults(new WorldmindHome(dir))));
        Set<String> leaves = new TreeSet<>();
        collect(tree, "", leaves);
        Set<String> expected = new TreeSet<>(ConfigKeys.SET_BY_THE_PROGRAM);
        ConfigKeys.all().forEach(k -> expected.add(k.path()));
        assertThat(leaves).containsExactlyElementsOf(expected);
        assertThat(ConfigKeys.all()).extracting(Key::name).doesNotHaveDuplicates();
        assertThat(ConfigSamples.values().keySet())
                .as("a sample for every key")
                .containsExactlyInAnyOrderElementsOf(
                        ConfigKeys.all().stream()
                                .map(Key::name)
                                .filter(k -> !ConfigSamples.CHOSEN_BY_THE_TEST.contains(k))
                                .toList());
    }

    private static void collect(JsonNode node, String path, Set<String> leaves) {
        if (node.isObject()) {
            node.properties().forEach(f -> collect(f.getValue(), path + "/" + f.getKey(), leaves));
        } else {
            leaves.add(path);
        }
    }

    @Test
    void everyKeyIsReadFromTheFileAndFromItsVariable() throws Exception {
        Map<String, String> samples = samples();
        Path file = dir.resolve("worldmind.properties");
        Files.writeString(
                file,
                samples.entrySet().stream()
                        .filter(e -> !e.getKey().equals("dialogue.api-key"))
                        .map(e -> e.getKey() + "=" + e.getValue() + "\n")
                        .collect(Collectors.joining()));
        Map<String, String> apiKey = Map.of("WORLDMIND_DIALOGUE_API_KEY", "sk-test-secret");
        EffectiveConfig defaults = load(null, Map.of(), List.of());
        EffectiveConfig fromFile = load(file, apiKey, List.of());
        Map<String, String> env =
                ConfigKeys.all().stream()
                        .collect(Collectors.toMap(ConfigKeys::env, k -> samples.get(k.name())));
        EffectiveConfig fromEnv = load(null, env, List.of());
        for (Key key : ConfigKeys.all()) {
            String name = key.name();
            assertThat(values(fromFile).get(name))
                    .as(name)
                    .isNotEqualTo(values(defaults).get(name));
            assertThat(sources(fromFile).get(name))
                    .as(name)
                    .isEqualTo(
                            key.environmentOnly()
                                    ? "environment WORLDMIND_DIALOGUE_API_KEY"
                                    : "file " + file);
            assertThat(sources(fromEnv).get(name)).isEqualTo("environment " + ConfigKeys.env(key));
            assertThat(sources(defaults).get(name)).isEqualTo("default");
        }
        assertThat(fromEnv.server()).isEqualTo(fromFile.server());
        assertThat(fromEnv.jobs()).isEqualTo(fromFile.jobs());
        assertThat(values(fromFile)).containsEntry("database.password", "****");
        assertThat(values(fromFile)).containsEntry("dialogue.api-key", "****");
        assertThat(fromFile.server().databasePassword()).isEqualTo("s3cret-pw");
        assertThat(fromFile.server().language().dialogue().apiKey()).isEqualTo("sk-test-secret");
    }

    @Test
    void theOldVariableNamesStillWorkAndMayNotDisagree() throws Exception {
        Map<String, String> samples = samples();
        List<Key> renamed = ConfigKeys.all().stream().filter(k -> k.legacyEnv() != null).toList();
        assertThat(renamed).hasSize(8);
        for (Key key : renamed) {
            String value = samples.get(key.name());
            EffectiveConfig old = load(null, Map.of(key.legacyEnv(), value), List.of());
            EffectiveConfig canonical = load(null, Map.of(ConfigKeys.env(key), value), List.of());
            assertThat(old.server()).as(key.name()).isEqualTo(canonical.server());
            assertThat(sources(old).get(key.name())).isEqualTo("environment " + key.legacyEnv());
            assertThat(
                            load(
                                            null,
                                            Map.of(
                                                    key.legacyEnv(),
                                                    value,
                                                    ConfigKeys.env(key),
                                                    value),
                                            List.of())
                                    .server())
                    .isEqualTo(canonical.server());
        }
        assertThatThrownBy(
                        () ->
                                load(
                                        null,
                                        Map.of("WORLDMIND_PORT", "1", "WORLDMIND_SERVER_PORT", "2"),
                                        List.of()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("WORLDMIND_PORT")
                .hasMessageContaining("WORLDMIND_SERVER_PORT");
    }

    @Test
    void optionsBeatTheEnvironmentWhichBeatsTheFile() throws Exception {
        Path file = dir.resolve("worldmind.properties");
        Files.writeString(file, "server.port=9000\nserver.tick-hz=5\nsession.idle=PT5M\n");
        Map<String, String> env = Map.of("WORLDMIND_SERVER_PORT", "9100", "WORLDMIND_TICK_HZ", "6");
        List<Setting> options = List.of(new Setting("server.port", "9200", "option --port"));
        EffectiveConfig c = load(file, env, options);
        assertThat(c.server().port()).isEqualTo(9200);
        assertThat(c.server().tickHz()).isEqualTo(6);
        assertThat(c.server().sessionIdle()).isEqualTo(Duration.ofMinutes(5));
        assertThat(sources(c))
                .containsEntry("server.port", "option --port")
                .containsEntry("server.tick-hz", "environment WORLDMIND_TICK_HZ")
                .containsEntry("session.idle", "file " + file)
                .containsEntry("session.absolute", "default");
        assertThat(load(file, env, List.of()).server().port()).isEqualTo(9100);
    }

    @Test
    void refusesAnUnknownKeyInTheFileByName() throws Exception {
        Path file = dir.resolve("worldmind.properties");
        Files.writeString(file, "server.prot=8080\n");
        assertThatThrownBy(() -> load(file, Map.of(), List.of()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("unknown key 'server.prot'")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("server.port");
        Files.writeString(file, "dialogue.api-key=sk-in-a-file\n");
        assertThatThrownBy(() -> load(file, Map.of(), List.of()))
                .hasMessageContaining("WORLDMIND_DIALOGUE_API_KEY")
                .hasMessageNotContaining("sk-in-a-file");
    }

    @Test
    void refusalsNameTheKeyTheValueAndWhereItCameFrom() throws Exception {
        Path file = dir.resolve("worldmind.properties");
        Files.writeString(file, "session.idle=PT13H\nserver.secure-cookies=yes\n");
        assertThatThrownBy(() -> load(file, Map.of(), List.of()))
                .hasMessageContaining("server.secure-cookies must be true or false")
                .hasMessageContaining("'yes' from file " + file);
        Files.writeString(file, "session.idle=PT13H\n");
        assertThatThrownBy(() -> load(file, Map.of(), List.of()))
                .hasMessageContaining("session.absolute must be at least session.idle")
                .hasMessageContaining("session.idle = 'PT13H' from file " + file);
        assertThatThrownBy(
                        () ->
                                load(
                                        null,
                                        Map.of("WORLDMIND_SERVING_MAX_DELAY_MS", "soon"),
                                        List.of()))
                .hasMessageContaining("serving.max-delay-ms must be a whole number of milliseconds")
                .hasMessageContaining("WORLDMIND_SERVING_MAX_DELAY_MS");
        assertThatThrownBy(
                        () ->
                                load(
                                        null,
                                        Map.of("WORLDMIND_DATABASE_PASSWORD", "x"),
                                        List.of(new Setting("server.port", "-1", "option --port"))))
                .hasMessageContaining("server.port must be 0-65535")
                .hasMessageContaining("option --port");
    }

    @Test
    void theListingMasksSecretsAndShowsValuesAsTheFileWritesThem() {
        EffectiveConfig c =
                load(
                        null,
                        Map.of(
                                "WORLDMIND_DATABASE_URL",
                                        "jdbc:postgresql://db/w?user=w&password=pw1",
                                "WORLDMIND_DATABASE_PASSWORD", "pw2",
                                "WORLDMIND_MANAGEMENT_PORT", "off",
                                "WORLDMIND_SERVING_MAX_DELAY_MS", "9"),
                        List.of());
        Map<String, String> v = values(c);
        assertThat(v.toString()).doesNotContain("pw1").doesNotContain("pw2");
        assertThat(v)
                .containsEntry("database.url", "jdbc:postgresql://db/w?user=w&password=****")
                .containsEntry("database.password", "****")
                .containsEntry("management.port", "(off)")
                .containsEntry("serving.max-delay-ms", "9")
                .containsEntry("serving.predict-role", "creator")
                .containsEntry("dialogue.provider", "none");
        assertThat(ConfigKeys.all().stream().filter(Key::secret).map(Key::name))
                .containsExactly("database.password", "dialogue.api-key");
    }

    @Test
    void withChangesOneSettingThroughTheSameChecks() {
        ServerConfig d = ServerConfig.defaults();
        assertThat(d.with("tour.speed", 2.5).tour().guide().speed()).isEqualTo(2.5);
        assertThat(d.with("server.port", "0").port()).isZero();
        assertThat(d.with("serving.models", dir).serving().models()).contains(dir);
        assertThat(d.with("recommend.enabled", false).recommend().enabled()).isFalse();
        assertThat(d.with("tour.enabled", false).with("server.tick-hz", 5))
                .isEqualTo(
                        load(
                                        null,
                                        Map.of(
                                                "WORLDMIND_TOUR_ENABLED",
                                                "false",
                                                "WORLDMIND_TICK_HZ",
                                                "5"),
                                        List.of())
                                .server());
        assertThatThrownBy(() -> d.with("server.tick-hz", 99))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("server.tick-hz must be 1-60");
        assertThatThrownBy(() -> d.with("server.prot", 1))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("no setting");
    }
}
