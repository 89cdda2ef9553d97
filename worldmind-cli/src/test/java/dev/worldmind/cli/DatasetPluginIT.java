package dev.worldmind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.shapes.ShapesDataset;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.testing.TestHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset added as a plugin ({@link ShapesDataset}: one class and one services line in this
 * module's test scope) goes through the ordinary commands like a built-in one: listed and fetched
 * by {@code data}, trained with its own recipe and registered under its own default name by {@code
 * train}, evaluated by {@code evaluate}, planned by the {@code train} job.
 */
class DatasetPluginIT {
    @TempDir Path tmp;

    private WorldmindHome home;

    record Result(int code, String out, String err) {}

    private Result run(int at, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(at, List.of("--home", home.root().toString()));
        int code =
                WorldmindCli.run(
                        all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void trainsAPluginDatasetUnderItsOwnDefaultName() {
        home = TestHome.isolated(tmp.resolve("home"));

        Result list = run(2, "data", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("shapes +missing +Bars, pillars and boxes");

        Result fetch = run(2, "data", "fetch", "shapes");
        assertThat(fetch.code()).as(fetch.err()).isZero();
        assertThat(fetch.out()).contains("shapes: 4 files verified");

        Result queued = run(2, "jobs", "submit", "train", "dataset=shapes");
        assertThat(queued.code()).as(queued.err()).isZero();
        assertThat(queued.out()).contains("shape-sorter: mlp on shapes");

        Result train = run(1, "train", "--dataset", "shapes");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains(ShapesDataset.MODEL + ":1 registered");
        ModelManifest m = new ModelRegistry(home.models()).get(ShapesDataset.MODEL);
        assertThat(m.classes()).containsExactly("bar", "pillar", "box");
        assertThat(m.provenance().dataset().name()).isEqualTo("shapes");
        assertThat(m.provenance().config()).containsEntry("epochs", 4);
        // Three classes: chance is a third.
        assertThat(m.metrics().get("accuracy")).isGreaterThan(0.6);
        assertThat(new ModelRegistry(home.models()).latestVersion("fashion-cnn")).isEmpty();

        Result evaluate = run(1, "evaluate", ShapesDataset.MODEL);
        assertThat(evaluate.code()).as(evaluate.err()).isZero();
        assertThat(evaluate.out()).contains(ShapesDataset.MODEL + ":1: test accuracy");
    }
}
