package dev.worldmind.data.interaction;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.zip.GZIPInputStream;

/**
 * Reads rating and interaction files (see {@link InteractionFormat}) into {@link Interaction}s,
 * streaming line by line, so a file is never held in memory as text; repeated user and item ids
 * share one string.
 *
 * <p>The format is told from the first non-blank line unless one is forced. In every format the
 * first line is taken as a header, and skipped, when its third field is not a number. Blank lines
 * are skipped. Timestamps become epoch milliseconds: the MovieLens layouts hold whole seconds; in
 * {@link InteractionFormat#CSV} a timestamp may be empty (unknown: 0), a number (seconds when its
 * magnitude is below 1e11, i.e. before the year 5138, otherwise milliseconds: so only millisecond
 * times before March 1973 are misread), or ISO-8601 (an instant such as {@code
 * 2024-03-01T12:00:00Z}, a date-time with an offset, a local date-time or a date, both taken as
 * UTC). Files whose name ends in {@code .gz} are decompressed.
 *
 * <p>A rating below the optional minimum is dropped (e.g. keep ratings of 4 or more as the positive
 * interactions of an implicit-feedback evaluation); binarising then sets every kept weight to 1. A
 * bad line (a missing field, a non-numeric or non-positive rating, a bad timestamp) fails the read
 * with an {@link InvalidDataException} naming the file, the line number and the problem, unless the
 * reader is lenient: then it is skipped and counted. Immutable and thread-safe.
 */
public final class InteractionReader {
    private static final int PROBLEMS_KEPT = 10;

    private final InteractionFormat format;
    private final OptionalDouble minRating;
    private final boolean binarise;
    private final boolean lenient;

    private InteractionReader(Builder b) {
        this.format = b.format;
        this.minRating = b.minRating;
        this.binarise = b.binarise;
        this.lenient = b.lenient;
    }

    /** A reader that detects the format, keeps every rating as it is and fails on bad lines. */
    public static InteractionReader defaults() {
        return builder().build();
    }

    /** Starts a reader with the defaults of {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What a read found.
     *
     * @param interactions the interactions, in file order
     * @param format the file's format (detected or forced)
     * @param lines how many data lines the file has (not counting a header and blank lines)
     * @param badLines how many lines a lenient reader skipped as bad
     * @param belowMinRating how many lines were dropped for a rating below the minimum
     * @param problems the first (up to 10) bad lines' problems, with their line numbers
     */
    public record Result(
            List<Interaction> interactions,
            InteractionFormat format,
            long lines,
            long badLines,
            long belowMinRating,
            List<String> problems) {
        public Result {
            interactions = List.copyOf(interactions);
            Objects.requireNonNull(format, "format");
            problems = List.copyOf(problems);
        }
    }

