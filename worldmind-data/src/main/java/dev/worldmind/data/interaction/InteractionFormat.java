package dev.worldmind.data.interaction;

import java.util.Optional;

/**
 * The layouts {@link InteractionReader} reads. Each line is one interaction: a user id, an item id,
 * a rating or weight and (optionally, for {@link #CSV}) a timestamp.
 */
public enum InteractionFormat {
    /**
     * Comma-separated {@code user,item,weight[,timestamp]}, with or without a header line (the
     * first line is a header when its third field is not a number). Fields may be quoted as in RFC
     * 4180; the timestamp may be empty (unknown, read as 0), epoch seconds or milliseconds, or
     * ISO-8601 (see {@link InteractionReader}). {@link InteractionWriter} writes this format.
     */
    CSV(","),
    /** MovieLens 100K {@code u.data}: tab-separated {@code user item rating timestamp}, seconds. */
    MOVIELENS_100K("\t"),
    /** MovieLens 1M and 10M {@code ratings.dat}: {@code user::item::rating::timestamp}, seconds. */
    MOVIELENS_1M("::"),
    /**
     * MovieLens "latest" (and 20M/25M) {@code ratings.csv}: the header {@code
     * userId,movieId,rating,timestamp}, then comma-separated lines, timestamps in seconds.
     */
    MOVIELENS_LATEST(",");

    private final String separator;

    InteractionFormat(String separator) {
        this.separator = separator;
    }

    /** The text between fields. */
    public String separator() {
        return separator;
    }

    /**
     * Tells the format from a file's first non-blank line: {@code ::} means {@link #MOVIELENS_1M},
     * a tab {@link #MOVIELENS_100K}, the header {@code userId,movieId,rating,timestamp} {@link
     * #MOVIELENS_LATEST}, any other comma {@link #CSV}.
     *
     * @param firstLine the first non-blank line
     * @return the format, or empty if none fits
     */
    public static Optional<InteractionFormat> detect(String firstLine) {
        String line = firstLine.strip();
        if (line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        if (line.contains("::")) {
            return Optional.of(MOVIELENS_1M);
        }
        if (line.contains("\t")) {
            return Optional.of(MOVIELENS_100K);
        }
        if (line.replace(" ", "").equalsIgnoreCase("userId,movieId,rating,timestamp")) {
            return Optional.of(MOVIELENS_LATEST);
        }
        if (line.contains(",")) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }
}
