package dev.worldmind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.testing.TestHome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end, in-process: a real training run on MNIST, then prediction of digits
 * drawn by hand, the registry commands and the errors a user meets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliIT {
    private final String model = "cli-it-" + ProcessHandle.current().pid();
    private Path home;

    @TempDir Path tmp;

    record Result(int code, String out, String err) {}

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        // Options of the subcommand go after its name; --home is accepted by every subcommand.
        if (all.size() > 0 && !all.get(0).startsWith("-")) {
            int at = List.of("models", "data", "recommend", "rl").contains(all.get(0)) ? 2 : 1;
            if (all.size() >= at) {
                all.addAll(at, List.of("--home", home.toString()));
            }
        }
        int code =
                WorldmindCli.run(
                        all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeAll
    void trainASmallModel() {
        home = TestHome.get().root();
        TestHome.mnist();
        Result r =
                run(
                        "train",
                        "--arch",
                        "keras-cnn",
                        "--name",
                        model,
                        "--epochs",
                        "2",
                        "--validation",
                        "0.02");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(model + ":1 registered").contains("test accuracy");
    }

    @AfterAll
    void deleteTheModel() {
        run("models", "delete", model);
        run("models", "delete", model + "-p");
    }

    @Test
    void prunesTheModelAndRegistersTheResult() {
        Result r =
                run(
                        "prune",
                        model,
                        "--sparsity",
                        "0.5",
                        "--epochs",
                        "1",
                        "--limit",
                        "1000",
                        "--name",
                        model + "-p");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(model + "-p:1 registered (from " + model + ":1, pruned-50%)")
                .contains("weights file, gzip")
                .contains("latency, batch 64")
                .contains("pruning.txt")
                .contains("50.0%");

        Result bad = run("prune", model, "--sparsity", "1.5");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("sparsity must be in [0, 1)");

        Result badName = run("prune", model, "--name", "Not A Name");
        assertThat(badName.code()).isEqualTo(1);
        assertThat(badName.err()).contains("model names are");
    }

    @Test
    void offersTheLanguageCommandsAndRefusesUnknownChoices() {
        Result help = run("language", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("train").contains("evaluate").contains("bench");
        Result bad = run("language", "train", "--only", "everything");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("sentiment, spam");
    }

    @Test
    void evaluatesRecommendersOnAFileAndExplainsBadOnes() throws IOException {
        Path file = tmp.resolve("synthetic.csv");
        Result gen = run("recommend", "generate", "--small", "--output", file.toString());
        assertThat(gen.code()).isZero();
        assertThat(gen.out()).contains("12522 interactions");
        Result r =
                run(
                        "recommend",
                        "evaluate",
                        "--data",
                        file.toString(),
                        "--algorithms",
                        "popularity,item-knn");
        assertThat(r.code()).as(r.err()).isZero();
        String table = r.out().substring(r.out().indexOf("| algorithm"));
        double popularity = ndcg(table, "popularity");
        double knn = ndcg(table, "item-knn");
        assertThat(knn).isGreaterThan(1.3 * popularity);
        assertThat(r.out()).contains("ndcg.png");

        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "user,item,rating,timestamp\nann,mug,4,1\nbob,tea,lots,2\n");
        Result broken = run("recommend", "evaluate", "--data", bad.toString());
        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.err()).contains("line 3").contains("lots");
        Result unknown = run("recommend", "evaluate", "--algorithms", "magic");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown algorithm 'magic'").contains("--help");
        // usage errors before any data is read or any algorithm trained: one line, exit 2
        Result noList = run("recommend", "evaluate", "--data", file.toString(), "--k", "0");
        assertThat(noList.code()).isEqualTo(2);
        assertThat(noList.err()).contains("--k is at least 1").doesNotContain("Usage:");
        assertThat(noList.out()).doesNotContain("training");
        Result share = run("recommend", "evaluate", "--test-share", "1");
        assertThat(share.code()).isEqualTo(2);
        Result tooCore =
                run(
                        "recommend",
                        "evaluate",
                        "--data",
                        file.toString(),
                        "--kcore",
                        "500",
                        "--algorithms",
                        "popularity");
        assertThat(tooCore.code()).isEqualTo(1);
        assertThat(tooCore.err())
                .contains("500-core removed every interaction")
                .contains("--kcore 0");
    }

    @Test
    void trainsRegistersAndEvaluatesAPolicy() {
        Result envs = run("rl", "envs");
        assertThat(envs.code()).isZero();
        assertThat(envs.out())
                .contains("CartPole-v1")
                .contains("Pendulum-v1")
                .contains("NavGrid-museum");
        Result r =
                run(
                        "rl",
                        "train",
                        "--env",
                        "CartPole-v1",
                        "--algorithm",
                        "reinforce",
                        "--steps",
                        "20000",
                        "--eval-every",
                        "5000",
                        "--episodes",
                        "20",
                        "--name",
                        "cli-cartpole");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("registered cli-cartpole:1").contains("rewards.png");
        Result eval = run("rl", "evaluate", "cli-cartpole", "--episodes", "5");
        assertThat(eval.code()).as(eval.err()).isZero();
        // e.g. "cli-cartpole:1 (reinforce on CartPole-v1): mean reward 187.4 ± 20.1 over 5
        // episodes"
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("mean reward ([0-9.]+) ± [0-9.]+ over 5 episodes")
                        .matcher(eval.out());
        assertThat(m.find()).as(eval.out()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isGreaterThan(30); // untrained: about 9

        Result unknown = run("rl", "train", "--algorithm", "magic");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown algorithm 'magic'");
        Result badEnv = run("rl", "train", "--env", "Atlantis-v5");
        assertThat(badEnv.err())
                .contains("unknown environment 'Atlantis-v5'")
                .contains("CartPole-v1");
        Result noTarget =
                run("rl", "train", "--stop-at-target", "--steps", "1000", "--no-register");
        assertThat(noTarget.code()).isEqualTo(1);
        assertThat(noTarget.err()).contains("--stop-at-target needs --target");
        Result notAPolicy = run("rl", "evaluate", model);
        assertThat(notAPolicy.code()).isEqualTo(1);
        assertThat(notAPolicy.err()).contains("not a policy");
        run("models", "delete", "cli-cartpole");
    }

    /** The NDCG column of one algorithm's row in the Markdown table. */
    private static double ndcg(String table, String algorithm) {
        for (String line : table.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length > 4 && cells[1].trim().equals(algorithm)) {
                return Double.parseDouble(cells[4].trim());
            }
        }
        throw new AssertionError("no row for " + algorithm + " in\n" + table);
    }

    @Test
    void predictsDigitsDrawnByHand() throws IOException, URISyntaxException {
        Path digits = Path.of(getClass().getResource("/digits").toURI());
        List<String> args = new ArrayList<>(List.of("predict", "--model", model, "--top", "1"));
        try (Stream<Path> files = Files.list(digits)) {
            files.filter(p -> p.toString().endsWith(".png"))
                    .sorted()
                    .forEach(p -> args.add(p.toString()));
        }
        assertThat(args).hasSizeGreaterThanOrEqualTo(24);

        Result r = run(args.toArray(String[]::new));

        assertThat(r.code()).as(r.err()).isZero();
        List<String> wrong = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            String[] cols = line.split("\t");
            String expected = Path.of(cols[0]).getFileName().toString().substring(0, 1);
            if (!cols[1].equals(expected)) {
                wrong.add(line);
            }
        }
        assertThat(wrong).as("misread digits").isEmpty();
    }

    @Test
    void savesWhatTheModelSaw() throws URISyntaxException {
        Path seven = Path.of(getClass().getResource("/digits/7-a.png").toURI());
        Result r =
                run(
                        "predict",
                        "--model",
                        model,
                        "--save-preprocessed",
                        tmp.toString(),
                        seven.toString());
        assertThat(r.code()).isZero();
        assertThat(tmp.resolve("7-a-28x28.png")).exists();
    }

    @Test
    void drawsAnExplanationOverThePicture() throws Exception {
        Path seven = Path.of(getClass().getResource("/digits/7-a.png").toURI());
        Path overlay = tmp.resolve("seven-grad-cam.png");
        Result r =
                run(
                        "predict",
                        "--model",
                        model,
                        "--explain",
                        "grad-cam",
                        "-o",
                        overlay.toString(),
                        seven.toString());
        assertThat(r.code()).as(r.err()).isZero();
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(overlay.toFile());
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isGreaterThanOrEqualTo(28);
        // The overlay is coloured (a jet colour map over a gray picture): some pixel is not gray.
        boolean coloured = false;
        for (int y = 0; y < img.getHeight() && !coloured; y++) {
            for (int x = 0; x < img.getWidth() && !coloured; x++) {
                int rgb = img.getRGB(x, y);
                coloured = ((rgb >> 16) & 255) != (rgb & 255);
            }
        }
        assertThat(coloured).as("a heatmap is drawn").isTrue();

        Result bad = run("predict", "--model", model, "--explain", "lime", seven.toString());
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("unknown explanation method 'lime'");
    }

    @Test
    void reportsAMissingModel() {
        Result r = run("predict", "--model", "no-such-model", "x.png");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no model named 'no-such-model'");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void reportsAnUnreadableImageAndGoesOnWithTheRest() throws Exception {
        Path bad = tmp.resolve("digit.png");
        Files.writeString(bad, "not an image");
        Path huge = tmp.resolve("huge.png");
        Files.write(huge, dev.worldmind.testing.HostilePictures.pngClaiming(40_000, 40_000));
        Path good = Path.of(getClass().getResource("/digits/3-a.png").toURI());

        Result r =
                run("predict", "--model", model, bad.toString(), huge.toString(), good.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(bad + " is not a picture").contains("not a PNG, JPEG");
        // Refused from its header (issue 19): 40000² pixels would be a 1.6 GB buffer.
        assertThat(r.err()).contains(huge + " is 40000 x 40000 pixels; at most 4096 x 4096");
        assertThat(r.out()).contains("3-a.png\t3");
    }

    @Test
    void reportsAMissingImage() {
        Result r = run("predict", "--model", model, tmp.resolve("gone.png").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("image not found");
    }

    @AfterAll
    void deleteTheExportedModels() {
        run("models", "delete", model + "-onnx");
        run("models", "delete", model + "-int8");
    }

    @Test
    void exportsAndQuantisesTheModel() {
        Path file = tmp.resolve("export/model.onnx");
        Result export = run("export", model, "--output", file.toString(), "--timing", "0.05");
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out())
                .contains(model + "-onnx:1 registered (onnx, from " + model + ":1)")
                .contains("fp32 ONNX")
                .contains("MS/IMG @64");
        assertThat(file).isRegularFile();

        Result quantize = run("quantize", model, "--calibration", "200", "--timing", "0.05");
        assertThat(quantize.code()).as(quantize.err()).isZero();
        assertThat(quantize.out())
                .contains("calibrating on 200 images of mnist/train drawn with seed 42")
                .contains(model + "-int8:1 registered (onnx int8, from " + model + ":1)")
                .contains("int8 ONNX");

        Result list = run("models", "list");
        assertThat(list.out()).contains(model + "-int8:1").contains("onnx int8");
        Result eval = run("evaluate", model + "-int8");
        assertThat(eval.code()).as(eval.err()).isZero();
        Path three;
        try {
            three = Path.of(getClass().getResource("/digits/3-a.png").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Result predict = run("predict", "--model", model + "-int8", three.toString());
        assertThat(predict.code()).as(predict.err()).isZero();
        assertThat(predict.out()).contains("3-a.png\t3");

        Result again = run("quantize", model + "-int8");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already compressed (int8)");
        Result format = run("export", model, "--format", "tflite");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("unknown format 'tflite'");
    }

    @Test
    void listsShowsAndEvaluatesTheModel() {
        Result list = run("models", "list");
        assertThat(list.out()).contains(model + ":1").contains("keras-cnn");

        Result show = run("models", "show", model);
        assertThat(show.code()).isZero();
        assertThat(show.out())
                .contains("\"formatVersion\" : 3")
                .contains("\"provenance\"")
                .contains("weights/model-0000.params")
                .contains("plots/confusion-matrix.png");

        Result eval = run("evaluate", model);
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("confusion matrix").contains("test accuracy");
    }

    @Test
    void rejectsBadUsageWithExitCodeTwo() {
        Result r = run("train", "--epochs", "many");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--epochs");

        Result unknown = run("train", "--arch", "resnet-9000", "--epochs", "1");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown architecture 'resnet-9000'");
    }

    @Test
    void promotesAndRollsBackTheStableAlias() {
        Result promote = run("models", "promote", model + ":1");
        assertThat(promote.code()).as(promote.err()).isZero();
        assertThat(promote.out()).contains(model + ":stable -> 1");

        Result rollback = run("models", "rollback", model);
        assertThat(rollback.code()).isEqualTo(1);
        assertThat(rollback.err()).contains("no earlier version");
    }

    @Test
    void deletingAnUnknownModelSaysSo() {
        Result r = run("models", "delete", "never-was");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no model named 'never-was'");
    }
}
