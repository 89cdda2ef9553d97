package dev.worldmind.app.job;

import dev.worldmind.core.WorldmindHome;
import java.util.Optional;

/**
 * A kind of background job, e.g. {@code train}. Kinds are found with {@link
 * java.util.ServiceLoader}: a new kind is one class and one line in {@code
 * META-INF/services/dev.worldmind.app.job.JobKind}. Implementations are stateless.
 */
public interface JobKind {
    /** Its name in the API and the CLI, a short lowercase word. */
    String id();

    /** One line that says what it does and which settings it takes. */
    String describe();

    /**
     * Checks and completes the settings of a requested job.
     *
     * @param settings what was asked for
     * @param home the Worldmind home (to check that named models exist)
     * @return the job to queue
     * @throws dev.worldmind.core.InvalidDataException naming the bad setting
     */
    JobPlan plan(JobSettings settings, WorldmindHome home);

    /**
     * Says what the job waits for that a person must provide (e.g. a dataset package), if anything.
     * Called before each run and while the job is blocked; must be cheap.
     *
     * @param settings the planned settings
     * @param home the Worldmind home
     * @return what blocks it, or empty when it can run
     */
    default Optional<Blocker> blocker(JobSettings settings, WorldmindHome home) {
        return Optional.empty();
    }

    /**
     * Whether the job has nothing to do because what it would make is there already (only jobs with
     * {@code ifMissing} can be satisfied). {@code worldmind start} queues only unsatisfied jobs.
     *
     * @param settings the planned settings
     * @param home the Worldmind home
     * @return the existing output, e.g. {@code spam-filter:1}, or empty
     */
    default Optional<String> satisfied(JobSettings settings, WorldmindHome home) {
        return Optional.empty();
    }

    /**
     * Does the work on the calling thread, reporting through the context and calling {@link
     * JobContext#checkpoint()} often enough to be cancelled within seconds.
     *
     * @param context the job's settings, home and reporting
     * @return what it produced, e.g. the registered model {@code fashion-cnn:1}
     */
    String run(JobContext context);
}
