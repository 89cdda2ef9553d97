package dev.worldmind.cli;

import dev.worldmind.core.WorldmindHome;
import dev.worldmind.server.config.ConfigKeys;
import dev.worldmind.server.config.ConfigLoader;
import dev.worldmind.server.config.EffectiveConfig;
import dev.worldmind.server.config.EffectiveConfig.Setting;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code worldmind config}: the settings {@code worldmind server} would run with, each with where
 * it came from.
 */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description =
                "Print the settings the world server would run with, and where each came"
                        + " from: the default, the configuration file, a WORLDMIND_* environment"
                        + " variable or an option. Takes the same options as 'server'. Passwords and"
                        + " keys are masked. The keys: docs/configuration.md.")
final class ConfigCommand extends HomeCommand {

    @Mixin ServerOptions serverOptions;

    @Option(
            names = "--docs",
            description = "Print the table of every key as Markdown (docs/configuration.md).")
    boolean docs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        WorldmindHome home = homeOption.home();
        if (docs) {
            out.print(ConfigKeys.markdownTable(ConfigLoader.load(null, Map.of(), List.of(), home)));
            out.flush();
            return 0;
        }
        EffectiveConfig config = serverOptions.effective(home);
        Path file = serverOptions.file(home);
        out.println(
                "Configuration file: "
                        + file
                        + (Files.isRegularFile(file) ? "" : " (none there: defaults apply)"));
        int width = config.settings().stream().mapToInt(s -> s.key().length()).max().orElse(0);
        int valueWidth =
                config.settings().stream().mapToInt(s -> s.value().length()).max().orElse(0);
        String row = "%-" + width + "s  %-" + Math.min(valueWidth, 40) + "s  %s%n";
        out.printf(row, "KEY", "VALUE", "SOURCE");
        for (Setting s : config.settings()) {
            out.printf(row, s.key(), s.value(), s.source());
        }
        return 0;
    }
}
