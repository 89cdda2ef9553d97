package dev.worldmind.app.job;

import dev.worldmind.core.WorldmindHome;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.DatabaseConfig;
import dev.worldmind.data.jobs.Job;
import java.nio.file.Path;

/**
 * The child process of {@link JobRunnerIT}: queues a training job and runs the queue, printing
 * {@code epoch N} when an epoch starts, until the test kills it with SIGKILL.
 */
public final class RunJobsUntilKilled {
    private RunJobsUntilKilled() {}

    /**
     * Runs.
     *
     * @param args unused; the database and home come from the environment
     */
    public static void main(String[] args) {
        DatabaseConfig config =
                DatabaseConfig.of(
                        System.getenv("WM_URL"),
                        System.getenv("WM_USER"),
                        System.getenv("WM_PASSWORD"));
        WorldmindHome home = new WorldmindHome(Path.of(System.getenv("WM_HOME")));
        home.configureEngine();
        try (Database db = Database.open(config)) {
            JobQueue queue = new JobQueue(db, home, JobKinds.installed());
            queue.submit("train", JobRunnerIT.SETTINGS, "test");
            System.out.println("queued");
            System.out.flush();
            JobListener listener =
                    new JobListener() {
                        @Override
                        public void changed(Job job) {
                            if (job.stage() != null && job.stage().startsWith("epoch ")) {
                                String[] words = job.stage().split(" ");
                                System.out.println(words[0] + " " + words[1]);
                                System.out.flush();
                            }
                        }
                    };
            try (JobRunner runner = new JobRunner(queue, () -> 1, listener)) {
                runner.runUntilIdle();
            }
        }
        System.out.println("finished");
    }
}
