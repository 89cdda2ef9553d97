package dev.worldmind.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.app.world.DefaultWorld;
import dev.worldmind.data.world.Space;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** A space whose tick is stuck is logged and shed; the other spaces keep ticking. */
class TickWatchdogTest {
    @Test
    void aStuckSpaceIsShedAndTheOthersKeepTicking() throws Exception {
        Space plaza = space("plaza");
        Space museum = space("museum");
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (WorldHub hub = new WorldHub(20, Duration.ofMillis(300))) {
            SpaceInstance stuck = hub.place(plaza); // phase 0
            SpaceInstance other = hub.place(museum); // phase 1
            Thread holder =
                    new Thread(
                            () -> {
                                synchronized (stuck) { // what a search under the lock did
                                    held.countDown();
                                    try {
                                        release.await();
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                }
                            });
            holder.start();
            held.await();
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            hub.start();
            try {
                await(() -> stuck.degraded, "the stuck instance is shed");
                long before = other.ticks;
                await(() -> other.ticks > before + 20, "the other space keeps ticking");
            } finally {
                System.setErr(err);
                release.countDown();
                holder.join();
            }
            assertThat(hub.shed()).isEqualTo(1);
            assertThat(hub.instancesOf("plaza")).doesNotContain(stuck);
            assertThat(hub.place(plaza)).isNotSameAs(stuck);
        }
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("the tick of space plaza (instance 1)")
                .contains("shedding");
    }

    private static Space space(String id) {
        return DefaultWorld.spaces().stream().filter(s -> s.id().equals(id)).findFirst().get();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