    /**
     * Reads a file.
     *
     * @param file the file (gzip-compressed if its name ends in {@code .gz})
     * @return the interactions and counts
     * @throws NotFoundException if the file does not exist
     * @throws InvalidDataException if the file is empty, of no known format, has a bad line (unless
     *     lenient) or yields no interaction
     */
    public Result read(Path file) {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in =
                        file.getFileName().toString().endsWith(".gz")
                                ? new GZIPInputStream(raw, 1 << 16)
                                : raw;
                BufferedReader reader =
                        new BufferedReader(
                                new InputStreamReader(
                                        in,
                                        // refused, not replaced: two ids differing only in bytes
                                        // that are not UTF-8 would both read as U+FFFD and merge
                                        StandardCharsets.UTF_8
                                                .newDecoder()
                                                .onMalformedInput(CodingErrorAction.REPORT)
                                                .onUnmappableCharacter(CodingErrorAction.REPORT)),
                                1 << 16)) {
            return read(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new NotFoundException("no interaction file at " + file);
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String next(BufferedReader in, String source) throws IOException {
        try {
            return in.readLine();
        } catch (CharacterCodingException e) {
            // no line number: the reader decodes a whole buffer ahead of the lines it gives
            throw new InvalidDataException(
                    source
                            + " is not UTF-8 text: save it as UTF-8 (ids that differ only in bytes"
                            + " that are not UTF-8 would otherwise be taken for one)");
        }
    }

    /**
     * Reads interactions from text.
     *
     * @param in the text, read to its end (not closed)
     * @param source what to call the text in messages, e.g. its file name
     * @return the interactions and counts
     * @throws IOException if reading fails
     * @throws InvalidDataException as for {@link #read(Path)}
     */
    public Result read(BufferedReader in, String source) throws IOException {
        List<Interaction> out = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        List<String> problems = new ArrayList<>();
        InteractionFormat fmt = format;
        long lineNo = 0;
        long lines = 0;
        long bad = 0;
        long below = 0;
        boolean first = true;
        String line;
        while ((line = next(in, source)) != null) {
            lineNo++;
            if (first && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            if (first) {
                first = false;
                if (fmt == null) {
                    fmt = detect(line, source);
                }
                if (isHeader(line, fmt)) {
                    continue;
                }
            }
            lines++;
            try {
                LineParser.Parsed p = LineParser.parse(line, fmt);
                if (minRating.isPresent() && p.rating() < minRating.getAsDouble()) {
                    below++;
                    continue;
                }
                out.add(
                        new Interaction(
                                ids.computeIfAbsent(p.user(), k -> k),
                                ids.computeIfAbsent(p.item(), k -> k),
                                binarise ? 1.0 : p.rating(),
                                p.at()));
            } catch (LineParser.BadLine e) {
                String problem = "line " + lineNo + ": " + e.getMessage();
                if (!lenient) {
                    throw new InvalidDataException(
                            source + " " + problem + " (" + abbreviate(line) + ")");
                }
                bad++;
                if (problems.size() < PROBLEMS_KEPT) {
                    problems.add(problem);
                }
            }
        }
        if (first) {
            throw new InvalidDataException(source + " is empty: it holds no interactions");
        }
        if (lines == 0) {
            throw new InvalidDataException(source + " has a header line but no interactions");
        }
        if (out.isEmpty()) {
            throw new InvalidDataException(
                    bad == lines
                            ? source
                                    + ": none of its "
                                    + lines
                                    + " lines could be read, the first "
                                    + problems.get(0)
                            : source
                                    + ": no interaction is left, "
                                    + below
                                    + " of its "
                                    + lines
                                    + " ratings are below the minimum "
                                    + minRating.getAsDouble()
                                    + (bad > 0 ? " and " + bad + " lines are bad" : ""));
        }
        return new Result(out, fmt, lines, bad, below, problems);
    }

    private static InteractionFormat detect(String line, String source) {
        return InteractionFormat.detect(line)
                .orElseThrow(
                        () ->
                                new InvalidDataException(
                                        "cannot tell the format of "
                                                + source
                                                + " from its first line ("
                                                + abbreviate(line)
                                                + "): expected user,item,rating[,timestamp],"
                                                + " user<TAB>item<TAB>rating<TAB>timestamp"
                                                + " or user::item::rating::timestamp"));
    }

    private static boolean isHeader(String line, InteractionFormat fmt) {
        List<String> fields;
        try {
            fields = LineParser.split(line, fmt);
        } catch (IllegalArgumentException e) {
            return false; // a bad data line: reported as such
        }
        if (fields.size() < 3) {
            return false;
        }
        try {
            Double.parseDouble(fields.get(2));
            return false;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static String abbreviate(String line) {
        return '"' + (line.length() > 80 ? line.substring(0, 77) + "..." : line) + '"';
    }

    /** Chooses how a reader reads; every option has a default. */
    public static final class Builder {
        private InteractionFormat format;
        private OptionalDouble minRating = OptionalDouble.empty();
        private boolean binarise;
        private boolean lenient;

        private Builder() {}

        /**
         * Forces a format instead of detecting it.
         *
         * @param format the format
         * @return this builder
         */
        public Builder optFormat(InteractionFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * Keeps only interactions rated at least this much.
         *
         * @param min the lowest kept rating (finite)
         * @return this builder
         */
        public Builder optMinRating(double min) {
            if (!Double.isFinite(min)) {
                throw new IllegalArgumentException("the minimum rating must be finite: " + min);
            }
            this.minRating = OptionalDouble.of(min);
            return this;
        }

        /**
         * Gives every kept interaction the weight 1 (implicit feedback).
         *
         * @param binarise whether to
         * @return this builder
         */
        public Builder optBinarise(boolean binarise) {
            this.binarise = binarise;
            return this;
        }

        /**
         * Skips and counts bad lines instead of failing on the first.
         *
         * @param lenient whether to
         * @return this builder
         */
        public Builder optLenient(boolean lenient) {
            this.lenient = lenient;
            return this;
        }

        /** Builds the reader. */
        public InteractionReader build() {
            return new InteractionReader(this);
        }
    }
}
