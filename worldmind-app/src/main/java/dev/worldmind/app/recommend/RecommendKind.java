package dev.worldmind.app.recommend;

import dev.worldmind.core.InvalidDataException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What sort of thing a recommendation is: one list per kind. */
public enum RecommendKind {
    /** Something for sale in a shop. */
    PRODUCT,
    /** An exhibit in a museum. */
    EXHIBIT,
    /** A lesson in a classroom. */
    LESSON,
    /** A space to visit. */
    SPACE,
    /** An AI character to talk to. */
    CHARACTER,
    /** Anything else with an id (a poster, a leaflet, a book): never recommended. */
    OTHER;

    /** The name on the wire, e.g. {@code product}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a kind from its wire name.
     *
     * @param value e.g. {@code product}
     * @return the kind
     * @throws InvalidDataException for anything else (and for {@code other})
     */
    public static RecommendKind fromValue(String value) {
        for (RecommendKind k : values()) {
            if (k != OTHER && k.value().equals(value)) {
                return k;
            }
        }
        throw new InvalidDataException(
                "kind must be one of "
                        + Arrays.stream(values())
                                .filter(k -> k != OTHER)
                                .map(RecommendKind::value)
                                .collect(Collectors.joining(", "))
                        + ", not '"
                        + value
                        + "'");
    }
}
