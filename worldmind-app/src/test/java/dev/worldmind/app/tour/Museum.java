package dev.worldmind.app.tour;

import dev.worldmind.app.world.CharacterPlacement;
import dev.worldmind.app.world.DefaultWorld;
import dev.worldmind.data.world.Point;
import dev.worldmind.data.world.Space;
import dev.worldmind.model.navigation.WalkGrid;
import java.util.ArrayList;
import java.util.List;

/** The default world's museum, its grid at 1 m and a way to run a guide to the end. */
final class Museum {
    static final Space SPACE =
            DefaultWorld.spaces().stream().filter(s -> s.id().equals("museum")).findFirst().get();
    static final WalkGrid GRID = WalkGrid.of(SPACE.layout(), 1.0);
    static final CharacterPlacement.Spot HOME = CharacterPlacement.of(SPACE.kind(), SPACE.layout());

    private Museum() {}

    static Point home() {
        return new Point(HOME.x(), HOME.z());
    }

    /**
     * A guide that walks a tour from home and back at 3 m/s without pausing at the stops, so a test
     * sees the navigator's legs only.
     *
     * @param tour the stops
     * @param nav how it finds its way
     */
    static TourGuide quickGuide(Tour tour, Navigator nav) {
        return new TourGuide(GRID, tour, nav, new TourSettings(3.0, 0, 0, 4), home(), home(), 0);
    }

    /** Advances a guide in 50 ms steps until it is home; returns every event and position. */
    static List<Object> run(TourGuide guide, List<Point> avatars, int maxSteps) {
        List<Object> seen = new ArrayList<>();
        for (int i = 0; i < maxSteps && guide.state() != TourGuide.State.HOME; i++) {
            seen.addAll(guide.advance(0.05, avatars, null));
            seen.add(new Point(guide.x(), guide.z()));
        }
        return seen;
    }
}
