package dev.worldmind.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.core.WorldmindHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docs against the one definition of the keys: {@code docs/configuration.md}'s table is
 * generated from {@link ConfigKeys} (run with {@code -Dworldmind.docs.write=true} to rewrite it),
 * every key the docs and the README name exists, and the README names every key (or links to that
 * page).
 */
class ConfigDocsTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern KEY_LIKE =
            Pattern.compile(
                    "`((?:server|database|session|accounts|management|recommend|tour|serving"
                            + "|dialogue|characters|jobs)\\.[a-z][a-z-]*)(?:=[^`]*)?`");

    /** Backticked words that look like keys but are not: a database column. */
    private static final Set<String> NOT_KEYS = Set.of("jobs.settings");

    @TempDir Path dir;

    @Test
    void theConfigurationPageHoldsTheGeneratedTable() throws IOException {
        Path page = ROOT.resolve("docs/configuration.md");
        String text = Files.readString(page);
        String begin = "<!-- keys:begin -->\n";
        String end = "<!-- keys:end -->";
        int from = text.indexOf(begin) + begin.length();
        int to = text.indexOf(end);
        assertThat(from).isGreaterThan(begin.length() - 1);
        String table =
                ConfigKeys.markdownTable(
                        ConfigLoader.load(null, Map.of(), List.of(), new WorldmindHome(dir)));
        if (Boolean.getBoolean("worldmind.docs.write")) {
            Files.writeString(page, text.substring(0, from) + table + text.substring(to));
            return;
        }
        assertThat(text.substring(from, to))
                .as(
                        "docs/configuration.md is stale: ./worldmind config --docs, or run this test"
                                + " with -Dworldmind.docs.write=true")
                .isEqualTo(table);
    }

    @Test
    void everyKeyTheDocsNameIsDefined() throws IOException {
        Set<String> defined = new TreeSet<>();
        ConfigKeys.all().forEach(k -> defined.add(k.name()));
        List<Path> docs;
        try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
            docs =
                    Stream.concat(
                                    files.filter(p -> p.toString().endsWith(".md")),
                                    Stream.of(ROOT.resolve("README.md")))
                            .toList();
        }
        for (Path doc : docs) {
            Matcher m = KEY_LIKE.matcher(Files.readString(doc));
            while (m.find()) {
                if (!NOT_KEYS.contains(m.group(1))) {
                    assertThat(defined).as(doc + " names " + m.group(1)).contains(m.group(1));
                }
            }
        }
    }

    @Test
    void theReadmeNamesEveryKeyOrLinksToTheTable() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        if (readme.contains("(docs/configuration.md)")) {
            return;
        }
        for (ConfigKeys.Key key : ConfigKeys.all()) {
            String named = key.environmentOnly() ? ConfigKeys.env(key) : key.name();
            assertThat(readme).as("README.md names " + key.name()).contains("`" + named + "`");
        }
    }
}
