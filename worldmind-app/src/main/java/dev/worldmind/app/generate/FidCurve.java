package dev.worldmind.app.generate;

import dev.worldmind.core.WorldmindException;
import dev.worldmind.model.generate.GanEpoch;
import dev.worldmind.model.generate.GanHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Writes a run's FID per epoch as {@code fid.csv} and {@code fid.png}. Stateless. */
final class FidCurve {
    static final String CSV = "fid.csv";
    static final String PNG = "fid.png";

    private FidCurve() {}

    static void write(String title, GanHistory history, double realVsReal, Path dir) {
        StringBuilder csv =
                new StringBuilder(
                        "epoch,fid,discriminator_loss,generator_loss,images_per_second\n");
        List<Double> epochs = new ArrayList<>(List.of(0.0));
        List<Double> fids = new ArrayList<>(List.of(history.initialScore()));
        csv.append(String.format(Locale.ROOT, "0,%.4f,,,%n", history.initialScore()));
        for (GanEpoch e : history.epochs()) {
            csv.append(
                    String.format(
                            Locale.ROOT,
                            "%d,%.4f,%.5f,%.5f,%.1f%n",
                            e.epoch(),
                            e.score(),
                            e.discriminatorLoss(),
                            e.generatorLoss(),
                            e.imagesPerSecond()));
            epochs.add((double) e.epoch());
            fids.add(e.score());
        }
        XYChart chart =
                new XYChartBuilder()
                        .width(720)
                        .height(420)
                        .title(title + ": FID per epoch (epoch 0 = untrained)")
                        .xAxisTitle("epoch")
                        .yAxisTitle("FID (log scale)")
                        .build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.addSeries("generated vs real", epochs, fids).setMarker(SeriesMarkers.CIRCLE);
        List<Double> floor = new ArrayList<>();
        for (int i = 0; i < epochs.size(); i++) {
            floor.add(Math.max(realVsReal, 1e-3));
        }
        chart.addSeries("real vs real", epochs, floor).setMarker(SeriesMarkers.NONE);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(CSV), csv.toString());
            BitmapEncoder.saveBitmap(
                    chart, dir.resolve(PNG).toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new WorldmindException("cannot write the FID curve in " + dir + ": " + e, e);
        }
    }
}
