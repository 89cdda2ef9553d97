package dev.worldmind.cli;

import dev.worldmind.server.load.LoadOptions;
import dev.worldmind.server.load.LoadReport;
import dev.worldmind.server.load.LoadTest;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code worldmind loadtest}: simulated clients against a world server over loopback. */
@Command(
        name = "loadtest",
        mixinStandardHelpOptions = true,
        description = {
            "Measure how many simulated visitors the world server holds.",
            "Clients join a space and walk; reported: clients held, messages per second and the",
            "latency from a move to its arrival at observers (p50/p99).",
            "Without --url it starts a throw-away server in this process (temporary H2 database).",
            "Bounded: at most 5,000 clients and 10 minutes per run; it stops by itself."
        })
final class LoadtestCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--clients",
            split = ",",
            defaultValue = "100",
            description =
                    "Clients; a comma-separated list runs each in turn, e.g. 250,500,1000 (default ${DEFAULT-VALUE}).")
    List<Integer> clients;

    @Option(
            names = "--rate",
            defaultValue = "10",
            description = "Moves per second per client (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(
            names = "--duration",
            defaultValue = "20",
            description = "Seconds to measure per run (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--ramp-up",
            defaultValue = "10",
            description = "Seconds to connect the clients (default ${DEFAULT-VALUE}).")
    int rampUp;

    @Option(
            names = "--space",
            defaultValue = "plaza",
            description = "Space to join (default ${DEFAULT-VALUE}).")
    String space;

    @Option(
            names = "--url",
            description =
                    "A running server, e.g. http://localhost:8080 (needs --admin-user and WORLDMIND_ADMIN_PASSWORD).")
    URI url;

    @Option(
            names = "--admin-user",
            defaultValue = "admin",
            description = "Admin on --url (default ${DEFAULT-VALUE}).")
    String adminUser;

    @Option(
            names = "--target-p99",
            defaultValue = "100",
            description = "p99 goal in ms for the verdict (default ${DEFAULT-VALUE}).")
    double targetP99;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConsoleProgress progress = new ConsoleProgress(out);
        List<LoadReport> reports = new ArrayList<>();
        for (int n : clients) {
            LoadOptions options =
                    new LoadOptions(
                            url,
                            url == null ? null : adminUser,
                            url == null ? null : System.getenv("WORLDMIND_ADMIN_PASSWORD"),
                            n,
                            rate,
                            space,
                            Duration.ofSeconds(rampUp),
                            Duration.ofSeconds(seconds));
            out.println("== " + n + " clients at " + rate + " moves/s each ==");
            LoadReport report = new LoadTest(options, progress).run();
            out.println(report.summary());
            out.flush();
            reports.add(report);
        }
        out.println();
        out.printf(
                "%8s %8s %9s %12s %12s %9s %9s %9s  %s%n",
                "clients",
                "held",
                "instances",
                "moves/s",
                "arrivals/s",
                "p50 ms",
                "p99 ms",
                "max ms",
                "verdict");
        for (LoadReport r : reports) {
            boolean ok = r.clientsHeld() == r.clientsWanted() && r.p99Millis() < targetP99;
            out.printf(
                    "%8d %8d %9d %12.0f %12.0f %9.1f %9.1f %9.1f  %s%n",
                    r.clientsWanted(),
                    r.clientsHeld(),
                    r.instances(),
                    r.movesSentPerSecond(),
                    r.movesObservedPerSecond(),
                    r.p50Millis(),
                    r.p99Millis(),
                    r.maxMillis(),
                    ok ? "holds (p99 < " + (int) targetP99 + " ms)" : "misses");
        }
        return 0;
    }
}
