package dev.worldmind.app.generate;

import dev.worldmind.core.WorldmindHome;
import java.nio.file.Path;

/**
 * Runs the acceptance recipe outside JUnit, so the figures of both datasets can be produced in two
 * processes at once: {@code GanFigures <home> fashion-mnist|mnist}.
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
        GanAcceptance.run(home, args[1]);
    }
}
