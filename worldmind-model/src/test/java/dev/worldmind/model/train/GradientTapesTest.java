package dev.worldmind.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.training.GradientCollector;
import dev.worldmind.testing.TestHome;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The engine allows one gradient collector per process: a training job and a served explanation
 * must take turns instead of failing each other.
 */
class GradientTapesTest {
    @Test
    void aSecondTapeWaitsForTheFirstInsteadOfFailing() throws Exception {
        TestHome.get();
        Engine engine = Engine.getInstance();
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread training =
                new Thread(
                        () -> {
                            try (GradientCollector c =
                                    GradientTapes.forTraining(engine::newGradientCollector)) {
                                opened.countDown();
                                release.await(10, TimeUnit.SECONDS);
                                c.zeroGradients();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
        training.start();
        assertThat(opened.await(10, TimeUnit.SECONDS)).isTrue();

        // Without the turn-taking the engine refuses at once: this is what broke a GAN job. (On a
        // thread of its own: a refused attempt leaves PyTorch's grad mode on in its thread.)
        java.util.concurrent.atomic.AtomicReference<Throwable> refused =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread direct =
                new Thread(
                        () -> {
                            try {
                                engine.newGradientCollector().close();
                            } catch (RuntimeException e) {
                                refused.set(e);
                            }
                        });
        direct.start();
        direct.join(10_000);
        assertThat(refused.get())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Only one can be collecting");
        assertThatThrownBy(
                        () ->
                                GradientTapes.open(
                                        engine::newGradientCollector, Duration.ofMillis(50)))
                .isInstanceOf(GradientTapes.EngineBusyException.class);

        long t0 = System.nanoTime();
        new Thread(
                        () -> {
                            try {
                                Thread.sleep(300);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            release.countDown();
                        })
                .start();
        try (GradientCollector mine =
                GradientTapes.open(engine::newGradientCollector, Duration.ofSeconds(10))) {
            assertThat(mine).isNotNull();
            assertThat((System.nanoTime() - t0) / 1e6).isGreaterThan(200);
        }
        training.join(10_000);
        // Closed twice by mistake: the second close must not free someone else's turn.
        GradientCollector twice = GradientTapes.forTraining(engine::newGradientCollector);
        twice.close();
        twice.close();
        try (GradientCollector again =
                GradientTapes.open(engine::newGradientCollector, Duration.ofSeconds(1))) {
            assertThat(again).isNotNull();
        }
    }
}
