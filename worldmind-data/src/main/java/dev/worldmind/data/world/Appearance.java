package dev.worldmind.data.world;

import dev.worldmind.core.InvalidDataException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How an avatar looks: three colours, a body shape and a height.
 *
 * @param body the body colour, {@code #rrggbb} (stored lowercase)
 * @param head the head colour, {@code #rrggbb}
 * @param accent the accent colour, {@code #rrggbb}
 * @param shape {@code round}, {@code box} or {@code slim}
 * @param height a scale factor from 0.8 to 1.2
 */
public record Appearance(String body, String head, String accent, String shape, double height) {
    // Declared before DEFAULT, whose construction uses it.
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");

    /** The shapes the client can draw. */
    public static final Set<String> SHAPES = Set.of("round", "box", "slim");

    /** The smallest height factor. */
    public static final double MIN_HEIGHT = 0.8;

    /** The largest height factor. */
    public static final double MAX_HEIGHT = 1.2;

    /** What a new avatar looks like. */
    public static final Appearance DEFAULT =
            new Appearance("#3366cc", "#f1c27d", "#ffcc00", "round", 1.0);

    public Appearance {
        body = colour(body, "body");
        head = colour(head, "head");
        accent = colour(accent, "accent");
        if (!SHAPES.contains(shape)) {
            throw new InvalidDataException("shape is round, box or slim, not " + shape);
        }
        if (!(height >= MIN_HEIGHT && height <= MAX_HEIGHT)) {
            throw new InvalidDataException("height is 0.8 to 1.2, not " + height);
        }
    }

    private static String colour(String value, String what) {
        String lower = value == null ? "" : value.toLowerCase(Locale.ROOT);
        if (!COLOUR.matcher(lower).matches()) {
            throw new InvalidDataException(
                    "the " + what + " colour must look like #3366cc, not " + value);
        }
        return lower;
    }
}
