package dev.worldmind.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

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
final class ServerCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin HomeOption homeOption;

    @Mixin ServerOptions serverOptions;

    @Override
    public Integer call() {
        return WorldRunner.run(
                spec.commandLine().getOut(), serverOptions, homeOption.home(), false);
    }
}
