package dev.worldmind.cli;

import dev.worldmind.server.load.LoadOptions;
import dev.worldmind.server.load.LoadReport;
import dev.worldmind.server.load.LoadTest;
import dev.worldmind.server.load.TalkLoadTest;
import dev.worldmind.server.load.TalkOptions;
import dev.worldmind.server.load.TalkReport;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
            "Bounded: at most 5,000 clients and 10 minutes per run; it stops by itself.",
            "With --talk (needs --url): visitors spread over the five characters' spaces walk up to",
            "their character and ask it a question every --talk-interval seconds (jittered, one at",
            "a time); reported per character: talk -> first talk_token and talk -> talk_end latency."
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

    @Option(
            names = "--talk",
            description = "Talk to the AI characters instead of walking (needs --url).")
    boolean talk;

    @Option(
            names = "--talk-interval",
            defaultValue = "5",
            description =
                    "With --talk: mean seconds between one visitor's questions, at least 2"
                            + " (default ${DEFAULT-VALUE}).")
    double talkInterval;

    @Option(
            names = "--warmup",
            defaultValue = "10",
            description =
                    "With --talk: seconds of unrecorded talk first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--reply-timeout",
            defaultValue = "30",
            description =
                    "With --talk: seconds after which a reply counts as a timeout (default ${DEFAULT-VALUE}).")
    int replyTimeout;

    @Option(
            names = "--show-replies",
            description = "With --talk: print the first reply to each question asked.")
    boolean showReplies;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description =
                    "With --talk: seed of question order and timing (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (talk) {
            return talk(out);
        }
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

    private int talk(PrintWriter out) {
        ConsoleProgress progress = new ConsoleProgress(out);
        if (url == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--talk needs a running server: --url http://HOST:PORT (and"
                            + " WORLDMIND_ADMIN_PASSWORD for --admin-user)");
        }
        String password = System.getenv("WORLDMIND_ADMIN_PASSWORD");
        if (password == null || password.isBlank()) {
            throw new ParameterException(
                    spec.commandLine(), "set WORLDMIND_ADMIN_PASSWORD to the admin's password");
        }
        for (int n : clients) {
            TalkOptions options =
                    new TalkOptions(
                            url,
                            adminUser,
                            password,
                            n,
                            Duration.ofMillis(Math.round(talkInterval * 1000)),
                            Duration.ofSeconds(warmup),
                            Duration.ofSeconds(seconds),
                            Duration.ofSeconds(replyTimeout),
                            seed);
            out.printf(
                    "== %d talking visitors, a question every %.1f s each (jittered), %d s"
                            + " recorded ==%n",
                    n, talkInterval, seconds);
            out.flush();
            TalkReport report = new TalkLoadTest(options, progress).run();
            TalkTable.print(out, report);
            if (showReplies) {
                out.println("first reply to each question:");
                report.sampleReplies().forEach((q, a) -> out.println("  " + q + "\n    -> " + a));
            }
            out.flush();
        }
        return 0;
    }
}
