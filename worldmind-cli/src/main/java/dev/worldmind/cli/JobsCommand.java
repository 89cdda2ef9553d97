package dev.worldmind.cli;

import dev.worldmind.app.job.JobSettings;
import dev.worldmind.data.jobs.Job;
import dev.worldmind.data.jobs.JobState;
import dev.worldmind.server.http.JobView;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code worldmind jobs}: the background jobs of the running server, or of the home. */
@Command(
        name = "jobs",
        mixinStandardHelpOptions = true,
        description =
                "List, show, queue, cancel and retry background jobs (training, evaluation, export,"
                        + " quantize, prune, gan, rl, language). Talks to the running server of the home when"
                        + " there is one, else changes the home's database (the next start runs the queue).",
        subcommands = {
            JobsCommand.ListJobs.class,
            JobsCommand.Show.class,
            JobsCommand.Cancel.class,
            JobsCommand.Retry.class,
            JobsCommand.Submit.class
        })
final class JobsCommand {
    private JobsCommand() {}

    abstract static class Base extends HomeCommand {

        @Mixin ServerOptions serverOptions;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (JobsAccess access = JobsAccess.open(homeOption.home(), serverOptions)) {
                run(out, access);
            }
            return 0;
        }

        abstract void run(PrintWriter out, JobsAccess access);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the newest jobs.")
    static final class ListJobs extends Base {
        @Option(names = "--limit", defaultValue = "30", description = "How many (default 30).")
        int limit;

        @Override
        void run(PrintWriter out, JobsAccess access) {
            out.println(access.where());
            List<JobView> jobs = access.list(Math.max(1, Math.min(500, limit)));
            if (jobs.isEmpty()) {
                out.println("no jobs");
            }
            for (JobView j : jobs) {
                line(out, j);
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One job with its log.")
    static final class Show extends Base {
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        void run(PrintWriter out, JobsAccess access) {
            JobView j = access.show(id);
            line(out, j);
            out.println("  settings: " + JobSettings.parse(j.job().settings()).asMap());
            if (j.log() != null) {
                j.log().forEach(l -> out.println("  | " + l));
            }
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a job.")
    static final class Cancel extends Base {
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        void run(PrintWriter out, JobsAccess access) {
            line(out, access.cancel(id));
        }
    }

    @Command(
            name = "retry",
            mixinStandardHelpOptions = true,
            description = "Queue a failed, cancelled or blocked job again.")
    static final class Retry extends Base {
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        void run(PrintWriter out, JobsAccess access) {
            line(out, access.retry(id));
        }
    }

    @Command(
            name = "submit",
            mixinStandardHelpOptions = true,
            description = {
                "Queue a job: KIND then settings as name=value, e.g.",
                "  worldmind jobs submit train dataset=mnist epochs=1",
                "  worldmind jobs submit export model=keras-cnn:1"
            })
    static final class Submit extends Base {
        @Parameters(index = "0", paramLabel = "KIND")
        String kind;

        @Parameters(index = "1..*", paramLabel = "NAME=VALUE")
        List<String> settings = List.of();

        @Override
        void run(PrintWriter out, JobsAccess access) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (String s : settings) {
                int eq = s.indexOf('=');
                if (eq < 1) {
                    throw new picocli.CommandLine.ParameterException(
                            spec.commandLine(), "a setting is NAME=VALUE, not '" + s + "'");
                }
                if (map.put(s.substring(0, eq), value(s.substring(eq + 1))) != null) {
                    throw new picocli.CommandLine.ParameterException(
                            spec.commandLine(),
                            "setting " + s.substring(0, eq) + " is given twice");
                }
            }
            JobView j = access.submit(kind, map);
            out.println(Boolean.TRUE.equals(j.deduplicated()) ? "already queued:" : "queued:");
            line(out, j);
        }

        private static Object value(String v) {
            if (v.equals("true") || v.equals("false")) {
                return Boolean.parseBoolean(v);
            }
            try {
                return v.contains(".")
                        ? (Object) Double.parseDouble(v)
                        : (Object) Long.parseLong(v);
            } catch (NumberFormatException e) {
                return v;
            }
        }
    }

    static void line(PrintWriter out, JobView view) {
        Job j = view.job();
        out.printf(
                Locale.ROOT,
                "#%-4d %-9s %3.0f%%  %s%s%s%n",
                j.id(),
                j.state().id(),
                j.progress() * 100,
                j.title(),
                j.stage() != null && j.state() == JobState.RUNNING ? " [" + j.stage() + "]" : "",
                j.output() != null ? " -> " + j.output() : "");
        if (j.problem() != null && j.state() != JobState.DONE) {
            out.println("      problem: " + j.problem());
        }
        if (j.fix() != null) {
            out.println("      fix: " + j.fix());
        }
    }
}
