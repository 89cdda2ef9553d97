package dev.worldmind.app.generate;

import dev.worldmind.core.WorldmindHome;
import java.nio.file.Path;

/**
 * Runs the acceptance recipe outside JUnit, so the figures of both datasets can be produced in two
 * processes at once: {@code GanFigures <home> fashion-mnist|mnist}; {@code GanFigures <home> ensure
 * fashion-mnist} times {@link Gans#ensure} (the start recipe) instead.
 */
public final class GanFigures {
    private GanFigures() {}

    /**
     * Trains, measures and registers one generator in a kept home.
     *
     * @param args the home and the dataset
     */
    public static void main(String[] args) {
        WorldmindHome home = new WorldmindHome(Path.of(args[0])).create();
        home.configureEngine();
        if (args[1].equals("ensure")) {
            long start = System.nanoTime();
            var m = Gans.ensure(home, args[2], System.out::println);
            System.out.printf(
                    "ensure: %s in %.1f s, metrics %s%n",
                    m.ref(), (System.nanoTime() - start) / 1e9, m.metrics());
            return;
        }
        GanAcceptance.run(home, args[1]);
    }
}
