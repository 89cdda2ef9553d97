package dev.worldmind.app.tour;

import dev.worldmind.core.InvalidDataException;

/**
 * How a guide walks and waits.
 *
 * @param speed walking speed, metres per second
 * @param dwell how long the guide presents each stop at least, in seconds
 * @param patience how much longer it waits for the visitor to come close, in seconds
 * @param near how close the visitor must be for the guide to go on before the wait is over, in
 *     metres
 */
public record TourSettings(double speed, double dwell, double patience, double near) {
    public TourSettings {
        if (!(speed > 0 && speed <= 20)) {
            throw new InvalidDataException("a guide's speed must be in (0, 20] m/s: " + speed);
        }
        if (!(dwell >= 0) || !(patience >= 0) || !(near > 0)) {
            throw new InvalidDataException("a guide's dwell and patience cannot be negative");
        }
    }

    /** A walking pace of 1.2 m/s, 4 s at each stop and up to 20 s more for a visitor 4 m off. */
    public static TourSettings defaults() {
        return new TourSettings(1.2, 4, 20, 4);
    }
}
