package dev.worldmind.cli;

import dev.worldmind.core.WorldmindHome;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --home}: where Worldmind keeps datasets, models and runs. */
final class HomeOption {
    @Option(
            names = "--home",
            paramLabel = "DIR",
            description = "Worldmind home (default: $WORLDMIND_HOME or ~/.worldmind).")
    Path home;

    WorldmindHome home() {
        WorldmindHome h = home == null ? WorldmindHome.resolve() : new WorldmindHome(home);
        // Every command resolves its home before it touches DJL, so the engine follows --home.
        h.configureEngine();
        return h.create();
    }
}
