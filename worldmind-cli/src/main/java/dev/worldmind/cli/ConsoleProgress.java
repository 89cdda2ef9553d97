package dev.worldmind.cli;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.model.train.EpochStats;
import dev.worldmind.model.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows long work in the terminal: messages, and a progress bar per training epoch with loss,
 * accuracy, images per second and ETA, and a summary line per epoch. Without a terminal (CI logs,
 * pipes) it prints only the summary lines.
 */
final class ConsoleProgress implements ProgressMonitor, TrainingListener {
    private final PrintWriter out;
    private final boolean interactive;
    private ProgressBar bar;

    ConsoleProgress(PrintWriter out) {
        this(out, System.console() != null);
    }

    ConsoleProgress(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void info(String message) {
        out.println(message);
    }

    @Override
    public void resumed(int completedEpochs) {
        out.println("resuming from the checkpoint after epoch " + completedEpochs);
    }

    @Override
    public void epochStarted(int epoch, int epochs, int images) {
        if (interactive) {
            bar = newBar(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs), images, "img");
        }
    }

    @Override
    public void batchFinished(int imagesDone, double loss, double accuracy, double perSecond) {
        if (bar != null) {
            bar.stepTo(imagesDone);
            bar.setExtraMessage(
                    String.format(
                            Locale.ROOT,
                            " loss %.3f acc %.1f%% %,.0f img/s",
                            loss,
                            accuracy * 100,
                            perSecond));
        }
    }

    @Override
    public void epochFinished(EpochStats s) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        String validation =
                Double.isNaN(s.validationAccuracy())
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                " | validation loss %.4f acc %.2f%%",
                                s.validationLoss(),
                                s.validationAccuracy() * 100);
        out.printf(
                Locale.ROOT,
                "epoch %d: loss %.4f acc %.2f%%%s | lr %.2e | %.1f s, %,.0f img/s%n",
                s.epoch(),
                s.trainLoss(),
                s.trainAccuracy() * 100,
                validation,
                s.learningRate(),
                s.trainSeconds(),
                s.imagesPerSecond());
        out.flush();
    }

    @Override
    public void stoppedEarly(int epoch, int bestEpoch) {
        out.printf(
                Locale.ROOT,
                "early stop after epoch %d: no better validation accuracy since epoch %d%n",
                epoch,
                bestEpoch);
    }

    private ProgressBar newBar(String name, long total, String unit) {
        return new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .continuousUpdate()
                .build();
    }
}
