package dev.worldmind.cli;

import dev.worldmind.server.load.TalkReport;
import java.io.PrintWriter;

/**
 * Prints a talk load test's figures as a table: one line per character and one for all, with a
 * fixed first word per line ({@code talk}) so that scripts can pick the rows out.
 */
final class TalkTable {
    private TalkTable() {}

    static void print(PrintWriter out, TalkReport r) {
        out.printf(
                "visitors talking %d/%d, recorded %.1f s%n",
                r.clientsTalking(), r.clientsWanted(), r.seconds());
        out.printf(
                "%-4s %-9s %6s %7s %6s %8s %8s | %-31s | %-31s%n",
                "", "", "", "", "", "", "", "talk -> first talk_token, ms", "talk -> talk_end, ms");
        out.printf(
                "%-4s %-9s %6s %7s %6s %8s %8s | %7s %7s %7s %7s | %7s %7s %7s %7s%n",
                "",
                "character",
                "asked",
                "replies",
                "errors",
                "timeouts",
                "withheld",
                "p50",
                "p90",
                "p99",
                "max",
                "p50",
                "p90",
                "p99",
                "max");
        for (TalkReport.Row row : r.rows()) {
            TalkReport.Latency f = row.firstToken();
            TalkReport.Latency e = row.end();
            out.printf(
                    "%-4s %-9s %6d %7d %6d %8d %8d | %7.1f %7.1f %7.1f %7.1f | %7.1f %7.1f %7.1f"
                            + " %7.1f%n",
                    "talk",
                    row.character(),
                    row.asked(),
                    row.replies(),
                    row.errors(),
                    row.timeouts(),
                    row.withheld(),
                    f.p50(),
                    f.p90(),
                    f.p99(),
                    f.max(),
                    e.p50(),
                    e.p90(),
                    e.p99(),
                    e.max());
        }
        out.println(
                "errors and problems: "
                        + (r.errorCodes().isEmpty() ? "none" : r.errorCodes().toString()));
    }
}
