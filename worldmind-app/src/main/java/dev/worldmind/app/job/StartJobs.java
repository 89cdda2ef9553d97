package dev.worldmind.app.job;

import dev.worldmind.data.jobs.JobStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code worldmind start} queues in the background after the default model: every other model
 * the world uses, each only when it is missing, cheapest and most used first (the kinds' priorities
 * order them; the garment generator needs the garment classifier as its FID judge).
 */
public final class StartJobs {
    /** Who the API and the Studio say queued them. */
    public static final String REQUESTED_BY = "start";

    /**
     * The jobs, as kind and settings.
     *
     * @param kind the job kind
     * @param settings its settings
     */
    public record Item(String kind, Map<String, Object> settings) {}

    /** The default model of {@code worldmind start}, trained in the foreground before these. */
    public static final String DEFAULT_MODEL = "keras-cnn";

    private static final List<Item> ITEMS =
            List.of(
                    new Item("language", Map.of("model", "spam-filter", "ifMissing", true)),
                    new Item("language", Map.of("model", "sentiment", "ifMissing", true)),
                    new Item("export", Map.of("model", DEFAULT_MODEL, "ifMissing", true)),
                    new Item("rl", Map.of("ifMissing", true)),
                    new Item("gan", Map.of("dataset", "mnist", "ifMissing", true)),
                    new Item("train", Map.of("dataset", "fashion-mnist", "ifMissing", true)),
                    new Item("gan", Map.of("dataset", "fashion-mnist", "ifMissing", true)));

    private StartJobs() {}

    /** The jobs start considers. */
    public static List<Item> items() {
        return ITEMS;
    }

    /**
     * Queues the jobs whose models are missing (identical queued jobs are kept, not doubled).
     *
     * @param queue the queue
     * @return what was queued or was already waiting
     */
    public static List<JobStore.Enqueued> queueMissing(JobQueue queue) {
        List<JobStore.Enqueued> out = new ArrayList<>();
        for (Item item : ITEMS) {
            JobKind kind = queue.kinds().get(item.kind());
            JobPlan plan = kind.plan(JobSettings.of(item.settings()), queue.home());
            if (kind.satisfied(plan.settings(), queue.home()).isEmpty()) {
                out.add(queue.submit(item.kind(), item.settings(), REQUESTED_BY));
            }
        }
        return out;
    }
}
