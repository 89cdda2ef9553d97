package dev.worldmind.cli;

import dev.worldmind.app.job.JobKinds;
import dev.worldmind.app.job.JobQueue;
import dev.worldmind.app.job.JobRunner;
import dev.worldmind.app.job.StartJobs;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.jobs.Job;
import dev.worldmind.data.jobs.JobStore;
import dev.worldmind.server.config.ServerConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** What {@code worldmind start} does with the models beside the default one. */
final class BackgroundJobs {
    private BackgroundJobs() {}

    /** Prints what start queued: each job, and the fix for a blocked one. */
    static void printQueued(PrintWriter out, List<JobStore.Enqueued> queued) {
        if (queued.isEmpty()) {
            out.println("Every model the world uses is registered.");
            return;
        }
        out.println("Background jobs (the world opens now; features appear as their models land):");
        for (JobStore.Enqueued e : queued) {
            Job j = e.job();
            printJob(out, j, j.feature() == null ? "" : " (for " + j.feature() + ")");
        }
    }

    /** One job's line, {@code after} its title, and its fix if it has one. */
    private static void printJob(PrintWriter out, Job j, String after) {
        out.printf(Locale.ROOT, "  #%-4d %-9s %s%s%n", j.id(), j.state().id(), j.title(), after);
        if (j.fix() != null) {
            out.println("        fix: " + j.fix());
        }
    }

    /** {@code start --no-server}: queues the missing models' jobs and runs them here. */
    static int runInForeground(PrintWriter out, ServerOptions options, WorldmindHome home) {
        ServerConfig config = options.serverConfig(home);
        try (Database db = Database.open(ServerOptions.databaseConfig(config, home))) {
            JobQueue queue = new JobQueue(db, home, JobKinds.installed());
            List<JobStore.Enqueued> queued = StartJobs.queueMissing(queue);
            printQueued(out, queued);
            out.flush();
            ConsoleProgress progress = new ConsoleProgress(out);
            try (JobRunner runner =
                    new JobRunner(
                            queue,
                            options.jobsConfig(home)::threadsIdle,
                            new dev.worldmind.app.job.JobListener() {
                                @Override
                                public void changed(Job job) {
                                    if (job.state().active()
                                            && job.state()
                                                    != dev.worldmind.data.jobs.JobState.RUNNING) {
                                        return;
                                    }
                                    progress.info(
                                            "job #"
                                                    + job.id()
                                                    + " "
                                                    + job.state().id()
                                                    + ": "
                                                    + job.title()
                                                    + (job.stage() == null
                                                            ? ""
                                                            : " (" + job.stage() + ")"));
                                }
                            })) {
                runner.runUntilIdle();
            }
            int failed = 0;
            for (JobStore.Enqueued e : queued) {
                Job j = queue.find(e.job().id()).orElseThrow();
                printJob(
                        out,
                        j,
                        j.output() != null
                                ? " -> " + j.output()
                                : j.problem() != null ? ": " + j.problem() : "");
                if (j.state() == dev.worldmind.data.jobs.JobState.FAILED) {
                    failed++;
                }
            }
            return failed == 0 ? 0 : 1;
        }
    }
}
