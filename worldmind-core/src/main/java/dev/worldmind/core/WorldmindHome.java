package dev.worldmind.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder where Worldmind keeps everything it makes or fetches: datasets, the model registry,
 * training runs and DJL's unpacked engine. It is {@code ~/.worldmind} unless the {@code
 * worldmind.home} system property or the {@code WORLDMIND_HOME} environment variable says
 * otherwise.
 *
 * @param root the home folder
 */
public record WorldmindHome(Path root) {
    /** The environment variable that moves the home. */
    public static final String ENV = "WORLDMIND_HOME";

    /** The system property that moves the home (wins over the environment). */
    public static final String PROPERTY = "worldmind.home";

    public WorldmindHome {
        if (root == null) {
            throw new IllegalArgumentException("root must not be null");
        }
        root = root.toAbsolutePath().normalize();
    }

    /**
     * Finds the home from the system property, the environment or the default.
     *
     * @return the home; the folder is not created yet
     */
    public static WorldmindHome resolve() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENV);
        }
        if (configured == null || configured.isBlank()) {
            return new WorldmindHome(Path.of(System.getProperty("user.home"), ".worldmind"));
        }
        return new WorldmindHome(Path.of(configured));
    }

    /** Returns where datasets are stored. */
    public Path datasets() {
        return root.resolve("datasets");
    }

    /** Returns the model registry's folder. */
    public Path models() {
        return root.resolve("models");
    }

    /** Returns where training runs keep their checkpoints and logs. */
    public Path runs() {
        return root.resolve("runs");
    }

    /** Returns DJL's cache: the unpacked native engine lives here, not in {@code ~/.djl.ai}. */
    public Path djlCache() {
        return root.resolve("djl");
    }

    /**
     * Creates the home folder if needed.
     *
     * @return this home
     */
    public WorldmindHome create() {
        try {
            Files.createDirectories(root);
            return this;
        } catch (IOException e) {
            throw new WorldmindException("cannot create the Worldmind home " + root + ": " + e, e);
        }
    }

    /**
     * Makes DJL run offline and keep its cache inside this home. Call before the first use of any
     * DJL class. A {@code DJL_CACHE_DIR} environment variable, the user's explicit choice, wins.
     */
    public void configureEngine() {
        // Without it DJL makes a network call (usage telemetry) when the engine starts.
        System.setProperty("ai.djl.offline", "true");
        if (System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", djlCache().toString());
        }
    }
}
