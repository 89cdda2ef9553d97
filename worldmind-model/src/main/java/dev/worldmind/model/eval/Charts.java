package dev.worldmind.model.eval;

import dev.worldmind.core.WorldmindException;
import dev.worldmind.model.train.EpochStats;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws training curves, confusion matrices and comparisons as PNG files with XChart. */
public final class Charts {
    private Charts() {}

    /**
     * Draws loss and accuracy per epoch, training against validation, side by side in one PNG
     * (written as two files: {@code <name>-loss.png} and {@code <name>-accuracy.png}).
     *
     * @param title the model's name, for the titles
     * @param history the epochs
     * @param dir the folder
     * @return the two files
     */
    public static List<Path> trainingCurves(String title, List<EpochStats> history, Path dir) {
        List<Double> epochs = new ArrayList<>();
        List<Double> trainLoss = new ArrayList<>();
        List<Double> valLoss = new ArrayList<>();
        List<Double> trainAcc = new ArrayList<>();
        List<Double> valAcc = new ArrayList<>();
        for (EpochStats s : history) {
            epochs.add((double) s.epoch());
            trainLoss.add(s.trainLoss());
            valLoss.add(s.validationLoss());
            trainAcc.add(s.trainAccuracy() * 100);
            valAcc.add(s.validationAccuracy() * 100);
        }
        XYChart loss = curve(title + ": loss per epoch", "loss");
        loss.addSeries("training", epochs, trainLoss).setMarker(SeriesMarkers.CIRCLE);
        if (valLoss.stream().noneMatch(v -> v.isNaN())) {
            loss.addSeries("validation", epochs, valLoss).setMarker(SeriesMarkers.DIAMOND);
        }
        XYChart acc = curve(title + ": accuracy per epoch", "accuracy (%)");
        acc.addSeries("training", epochs, trainAcc).setMarker(SeriesMarkers.CIRCLE);
        if (valAcc.stream().noneMatch(v -> v.isNaN())) {
            acc.addSeries("validation", epochs, valAcc).setMarker(SeriesMarkers.DIAMOND);
        }
        Path lossFile = dir.resolve("training-loss.png");
        Path accFile = dir.resolve("training-accuracy.png");
        save(loss, lossFile);
        save(acc, accFile);
        return List.of(lossFile, accFile);
    }

    /**
     * Draws a confusion matrix as a heat map with counts.
     *
     * @param title the model's name, for the title
     * @param report the evaluation
     * @param file the PNG file
     * @return the file
     */
    public static Path confusionMatrix(String title, ClassificationReport report, Path file) {
        int[][] m = report.confusion();
        int k = m.length;
        List<String> labels = report.perClass().stream().map(ClassMetrics::label).toList();
        HeatMapChart chart =
                new HeatMapChartBuilder()
                        .width(140 + 60 * k)
                        .height(120 + 50 * k)
                        .title(title + ": confusion matrix (test set)")
                        .xAxisTitle("predicted")
                        .yAxisTitle("true")
                        .build();
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                cells.add(new Number[] {p, k - 1 - t, m[t][p]});
            }
        }
        List<String> reversed = new ArrayList<>(labels);
        java.util.Collections.reverse(reversed);
        chart.addSeries("count", labels, reversed, cells);
        chart.getStyler().setShowValue(true);
        // Mistakes are few: a pale first step keeps small counts visible beside the diagonal.
        chart.getStyler()
                .setRangeColors(
                        new Color[] {
                            Color.WHITE,
                            new Color(0xfdd0a2),
                            new Color(0x6baed6),
                            new Color(0x08306b)
                        });
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setLegendVisible(false);
        save(chart, file);
        return file;
    }

    /**
     * Draws one bar per label, e.g. each algorithm's NDCG@10, with its value written on it.
     *
     * @param title the chart's title
     * @param yTitle what the bars measure
     * @param labels one per bar
     * @param values one per bar
     * @param file the PNG file
     * @return the file
     */
    public static Path bars(
            String title, String yTitle, List<String> labels, List<Double> values, Path file) {
        CategoryChart chart =
                new CategoryChartBuilder()
                        .width(Math.max(480, 110 * labels.size()))
                        .height(360)
                        .title(title)
                        .yAxisTitle(yTitle)
                        .build();
        chart.addSeries(yTitle, labels, values);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setDecimalPattern("0.000");
        save(chart, file);
        return file;
    }

    private static XYChart curve(String title, String yTitle) {
        XYChart chart =
                new XYChartBuilder()
                        .width(720)
                        .height(420)
                        .title(title)
                        .xAxisTitle("epoch")
                        .yAxisTitle(yTitle)
                        .build();
        chart.getStyler().setDecimalPattern("#.###");
        return chart;
    }

    private static void save(Chart<?, ?> chart, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapFormat.PNG);
        } catch (IOException e) {
            throw new WorldmindException("cannot write chart " + file + ": " + e, e);
        }
    }
}
