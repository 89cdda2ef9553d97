package dev.worldmind.data.interaction;

import java.util.ArrayList;
import java.util.List;

/** Splits and checks one line of an interaction file. Stateless. */
final class LineParser {
    private LineParser() {}

    /** One line's fields, checked: ids not blank, a positive finite rating, a time in ms. */
    record Parsed(String user, String item, double rating, long at) {}

    /** What is wrong with a line (no stack trace: lenient reads may skip many). */
    static final class BadLine extends Exception {
        private static final long serialVersionUID = 1L;

        BadLine(String message) {
            super(message, null, false, false);
        }
    }

    static Parsed parse(String line, InteractionFormat format) throws BadLine {
        List<String> f;
        try {
            f = split(line, format);
        } catch (IllegalArgumentException e) {
            throw new BadLine(e.getMessage());
        }
        boolean csv = format == InteractionFormat.CSV;
        if (f.size() < (csv ? 3 : 4) || f.size() > 4) {
            throw new BadLine(
                    "expected "
                            + (csv ? "3 or 4" : "4")
                            + " fields (user, item, rating"
                            + (csv ? ", optional timestamp" : ", timestamp")
                            + ") separated by \""
                            + format.separator().replace("\t", "\\t")
                            + "\", found "
                            + f.size());
        }
        String user = f.get(0);
        String item = f.get(1);
        if (user.isBlank()) {
            throw new BadLine("the user id is missing");
        }
        if (item.isBlank()) {
            throw new BadLine("the item id is missing");
        }
        String r = f.get(2);
        if (r.isEmpty()) {
            throw new BadLine("the rating is missing");
        }
        double rating;
        try {
            rating = Double.parseDouble(r);
        } catch (NumberFormatException e) {
            throw new BadLine("the rating \"" + r + "\" is not a number");
        }
        if (!(rating > 0) || Double.isInfinite(rating)) {
            throw new BadLine("the rating must be a positive number, found " + r);
        }
        long at;
        try {
            at = f.size() < 4 ? 0 : Timestamps.parse(f.get(3), !csv);
        } catch (IllegalArgumentException e) {
            throw new BadLine(e.getMessage());
        }
        return new Parsed(user, item, rating, at);
    }

    /**
     * Splits a line at the format's separator and strips the fields; comma-separated lines may
     * quote fields as in RFC 4180 (a quoted field keeps its commas and spaces, {@code ""} inside it
     * is one quote).
     *
     * @throws IllegalArgumentException for an unterminated quote
     */
    static List<String> split(String line, InteractionFormat format) {
        List<String> fields = new ArrayList<>(4);
        String sep = format.separator();
        if (!sep.equals(",") || line.indexOf('"') < 0) {
            int from = 0;
            int at;
            while ((at = line.indexOf(sep, from)) >= 0) {
                fields.add(line.substring(from, at).strip());
                from = at + sep.length();
            }
            fields.add(line.substring(from).strip());
            return fields;
        }
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            // skip blanks before a possible opening quote
            int start = i;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            boolean quoted = i < line.length() && line.charAt(i) == '"';
            if (quoted) {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new IllegalArgumentException("a quoted field is not closed");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                while (i < line.length() && line.charAt(i) != ',') {
                    if (line.charAt(i++) != ' ') {
                        throw new IllegalArgumentException("text after a closing quote");
                    }
                }
            } else {
                i = start;
                while (i < line.length() && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(quoted ? field.toString() : field.toString().strip());
            field.setLength(0);
            if (i >= line.length()) {
                return fields;
            }
            i++; // the comma
        }
    }
}
