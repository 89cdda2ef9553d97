package dev.worldmind.cli;

import dev.worldmind.model.reinforce.EvaluationReport;
import dev.worldmind.model.reinforce.LearningListener;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a training run in the terminal: a progress bar over environment steps with the recent
 * reward and speed, and a line per evaluation. Without a terminal only the evaluation lines.
 */
final class ConsoleLearning implements LearningListener {
    private final PrintWriter out;
    private final boolean interactive;
    private ProgressBar bar;

    ConsoleLearning(PrintWriter out) {
        this.out = out;
        this.interactive = System.console() != null;
    }

    @Override
    public void started(String algorithm, String environment, long totalSteps) {
        out.printf(
                Locale.ROOT,
                "training %s on %s for %,d steps%n",
                algorithm,
                environment,
                totalSteps);
        out.flush();
        if (interactive) {
            bar =
                    new ProgressBarBuilder()
                            .setTaskName(algorithm)
                            .setInitialMax(totalSteps)
                            .setUnit(" steps", 1)
                            .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                            .setUpdateIntervalMillis(250)
                            .setConsumer(new ConsoleProgressBarConsumer(System.err))
                            .build();
        }
    }

    @Override
    public void progress(long steps, double recentReward, double stepsPerSecond) {
        if (bar != null) {
            bar.stepTo(Math.min(steps, bar.getMax()));
            bar.setExtraMessage(
                    String.format(
                            Locale.ROOT,
                            " reward %.1f, %,.0f steps/s",
                            recentReward,
                            stepsPerSecond));
            if (steps >= bar.getMax()) {
                bar.close();
                bar = null;
            }
        }
    }

    @Override
    public void evaluated(long steps, EvaluationReport report, boolean best) {
        String line =
                String.format(
                        Locale.ROOT,
                        "step %,d: evaluation %s%s",
                        steps,
                        report.summary(),
                        best ? " (best so far)" : "");
        if (bar != null) {
            // keep the bar intact: the line goes above it
            System.err.print("\r\033[2K");
        }
        out.println(line);
        out.flush();
    }
}
