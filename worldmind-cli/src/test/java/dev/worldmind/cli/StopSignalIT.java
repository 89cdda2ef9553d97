package dev.worldmind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.testing.TestHome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code worldmind server} stopped with SIGTERM while its characters load (ONNX Runtime is running
 * their sentence embeddings) exits cleanly with 143. Before the server stopped itself on the
 * signal, ONNX Runtime's own shutdown hook freed its environment under those runs and the JVM
 * crashed (SIGSEGV or SIGBUS in libonnxruntime, an hs_err file, exit 134) in two stops of three.
 */
class StopSignalIT {
    @TempDir Path dir;

    @Test
    void sigtermWhileTheCharactersLoadStopsTheServerWithoutACrash() throws Exception {
        for (long delay : new long[] {1_000, 3_000, 6_000}) {
            Path work = Files.createDirectories(dir.resolve("run-" + delay));
            ProcessBuilder builder =
                    new ProcessBuilder(
                                    Path.of(System.getProperty("java.home"), "bin", "java")
                                            .toString(),
                                    "-Xmx1g",
                                    "-Dai.djl.offline=true",
                                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                                    "-cp",
                                    System.getProperty("java.class.path"),
                                    WorldmindCli.class.getName(),
                                    "server",
                                    "--port",
                                    "0")
                            .directory(work.toFile())
                            .redirectErrorStream(true);
            builder.environment().put("WORLDMIND_HOME", work.resolve("home").toString());
            builder.environment().put("WORLDMIND_LANGUAGE_HOME", TestHome.get().root().toString());
            Process server = builder.start();
            List<String> output = new CopyOnWriteArrayList<>();
            Thread reader =
                    new Thread(
                            () -> {
                                try (BufferedReader r =
                                        new BufferedReader(
                                                new InputStreamReader(
                                                        server.getInputStream(),
                                                        StandardCharsets.UTF_8))) {
                                    r.lines().forEach(output::add);
                                } catch (java.io.IOException e) {
                                    output.add("read failed: " + e);
                                }
                            });
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while ((output.stream().noneMatch(l -> l.contains("worldmind-characters"))
                            || output.stream().noneMatch(l -> l.contains("The world is open")))
                    && server.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(output).anyMatch(l -> l.contains("The world is open"));
            Thread.sleep(delay);
            server.destroy(); // SIGTERM
            assertThat(server.waitFor(3, TimeUnit.MINUTES)).isTrue();
            reader.join(10_000);
            List<String> crashes = new ArrayList<>();
            try (Stream<Path> files = Files.list(work)) {
                files.filter(f -> f.getFileName().toString().startsWith("hs_err"))
                        .forEach(f -> crashes.add(f.toString()));
            }
            assertThat(crashes).as("JVM crash logs after SIGTERM at +%d ms", delay).isEmpty();
            assertThat(output).noneMatch(l -> l.contains("A fatal error has been detected"));
            assertThat(server.exitValue()).as("exit code after SIGTERM").isEqualTo(143);
        }
    }
}
