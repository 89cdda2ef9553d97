package dev.worldmind.cli;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.data.image.DigitImages;
import dev.worldmind.model.explain.Explainer;
import dev.worldmind.model.explain.Explanation;
import dev.worldmind.model.explain.ExplanationImages;
import dev.worldmind.model.explain.ExplanationMethod;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.model.vision.ImageModel;
import dev.worldmind.model.vision.Prediction;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code worldmind predict}: classify pictures of handwritten digits. */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description =
                "Classify PNG or JPEG pictures of handwritten digits with a registered model (DJL or"
                        + " ONNX)."
                        + " Each picture is made like MNIST first: grayscale, light-on-dark, cropped, scaled to"
                        + " 20x20 and centred by mass in 28x28."
                        + " With --explain grad-cam|saliency, also writes a PNG of the explanation heatmap over"
                        + " the picture the model saw.")
final class PredictCommand extends HomeCommand {

    @Option(
            names = {"-m", "--model"},
            defaultValue = StartCommand.DEFAULT_MODEL,
            description = "name or name:version (default: ${DEFAULT-VALUE}, latest version).")
    String model;

    @Option(names = "--top", defaultValue = "3", description = "How many classes to show.")
    int top;

    @Option(
            names = "--save-preprocessed",
            paramLabel = "DIR",
            description = "Write the 28x28 images the model saw into this folder.")
    Path preprocessedDir;

    @Option(
            names = "--explain",
            paramLabel = "METHOD",
            description =
                    "Also explain each prediction: grad-cam or saliency (DJL models only), drawn"
                            + " over the picture as a PNG.")
    String explain;

    @Option(
            names = {"-o", "--overlay"},
            paramLabel = "FILE",
            description =
                    "Where to write the explanation PNG (default: <picture>-<method>.png in the"
                            + " current folder); with several pictures, each picture's name is"
                            + " added to it.")
    Path overlay;

    @Option(
            names = "--overlay-scale",
            defaultValue = "10",
            description = "Output pixels per model pixel in the PNG (default: ${DEFAULT-VALUE}).")
    int overlayScale;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Pictures to classify.")
    List<Path> images;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelRegistry registry = new ModelRegistry(homeOption.home().models());
        int failures = 0;
        ExplanationMethod method = explain == null ? null : ExplanationMethod.parse(explain);
        try (ImageModel classifier = registry.loadModel(model)) {
            if (method != null && !(classifier instanceof ImageClassifier)) {
                throw new InvalidDataException(
                        "--explain needs gradients, which only DJL models give; "
                                + model
                                + " runs on "
                                + classifier.getClass().getSimpleName());
            }
            for (Path image : images) {
                float[] pixels;
                try {
                    pixels = DigitImages.read(image);
                } catch (WorldmindException e) {
                    err.println("worldmind: error: " + e.getMessage());
                    failures++;
                    continue;
                }
                if (preprocessedDir != null) {
                    savePreview(pixels, image);
                }
                Prediction p = classifier.predict(pixels);
                out.printf(
                        Locale.ROOT,
                        "%s\t%s\t%.2f%%%s%n",
                        image,
                        p.label(),
                        p.probability() * 100,
                        alternatives(p, classifier.classes()));
                if (method != null) {
                    Explanation e =
                            Explainer.explain((ImageClassifier) classifier, pixels, method, -1);
                    Path file = overlayFile(image, method);
                    writeOverlay(file, ExplanationImages.overlayPng(pixels, e, overlayScale));
                    out.printf(
                            Locale.ROOT,
                            "%s\t%s of %s written to %s%n",
                            image,
                            method.id(),
                            e.className(),
                            file);
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private String alternatives(Prediction p, List<String> classes) {
        List<Integer> order =
                new ArrayList<>(
                        IntStream.range(0, classes.size())
                                .boxed()
                                .sorted(Comparator.comparingDouble(c -> -p.probabilities()[c]))
                                .toList());
        StringBuilder sb = new StringBuilder();
        for (int k = 1; k < Math.min(top, order.size()); k++) {
            int c = order.get(k);
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "\t%s %.2f%%",
                            classes.get(c),
                            p.probabilities()[c] * 100));
        }
        return sb.toString();
    }

    private Path overlayFile(Path image, ExplanationMethod method) {
        String stem = image.getFileName().toString().replaceAll("\\.[^.]*$", "");
        if (overlay == null) {
            return Path.of(stem + "-" + method.id() + ".png");
        }
        if (images.size() == 1) {
            return overlay;
        }
        String name = overlay.getFileName().toString();
        String base = name.replaceAll("\\.[^.]*$", "");
        Path parent = overlay.toAbsolutePath().getParent();
        return parent.resolve(base + "-" + stem + ".png");
    }

    private static void writeOverlay(Path file, byte[] png) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, png);
        } catch (IOException e) {
            throw new WorldmindException("cannot write the overlay to " + file + ": " + e, e);
        }
    }

    private void savePreview(float[] pixels, Path image) {
        int size = DigitImages.SIZE;
        BufferedImage preview = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < pixels.length; i++) {
            preview.getRaster().setSample(i % size, i / size, 0, Math.round(pixels[i] * 255));
        }
        try {
            Files.createDirectories(preprocessedDir);
            String name = image.getFileName().toString().replaceAll("\\.[^.]*$", "") + "-28x28.png";
            ImageIO.write(preview, "png", preprocessedDir.resolve(name).toFile());
        } catch (IOException e) {
            throw new WorldmindException(
                    "cannot write preview to " + preprocessedDir + ": " + e, e);
        }
    }
}
