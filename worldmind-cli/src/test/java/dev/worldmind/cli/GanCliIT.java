package dev.worldmind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.testing.TestHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code worldmind gan} end to end, in-process, on a home of its own: the missing-judge message, a
 * tiny MNIST run that registers {@code mnist-gan}, then sampling and FID of the registered model.
 */
class GanCliIT {
    @TempDir Path tmp;

    record Result(int code, String out, String err) {}

    private Result run(Path home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(all.get(0).equals("gan") ? 2 : 1, List.of("--home", home.toString()));
        int code =
                WorldmindCli.run(
                        all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void trainsSamplesAndMeasuresAGenerator() {
        Path home = TestHome.isolated(tmp.resolve("home")).root();
        String[] train = {
            "gan",
            "train",
            "--dataset",
            "mnist",
            "--epochs",
            "1",
            "--limit-images",
            "2000",
            "--width",
            "16",
            "--seed",
            "3"
        };
        Result missing = run(home, train);
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err())
                .contains("the FID judge classifier 'keras-cnn' is not registered")
                .contains("worldmind train --arch keras-cnn");

        Result judge =
                run(
                        home,
                        "train",
                        "--arch",
                        "keras-cnn",
                        "--epochs",
                        "1",
                        "--limit",
                        "5000",
                        "--validation",
                        "0");
        assertThat(judge.code()).as(judge.err()).isZero();

        Result r = run(home, train);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("real-vs-real FID")
                .contains("epoch 1: D loss")
                .contains("untrainedFid")
                .contains("meanMaxConfidence")
                .contains("registered mnist-gan:1");

        Path grid = tmp.resolve("grid.png");
        Result sample =
                run(
                        home,
                        "gan",
                        "sample",
                        "mnist-gan",
                        "--count",
                        "16",
                        "--class",
                        "7",
                        "-o",
                        grid.toString());
        assertThat(sample.code()).as(sample.err()).isZero();
        assertThat(grid).isRegularFile();
        Result badClass =
                run(home, "gan", "sample", "mnist-gan", "--class", "shoe", "-o", grid.toString());
        assertThat(badClass.code()).isEqualTo(1);
        assertThat(badClass.err()).contains("unknown class 'shoe'");

        Result fid = run(home, "gan", "fid", "mnist-gan:1");
        assertThat(fid.code()).as(fid.err()).isZero();
        assertThat(fid.out()).contains("fid ").contains("realVsRealFid");
        assertThat(home.resolve("models/mnist-gan/1/samples.png")).isRegularFile();
        assertThat(home.resolve("models/mnist-gan/1/fid.csv")).isRegularFile();
    }
}
