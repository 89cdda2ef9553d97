package dev.worldmind.cli;

import dev.worldmind.core.WorldmindHome;
import dev.worldmind.data.db.DatabaseConfig;
import dev.worldmind.server.config.ConfigLoader;
import dev.worldmind.server.config.ServerConfig;
import java.nio.file.Path;
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

    /** The background jobs' settings: {@code jobs.*} keys of the same file and environment. */
    dev.worldmind.server.config.JobsConfig jobsConfig(WorldmindHome home) {
        Path file = config != null ? config : home.root().resolve(ConfigLoader.FILE_NAME);
        return ConfigLoader.jobs(file, System.getenv(), home);
    }

    ServerConfig serverConfig(WorldmindHome home) {
        Path file = config != null ? config : home.root().resolve(ConfigLoader.FILE_NAME);
        ServerConfig c = ConfigLoader.load(file, System.getenv());
        return new ServerConfig(
                host != null ? host : c.host(),
                port != null ? port : c.port(),
                databaseUrl != null ? databaseUrl : c.databaseUrl(),
                c.databaseUser(),
                c.databasePassword(),
                c.allowedOrigins(),
                c.tickHz(),
                c.sessionIdle(),
                c.sessionAbsolute(),
                c.secureCookies(),
                c.serving().withModels(home.models()),
                c.language().withHome(home.root()),
                c.recommend(),
                c.tour(),
                c.accounts(),
                managementPort != null ? c.management().withPort(managementPort) : c.management(),
                c.trustedProxies());
    }

    static DatabaseConfig databaseConfig(ServerConfig config, WorldmindHome home) {
        return config.databaseUrl() == null
                ? DatabaseConfig.h2File(home.root().resolve("db").resolve("worldmind"))
                : DatabaseConfig.of(
                        config.databaseUrl(), config.databaseUser(), config.databasePassword());
    }
}
