package dev.worldmind.app.job;

import dev.worldmind.data.jobs.Job;
import dev.worldmind.data.jobs.JobPoint;

/** Hears the runner's jobs change, e.g. to push them to browsers. Called on the runner's thread. */
public interface JobListener {
    /**
     * A job changed (state, progress, output).
     *
     * @param job the job as it is now
     */
    default void changed(Job job) {}

    /**
     * A job's curve gained a point.
     *
     * @param jobId the job
     * @param point the point
     */
    default void point(long jobId, JobPoint point) {}

    /** A listener that hears nothing. */
    JobListener NONE = new JobListener() {};
}
