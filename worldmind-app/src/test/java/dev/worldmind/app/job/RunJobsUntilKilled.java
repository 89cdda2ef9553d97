package dev.worldmind.app.job;

import dev.worldmind.core.WorldmindHome;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.DatabaseConfig;
import dev.worldmind.testing.ChildJvm;
import java.nio.file.Path;

/**
 * The child process of {@link JobRunnerIT}: queues a training job and runs the queue, printing
 * {@code epoch N done} after each epoch's checkpoint, until the test kills it with SIGKILL.
 */
public final class RunJobsUntilKilled {
    private RunJobsUntilKilled() {}

    /**
     * Runs.
     *
     * @param args unused; the database and home come from the environment
     */
    public static void main(String[] args) {
        DatabaseConfig config = ChildJvm.database();
        WorldmindHome home = new WorldmindHome(Path.of(System.getenv("WM_HOME")));
        home.configureEngine();
        try (Database db = Database.open(config)) {
            JobQueue queue = new JobQueue(db, home, JobKinds.installed());
            queue.submit("train", JobRunnerIT.SETTINGS, "test");
            System.out.println("queued");
            System.out.flush();
            // Printed when an epoch is done: its checkpoint is written before its points.
            JobListener listener =
                    new JobListener() {
                        @Override
                        public void point(long jobId, dev.worldmind.data.jobs.JobPoint p) {
                            if (p.series().equals("validationAccuracy")) {
                                System.out.println("epoch " + (int) p.x() + " done");
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
