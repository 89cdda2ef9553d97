package dev.worldmind.app.job;

import dev.worldmind.model.generate.GanEpoch;
import dev.worldmind.model.generate.GanListener;
import dev.worldmind.model.reinforce.EvaluationReport;
import dev.worldmind.model.reinforce.LearningListener;
import dev.worldmind.model.train.EpochStats;
import dev.worldmind.model.train.TrainingListener;
import java.util.Locale;

/**
 * Turns the model layer's training listeners into a job's progress, log and curves, and gives the
 * job a chance to be cancelled after every batch or step report.
 */
public final class JobProgress {
    /** Training-batch points per epoch on the loss and accuracy curves. */
    static final int POINTS_PER_EPOCH = 20;

    private JobProgress() {}

    /**
     * Follows an image classifier's training.
     *
     * @param ctx the job
     * @return the listener
     */
    public static TrainingListener training(JobContext ctx) {
        ctx.usesEngine();
        return new TrainingListener() {
            private int epoch;
            private int epochs;
            private int images;
            private int nextPoint;

            @Override
            public void epochStarted(int e, int total, int n) {
                epoch = e;
                epochs = total;
                images = n;
                nextPoint = 1;
                ctx.progress((e - 1) / (double) total, stage(0));
            }

            @Override
            public void batchFinished(int done, double loss, double accuracy, double perSecond) {
                ctx.checkpoint();
                double within = images == 0 ? 0 : done / (double) images;
                if (within * POINTS_PER_EPOCH >= nextPoint) {
                    nextPoint = (int) Math.floor(within * POINTS_PER_EPOCH) + 1;
                    double x = epoch - 1 + within;
                    ctx.point("loss", x, loss);
                    ctx.point("accuracy", x, accuracy);
                }
                ctx.progress((epoch - 1 + within) / Math.max(1, epochs), stage(within));
            }

            @Override
            public void epochFinished(EpochStats s) {
                ctx.point("validationLoss", s.epoch(), s.validationLoss());
                ctx.point("validationAccuracy", s.epoch(), s.validationAccuracy());
                ctx.info(
                        String.format(
                                Locale.ROOT,
                                "epoch %d/%d: loss %.4f, accuracy %.4f, validation loss %.4f,"
                                        + " validation accuracy %.4f, %.0f images/s, %.0f s",
                                s.epoch(),
                                epochs,
                                s.trainLoss(),
                                s.trainAccuracy(),
                                s.validationLoss(),
                                s.validationAccuracy(),
                                s.imagesPerSecond(),
                                s.trainSeconds()));
            }

            @Override
            public void resumed(int completed) {
                ctx.info("resuming from the checkpoint after epoch " + completed);
            }

            @Override
            public void stoppedEarly(int last, int best) {
                ctx.info("stopped early after epoch " + last + "; keeping epoch " + best);
            }

            private String stage(double within) {
                return String.format(
                        Locale.ROOT, "epoch %d of %d (%.0f %%)", epoch, epochs, within * 100);
            }
        };
    }

    /**
     * Follows a reinforcement-learning run.
     *
     * @param ctx the job
     * @return the listener
     */
    public static LearningListener learning(JobContext ctx) {
        ctx.usesEngine();
        return new LearningListener() {
            private long total = 1;
            private long nextPoint;

            @Override
            public void started(String algorithm, String environment, long totalSteps) {
                total = Math.max(1, totalSteps);
                nextPoint = total / 100;
                ctx.info(algorithm + " on " + environment + ", " + totalSteps + " steps");
            }

            @Override
            public void progress(long steps, double reward, double perSecond) {
                ctx.checkpoint();
                if (steps >= nextPoint && Double.isFinite(reward)) {
                    nextPoint = steps + total / 100;
                    ctx.point("reward", steps, reward);
                }
                ctx.progress(
                        steps / (double) total,
                        String.format(
                                Locale.ROOT,
                                "step %,d of %,d (%.0f steps/s)",
                                steps,
                                total,
                                perSecond));
            }

            @Override
            public void evaluated(long steps, EvaluationReport report, boolean best) {
                ctx.point("evaluationReward", steps, report.meanReward());
                ctx.info("at step " + steps + ": " + report + (best ? " (best so far)" : ""));
            }
        };
    }

    /**
     * Follows a GAN's training.
     *
     * @param ctx the job
     * @param epochs the planned epochs
     * @return the listener
     */
    public static GanListener gan(JobContext ctx, int epochs) {
        ctx.usesEngine();
        return new GanListener() {
            @Override
            public void onBatch(int epoch, int batch, int batches) {
                ctx.checkpoint();
                double within = batches == 0 ? 0 : batch / (double) batches;
                ctx.progress(
                        (epoch - 1 + within) / Math.max(1, epochs),
                        String.format(
                                Locale.ROOT,
                                "epoch %d of %d (%.0f %%)",
                                epoch,
                                epochs,
                                within * 100));
            }

            @Override
            public void onEpoch(GanEpoch s) {
                ctx.point("discriminatorLoss", s.epoch(), s.discriminatorLoss());
                ctx.point("generatorLoss", s.epoch(), s.generatorLoss());
                if (Double.isFinite(s.score())) {
                    ctx.point("fid", s.epoch(), s.score());
                }
                ctx.info(
                        String.format(
                                Locale.ROOT,
                                "epoch %d/%d: D loss %.4f, G loss %.4f, FID %.2f, %.0f s",
                                s.epoch(),
                                epochs,
                                s.discriminatorLoss(),
                                s.generatorLoss(),
                                s.score(),
                                s.seconds()));
            }
        };
    }
}
