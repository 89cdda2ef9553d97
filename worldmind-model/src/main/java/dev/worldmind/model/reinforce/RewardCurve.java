package dev.worldmind.model.reinforce;

import dev.worldmind.core.WorldmindException;
import java.awt.Color;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes a run's rewards: every training episode and every evaluation as CSV ({@code
 * kind,step,reward,std,length_or_success}), and a chart of training rewards (with a moving mean)
 * and evaluation means against environment steps.
 */
final class RewardCurve {
    private RewardCurve() {}

    static void write(
            Path csv, Path png, String title, List<double[]> episodes, List<double[]> evaluations) {
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("kind,step,reward,std,length_or_success\n");
            for (double[] e : episodes) {
                out.write(
                        String.format(
                                Locale.ROOT,
                                "episode,%d,%.4f,,%d%n",
                                (long) e[0],
                                e[1],
                                (long) e[2]));
            }
            for (double[] e : evaluations) {
                out.write(
                        String.format(
                                Locale.ROOT,
                                "evaluation,%d,%.4f,%.4f,%.4f%n",
                                (long) e[0],
                                e[1],
                                e[2],
                                e[3]));
            }
        } catch (IOException e) {
            throw new WorldmindException("cannot write " + csv + ": " + e, e);
        }
        XYChart chart =
                new XYChartBuilder()
                        .width(800)
                        .height(480)
                        .title(title + ": reward per episode")
                        .xAxisTitle("environment steps")
                        .yAxisTitle("episode reward")
                        .build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        if (!episodes.isEmpty()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> mean = new ArrayList<>();
            double window = 0;
            int w = 20;
            for (int i = 0; i < episodes.size(); i++) {
                x.add(episodes.get(i)[0]);
                y.add(episodes.get(i)[1]);
                window += episodes.get(i)[1];
                if (i >= w) {
                    window -= episodes.get(i - w)[1];
                }
                mean.add(window / Math.min(i + 1, w));
            }
            XYSeries raw = chart.addSeries("training episodes", x, y);
            raw.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            raw.setMarker(SeriesMarkers.CIRCLE);
            raw.setMarkerColor(new Color(0x99, 0xbb, 0xdd, 0x80));
            chart.addSeries("training, mean of last " + w, x, mean)
                    .setMarker(SeriesMarkers.NONE)
                    .setLineColor(new Color(0x1f, 0x5f, 0xa0));
        }
        if (!evaluations.isEmpty()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            for (double[] e : evaluations) {
                x.add(e[0]);
                y.add(e[1]);
                err.add(e[2]);
            }
            XYSeries eval = chart.addSeries("evaluation (deterministic), mean ± std", x, y, err);
            eval.setMarker(SeriesMarkers.DIAMOND);
            eval.setLineColor(new Color(0xd0, 0x50, 0x20));
            eval.setMarkerColor(new Color(0xd0, 0x50, 0x20));
        }
        try {
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new WorldmindException("cannot write " + png + ": " + e, e);
        }
    }
}
