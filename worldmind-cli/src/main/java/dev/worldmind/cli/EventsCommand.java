package dev.worldmind.cli;

import dev.worldmind.core.WorldmindHome;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.events.EventKind;
import dev.worldmind.data.events.EventLog;
import dev.worldmind.data.events.EventQuery;
import dev.worldmind.data.events.ExportFormat;
import dev.worldmind.server.config.ServerConfig;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code worldmind events}: the behaviour event log. */
@Command(
        name = "events",
        mixinStandardHelpOptions = true,
        description = "The behaviour event log: what people did in the world.",
        subcommands = {EventsCommand.Export.class})
final class EventsCommand {
    private EventsCommand() {}

    /** {@code worldmind events export}. */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = {
                "Export events as CSV or JSON Lines, oldest first, filtered by time, user, space and kind.",
                "Reads the database directly; with the embedded H2 database, stop the server first",
                "or use the admin API (GET /api/admin/events?format=csv)."
            })
    static final class Export extends HomeCommand {

        @Mixin ServerOptions serverOptions;

        @Option(
                names = "--from",
                paramLabel = "INSTANT",
                description = "From (inclusive), e.g. 2026-11-29T00:00:00Z.")
        Instant from;

        @Option(names = "--to", paramLabel = "INSTANT", description = "To (exclusive).")
        Instant to;

        @Option(names = "--user", description = "Only this user name.")
        String user;

        @Option(names = "--space", description = "Only this space id.")
        String space;

        @Option(
                names = "--kind",
                split = ",",
                converter = EnumConverters.EventKindConverter.class,
                description = "Only these kinds: ${COMPLETION-CANDIDATES} (comma-separated).")
        List<EventKind> kinds;

        @Option(
                names = "--limit",
                defaultValue = "1000000",
                description = "At most this many (default ${DEFAULT-VALUE}).")
        int limit;

        @Option(
                names = "--format",
                defaultValue = "csv",
                converter = EnumConverters.ExportFormatConverter.class,
                description = "csv or jsonl (default ${DEFAULT-VALUE}).")
        ExportFormat format;

        @Option(
                names = {"-o", "--out"},
                paramLabel = "FILE",
                description = "Write here (default: standard output).")
        Path out;

        @Override
        public Integer call() {
            WorldmindHome home = homeOption.home();
            ServerConfig config = serverOptions.serverConfig(home);
            Set<EventKind> kindSet =
                    kinds == null || kinds.isEmpty() ? null : EnumSet.copyOf(kinds);
            EventQuery query = new EventQuery(from, to, user, space, kindSet, limit);
            PrintWriter err = spec.commandLine().getErr();
            try (Database db = Database.open(ServerOptions.databaseConfig(config, home))) {
                EventLog log = new EventLog(db);
                long rows;
                if (out == null) {
                    PrintWriter stdout = spec.commandLine().getOut();
                    stdout.flush();
                    OutputStream sink = new BufferedOutputStream(System.out);
                    rows = log.export(query, format, sink);
                    sink.flush();
                } else {
                    try (OutputStream sink = new BufferedOutputStream(Files.newOutputStream(out))) {
                        rows = log.export(query, format, sink);
                    }
                }
                err.println("exported " + rows + " events" + (out == null ? "" : " to " + out));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return 0;
        }
    }
}
