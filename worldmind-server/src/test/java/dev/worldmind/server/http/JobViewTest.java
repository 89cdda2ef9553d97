package dev.worldmind.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.jobs.Job;
import dev.worldmind.data.jobs.JobState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobViewTest {
    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    private static final Job JOB =
            new Job(
                    7,
                    "train",
                    "{\"dataset\":\"mnist\",\"epochs\":2}",
                    "Train on mnist",
                    null,
                    1,
                    JobState.RUNNING,
                    0.5,
                    "epoch 1 of 2",
                    30L,
                    null,
                    null,
                    null,
                    1,
                    false,
                    "alice",
                    T,
                    T,
                    null,
                    T);

    @Test
    void writesTheJobsFieldsFlatWithItsSettingsAsAnObjectAndItsStateAsAWord() throws Exception {
        JsonNode n =
                Json.mapper().readTree(Json.write(JobView.of(JOB, true, List.of("started"), null)));

        assertThat(n.path("id").asLong()).isEqualTo(7);
        assertThat(n.path("kind").asText()).isEqualTo("train");
        assertThat(n.path("settings").isObject()).isTrue();
        assertThat(n.path("settings").path("epochs").asInt()).isEqualTo(2);
        assertThat(n.path("state").asText()).isEqualTo("running");
        assertThat(n.path("stage").asText()).isEqualTo("epoch 1 of 2");
        assertThat(n.path("requestedBy").asText()).isEqualTo("alice");
        assertThat(n.path("deduplicated").asBoolean()).isTrue();
        assertThat(n.path("log")).hasSize(1);
        assertThat(n.has("job")).isFalse();
    }

    @Test
    void readsBackWhatItWrites() throws Exception {
        JobView view = JobView.of(JOB, null, List.of("a", "b"), List.of(Map.of("series", "loss")));

        // as the CLI reads a running server's answer: parsed, then converted
        JsonNode answer = Json.mapper().readTree(Json.write(view));
        JobView back = Json.mapper().convertValue(answer, JobView.class);

        assertThat(back).isEqualTo(view);
    }
}
