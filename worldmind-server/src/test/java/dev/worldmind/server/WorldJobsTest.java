package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.data.jobs.Job;
import dev.worldmind.data.jobs.JobState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What visitors are told while a feature's job is queued, running or blocked. */
class WorldJobsTest {
    private static Job job(JobState state, String stage, Long eta) {
        Instant t = Instant.parse("2026-12-07T10:00:00Z");
        return new Job(
                6,
                "train",
                "{}",
                "fashion-cnn",
                WorldJobs.GARMENTS,
                50,
                state,
                0.3,
                stage,
                eta,
                null,
                null,
                null,
                1,
                false,
                "start",
                t,
                null,
                null,
                t);
    }

    @Test
    void saysWhatTheFeatureIsDoingInVisitorsWords() {
        assertThat(
                        WorldJobs.describe(
                                job(JobState.RUNNING, "epoch 4 of 12 (35 %)", 540L),
                                "the fitting room",
                                "learning garments"))
                .isEqualTo(
                        "the fitting room is learning garments: epoch 4 of 12 (35 %), about 9"
                                + " minutes to go");
        assertThat(
                        WorldJobs.describe(
                                job(JobState.RUNNING, null, 20L),
                                "the fitting room",
                                "learning garments"))
                .isEqualTo("the fitting room is learning garments, less than a minute to go");
        assertThat(
                        WorldJobs.describe(
                                job(JobState.QUEUED, null, null),
                                "the fitting room",
                                "learning garments"))
                .isEqualTo(
                        "the fitting room starts learning garments soon (a background job is queued)");
        assertThat(
                        WorldJobs.describe(
                                job(JobState.BLOCKED, null, null),
                                "the fitting room",
                                "learning garments"))
                .isEqualTo(
                        "the fitting room is waiting to start learning garments (the Studio says why)")
                .doesNotContain("apt-get", "./worldmind");
    }
}
