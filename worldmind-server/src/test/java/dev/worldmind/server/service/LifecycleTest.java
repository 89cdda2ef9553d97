package dev.worldmind.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    private final List<String> seen = new CopyOnWriteArrayList<>();

    /** A service that notes its start and close, and is ready when told. */
    private final class Noted implements Service {
        final String name;
        volatile boolean ready = true;
        final boolean failsToStart;

        Noted(String name, boolean failsToStart) {
            this.name = name;
            this.failsToStart = failsToStart;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start(Lifecycle life) {
            if (failsToStart) {
                throw new IllegalStateException(name + " cannot start");
            }
            seen.add("start " + name);
        }

        @Override
        public boolean ready() {
            return ready;
        }

        @Override
        public void close() {
            seen.add("close " + name);
        }
    }

    @Test
    void startsInOrderAndClosesInReverse() {
        Lifecycle life = new Lifecycle();
        life.add(new Noted("database", false), new Noted("world", false));
        life.add(new Noted("web", false));
        life.start();
        life.close();
        assertThat(seen)
                .containsExactly(
                        "start database",
                        "start world",
                        "start web",
                        "close web",
                        "close world",
                        "close database");
        life.close(); // a second close does nothing more
        assertThat(seen).hasSize(6);
    }

    @Test
    void aServiceThatFailsToStartClosesEveryServiceAddedStartedOrNot() {
        Lifecycle life = new Lifecycle();
        life.add(new Noted("database", false), new Noted("web", true), new Noted("jobs", false));
        assertThatThrownBy(life::start).hasMessage("web cannot start");
        assertThat(seen)
                .containsExactly("start database", "close jobs", "close web", "close database");
        assertThat(life.closing()).isTrue();
    }

    @Test
    void isReadyOnlyOnceStartedAndEveryServiceIsReady() {
        Lifecycle life = new Lifecycle();
        Noted characters = new Noted("characters", false);
        characters.ready = false;
        life.add(new Noted("database", false), characters);
        assertThat(life.ready()).isFalse(); // not started
        life.start();
        assertThat(life.ready()).isFalse();
        assertThat(life.waitingFor()).containsExactly("characters");
        characters.ready = true;
        assertThat(life.ready()).isTrue();
        life.close();
        assertThat(life.ready()).isFalse();
    }

    @Test
    void periodicWorkThatFailsGoesOnAndStopsWithTheLifecycle() throws Exception {
        Lifecycle life = new Lifecycle();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        life.every(
                Duration.ZERO,
                Duration.ofMillis(5),
                "a failing task",
                () -> {
                    runs.incrementAndGet();
                    three.countDown();
                    throw new IllegalStateException("fails every time");
                });
        assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
        life.close();
        int after = runs.get();
        Thread.sleep(50);
        assertThat(runs.get()).isLessThanOrEqualTo(after + 1);
    }

    @Test
    void backgroundWorkRunsOnItsOwnNamedThreadAndNotOnceClosing() throws Exception {
        Lifecycle life = new Lifecycle();
        List<String> threads = new CopyOnWriteArrayList<>();
        Thread t = life.background("loader", () -> threads.add(Thread.currentThread().getName()));
        t.join(10_000);
        assertThat(threads).containsExactly("worldmind-loader");
        Thread failing =
                life.background(
                        "broken",
                        () -> {
                            throw new IllegalStateException("logged, not thrown");
                        });
        failing.join(10_000);
        assertThat(failing.isAlive()).isFalse();
        life.close();
        Thread late = life.background("late", () -> threads.add("late"));
        late.join(100);
        assertThat(late.getState()).isEqualTo(Thread.State.NEW);
        assertThat(threads).hasSize(1);
    }
}
