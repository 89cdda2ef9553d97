package dev.worldmind.data.interaction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the timestamps of interaction files into epoch milliseconds (the rules: see below). */
final class Timestamps {
    /**
     * Numbers whose magnitude is below this are seconds, the rest milliseconds: 1e11 seconds is the
     * year 5138, 1e11 milliseconds is March 1973, so only millisecond times before 1973 are
     * misread.
     */
    static final double SECONDS_BELOW = 1e11;

    private Timestamps() {}

    /**
     * Parses a timestamp.
     *
     * <ul>
     *   <li>empty: unknown, 0;
     *   <li>a number (may have a fraction): seconds if its magnitude is below 1e11, else
     *       milliseconds, rounded to the millisecond;
     *   <li>otherwise ISO-8601: an instant ({@code 2024-03-01T12:00:00Z}), a date-time with an
     *       offset ({@code 2024-03-01T13:00:00+01:00}), a local date-time (read as UTC) or a date
     *       (midnight UTC).
     * </ul>
     *
     * @param text the field, stripped
     * @param secondsOnly whether only whole epoch seconds are allowed (the MovieLens layouts)
     * @return epoch milliseconds
     * @throws IllegalArgumentException with the problem, if the text is none of these
     */
    static long parse(String text, boolean secondsOnly) {
        if (text.isEmpty()) {
            return 0;
        }
        char c = text.charAt(0);
        boolean numeric = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
        if (secondsOnly || (numeric && text.indexOf('T') < 0 && !isDate(text))) {
            if (secondsOnly) {
                try {
                    return Math.multiplyExact(Long.parseLong(text), 1000L);
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new IllegalArgumentException(
                            "timestamp \"" + text + "\" is not whole epoch seconds");
                }
            }
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("timestamp \"" + text + "\" is not a number");
            }
            if (!Double.isFinite(v) || Math.abs(v) >= 9e15) {
                throw new IllegalArgumentException("timestamp \"" + text + "\" is out of range");
            }
            return Math.round(Math.abs(v) < SECONDS_BELOW ? v * 1000 : v);
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .toEpochMilli();
            }
            if (text.endsWith("Z") || text.endsWith("z")) {
                return Instant.parse(text.toUpperCase(java.util.Locale.ROOT)).toEpochMilli();
            }
            try {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "timestamp \""
                            + text
                            + "\" is neither epoch seconds or milliseconds nor ISO-8601");
        }
    }

    private static boolean isDate(String text) {
        return text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-';
    }
}
