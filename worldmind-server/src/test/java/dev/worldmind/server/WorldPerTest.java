package dev.worldmind.server;

import dev.worldmind.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setup of ITs that want a fresh world for every test: a {@link TestWorld} on a new H2 database
 * in the test's temporary folder, on a {@link MutableClock} the test may move, closed after the
 * test.
 */
abstract class WorldPerTest {
    @TempDir Path dir;
    final MutableClock clock = new MutableClock();
    TestWorld world;

    @BeforeEach
    final void startWorld() {
        world = new TestWorld(TestDatabases.h2(dir), clock);
    }

    @AfterEach
    final void stopWorld() {
        if (world != null) {
            world.close();
        }
    }
}
