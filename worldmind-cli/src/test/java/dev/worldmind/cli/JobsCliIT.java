package dev.worldmind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.core.WorldmindHome;
import dev.worldmind.server.WorldServer;
import dev.worldmind.server.config.JobsConfig;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.testing.TestHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code worldmind jobs} as a user runs it: on the home's database while no server runs, then
 * through the running server (found by its operator file), which runs what was queued.
 */
class JobsCliIT {
    @TempDir Path tmp;

    private WorldmindHome home;

    record Result(int code, String out, String err) {}

    private Result jobs(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("jobs"));
        all.add(args[0]);
        all.addAll(List.of("--home", home.root().toString()));
        all.addAll(List.of(args).subList(1, args.length));
        int code =
                WorldmindCli.run(
                        all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void queuesOnTheHomeThenFollowsTheRunningServer() throws Exception {
        home = TestHome.isolated(tmp.resolve("home"));

        String[] tinyTraining = {
            "submit", "train", "dataset=mnist", "architecture=mlp", "epochs=1", "limit=1000"
        };
        Result queued = jobs(tinyTraining);
        assertThat(queued.code()).as(queued.err()).isZero();
        assertThat(queued.out()).startsWith("queued:").contains("#1").contains("mlp: mlp on mnist");
        assertThat(jobs(tinyTraining).out()).startsWith("already queued:");
        Result bad = jobs("submit", "train", "dataset=cifar");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("unknown image dataset 'cifar'");
        Result malformed = jobs("submit", "train", "dataset");
        assertThat(malformed.code()).isEqualTo(2);
        assertThat(malformed.err()).contains("NAME=VALUE");

        assertThat(jobs("cancel", "1").out()).contains("cancelled");
        assertThat(jobs("retry", "1").out()).contains("queued");
        Result list = jobs("list");
        assertThat(list.out()).contains("no server runs").contains("#1").contains("queued");
        assertThat(jobs("show", "9").err()).contains("no job 9");

        ServerConfig config =
                ServerConfig.defaults()
                        .with("server.port", 0)
                        .with("serving.models", home.models());
        try (WorldServer server =
                WorldServer.start(
                        config,
                        ServerOptions.databaseConfig(config, home),
                        Clock.systemUTC(),
                        new JobsConfig(home, 2, 1))) {
            Path operator = home.root().resolve("run").resolve("server.json");
            long end = System.nanoTime() + 30_000_000_000L;
            while (!Files.exists(operator) && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            // a set: its order is not defined (it differed between runs)
            assertThat(Files.getPosixFilePermissions(operator))
                    .containsExactlyInAnyOrder(
                            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            String shown = "";
            end = System.nanoTime() + 180_000_000_000L;
            while (System.nanoTime() < end) {
                shown = jobs("show", "1").out();
                if (shown.contains(" done ") || shown.contains("failed")) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(shown).contains(" done ").contains("-> mlp:1").contains("| epoch 1/1");
            assertThat(jobs("list").out()).startsWith("the running server at " + server.url());
            assertThat(jobs("cancel", "1").err()).contains("409").contains("nothing to cancel");
        }
        assertThat(home.root().resolve("run").resolve("server.json")).doesNotExist();
        assertThat(jobs("list").out()).contains("no server runs").contains("done");
    }
}
