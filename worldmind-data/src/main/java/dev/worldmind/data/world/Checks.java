package dev.worldmind.data.world;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.naming.VisibleText;

/** Argument checks shared by the world's records. */
final class Checks {
    private Checks() {}

    static double finite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new InvalidDataException(what + " must be a finite number, not " + value);
        }
        return value;
    }

    static double positive(double value, String what) {
        if (!(finite(value, what) > 0)) {
            throw new InvalidDataException(what + " must be positive, not " + value);
        }
        return value;
    }

    static String text(String value, String what, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new InvalidDataException(
                    what + " must be 1 to " + maxLength + " characters: " + value);
        }
        return VisibleText.require(value, what);
    }

    /** Checks an id used in URLs and JSON: lowercase letters, digits and dashes. */
    static String id(String value, String what) {
        if (value == null || !value.matches("[a-z0-9-]{1,40}")) {
            throw new InvalidDataException(
                    what + " must be 1-40 of lowercase letters, digits and '-': " + value);
        }
        return value;
    }
}
