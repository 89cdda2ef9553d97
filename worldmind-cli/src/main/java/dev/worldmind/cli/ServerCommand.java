package dev.worldmind.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code worldmind server}: run only the world server. */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        description = {
            "Run the world server (REST API, WebSocket, web client) until stopped.",
            "Settings: the defaults, then --config FILE or <home>/worldmind.properties,",
            "then WORLDMIND_* environment variables, then these options. See the result",
            "and where each value came from with: worldmind config"
        })
final class ServerCommand extends HomeCommand {

    @Mixin ServerOptions serverOptions;

    @Override
    public Integer call() {
        return WorldRunner.run(
                spec.commandLine().getOut(), serverOptions, homeOption.home(), false);
    }
}
