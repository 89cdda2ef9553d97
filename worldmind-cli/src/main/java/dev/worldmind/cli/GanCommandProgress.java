package dev.worldmind.cli;

import dev.worldmind.model.generate.GanEpoch;
import dev.worldmind.model.generate.GanListener;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows GAN training in the terminal: a progress bar per epoch (batches) and a line per epoch with
 * both losses, images per second and FID. Without a terminal only the lines are printed.
 */
final class GanCommandProgress implements GanListener {
    private final PrintWriter out;
    private final boolean interactive;
    private final int epochs;
    private ProgressBar bar;

    GanCommandProgress(PrintWriter out, int epochs) {
        this.out = out;
        this.interactive = System.console() != null;
        this.epochs = epochs;
    }

    @Override
    public void onBatch(int epoch, int batch, int batches) {
        if (!interactive) {
            return;
        }
        if (bar == null) {
            bar =
                    new ProgressBarBuilder()
                            .setTaskName(
                                    String.format(Locale.ROOT, "GAN epoch %d/%d", epoch, epochs))
                            .setInitialMax(batches)
                            .setUnit(" batches", 1)
                            .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                            .setUpdateIntervalMillis(200)
                            .setConsumer(new ConsoleProgressBarConsumer(System.err))
                            .continuousUpdate()
                            .build();
        }
        bar.stepTo(batch);
        if (batch == batches) {
            bar.setExtraMessage(" measuring FID");
        }
    }

    @Override
    public void onEpoch(GanEpoch e) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        out.printf(
                Locale.ROOT,
                "epoch %d: D loss %.4f, G loss %.4f | %.1f s, %,.0f img/s | FID %.2f%n",
                e.epoch(),
                e.discriminatorLoss(),
                e.generatorLoss(),
                e.seconds(),
                e.imagesPerSecond(),
                e.score());
        out.flush();
    }
}
