package dev.worldmind.server;

import dev.worldmind.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setup of ITs whose tests share one world: a {@link TestWorld} on a new H2 database and the
 * system clock, started before the class's first test (and before its own {@code @BeforeAll}) and
 * closed after its last. The fields are static, as JUnit's class-level setup wants; test classes
 * run one after another in a JVM here (no JUnit parallel execution), so each subclass has the world
 * to itself.
 */
abstract class WorldPerClass {
    @TempDir static Path dir;
    static TestWorld world;

    @BeforeAll
    static void startWorld() {
        world = new TestWorld(TestDatabases.h2(dir), Clock.systemUTC());
    }

    @AfterAll
    static void stopWorld() {
        if (world != null) {
            world.close();
            world = null;
        }
    }
}
