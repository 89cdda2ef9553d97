package dev.worldmind.cli;

import dev.worldmind.core.WorldmindHome;
import dev.worldmind.data.db.DatabaseConfig;
import dev.worldmind.server.config.ConfigLoader;
import dev.worldmind.server.config.EffectiveConfig;
import dev.worldmind.server.config.EffectiveConfig.Setting;
import dev.worldmind.server.config.JobsConfig;
import dev.worldmind.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The world server's settings on the command line. They override the configuration file ({@code
 * <home>/worldmind.properties} or {@code --config}) and the environment.
 */
final class ServerOptions {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Configuration file (default: <home>/worldmind.properties).")
    Path config;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Port (default 8080; 0 = any free port).")
    Integer port;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            description = "Address to listen on (default 127.0.0.1; 0.0.0.0 = every interface).")
    String host;

    @Option(
            names = "--database-url",
            paramLabel = "JDBC_URL",
            description =
                    "Database (default: embedded H2 in <home>/db; e.g. jdbc:postgresql://host/db).")
    String databaseUrl;

    @Option(
            names = "--management-port",
            paramLabel = "PORT",
            description =
                    "Management port serving Prometheus /metrics (default off; 0 = any free port).")
    Integer managementPort;

    /** The environment the settings are read from; tests give their own. */
    Map<String, String> env = System.getenv();

    /**
     * The effective settings: defaults, then the file, then the environment, then these options;
     * the model registry and the characters follow the home.
     */
    EffectiveConfig effective(WorldmindHome home) {
        Path file = file(home);
        List<Setting> options = new ArrayList<>();
        option(options, "server.host", "--host", host);
        option(options, "server.port", "--port", port);
        option(options, "database.url", "--database-url", databaseUrl);
        option(options, "management.port", "--management-port", managementPort);
        EffectiveConfig loaded = ConfigLoader.load(file, env, options, home);
        ServerConfig server =
                loaded.server()
                        .with("serving.models", home.models())
                        .with("language.home", home.root());
        return new EffectiveConfig(server, loaded.jobs(), loaded.settings());
    }

    /** The configuration file: {@code --config}, or the one in the home. */
    Path file(WorldmindHome home) {
        return config != null ? config : home.root().resolve(ConfigLoader.FILE_NAME);
    }

    private static void option(List<Setting> options, String key, String name, Object value) {
        if (value != null) {
            options.add(new Setting(key, value.toString(), "option " + name));
        }
    }

    /** The background jobs' settings: {@code jobs.*} keys of the same file and environment. */
    JobsConfig jobsConfig(WorldmindHome home) {
        return effective(home).jobs();
    }

    ServerConfig serverConfig(WorldmindHome home) {
        return effective(home).server();
    }

    static DatabaseConfig databaseConfig(ServerConfig config, WorldmindHome home) {
        return config.databaseUrl() == null
                ? DatabaseConfig.h2File(home.root().resolve("db").resolve("worldmind"))
                : DatabaseConfig.of(
                        config.databaseUrl(), config.databaseUser(), config.databasePassword());
    }
}
