package dev.worldmind.app.dataset;

import java.util.Objects;

/**
 * How Worldmind trains and judges a generator of a dataset's images.
 *
 * @param name the generator's registered name, e.g. {@code fashion-gan}
 * @param judge the classifier whose features FID uses, e.g. {@code fashion-cnn}
 * @param judgeCommand the command that trains the judge, for messages
 * @param job where the generator's training job stands in the queue
 */
public record GanDefaults(String name, String judge, String judgeCommand, JobPlacement job) {
    public GanDefaults {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(judgeCommand, "judgeCommand");
        Objects.requireNonNull(job, "job");
    }
}
