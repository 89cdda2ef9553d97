package dev.worldmind.model.language.moderation;

import dev.worldmind.core.InvalidDataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How world-chat moderation does on Worldmind's labelled chat set ({@code chat-moderation-v1.tsv}):
 * the share of abusive lines withheld (recall) and the share of ordinary lines withheld, per
 * category, on one split. The split is fixed by the data (SHA-256 of a line or its sentence frame)
 * so that rules tuned on {@code dev} are measured on {@code test}.
 *
 * @param split {@code dev} or {@code test}
 * @param rows one row per category, abusive categories first
 * @param errors the lines judged wrongly, for reading
 * @param wordList where the moderator's word list came from
 */
public record ChatModerationEvaluation(
        String split, List<Row> rows, List<ChatLine> errors, String wordList) {
    /** The format version of the chat set this code reads. */
    public static final int FORMAT_VERSION = 1;

    private static final String RESOURCE =
            "/dev/worldmind/model/language/moderation/chat-moderation-v1.tsv";
    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    public ChatModerationEvaluation {
        if (!split.equals("dev") && !split.equals("test")) {
            throw new IllegalArgumentException("the split is dev or test: " + split);
        }
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
        Objects.requireNonNull(wordList, "wordList");
    }

    /**
     * One labelled chat line.
     *
     * @param abusive whether moderation should withhold it
     * @param category e.g. {@code insult}, {@code threat}, {@code game}, {@code banter}
     * @param group the text that decides its split (its sentence frame, or itself)
     * @param text the line
     */
    public record ChatLine(boolean abusive, String category, String group, String text) {
        /** Returns {@code test} when the first byte of SHA-256(group) is below 128, else dev. */
        public String split() {
            try {
                byte[] h =
                        MessageDigest.getInstance("SHA-256")
                                .digest(group.getBytes(StandardCharsets.UTF_8));
                return (h[0] & 0xff) < 128 ? "test" : "dev";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The figures of one category.
     *
     * @param category the category
     * @param abusive whether its lines are abusive
     * @param lines how many lines it has in the split
     * @param flagged how many of them were withheld
     */
    public record Row(String category, boolean abusive, int lines, int flagged) {
        /** Returns the share withheld. */
        public double rate() {
            return lines == 0 ? 0 : (double) flagged / lines;
        }
    }

    /**
     * Reads the chat set.
     *
     * @return every line of both splits
     * @throws InvalidDataException if the file's format version is not {@value #FORMAT_VERSION}
     */
    public static List<ChatLine> lines() {
        String text;
        try (InputStream in = ChatModerationEvaluation.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new InvalidDataException("the chat set " + RESOURCE + " is missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + RESOURCE, e);
        }
        List<ChatLine> out = new ArrayList<>();
        boolean versioned = false;
        for (String line : text.lines().toList()) {
            if (line.startsWith("# format-version:")) {
                String v = line.substring(line.indexOf(':') + 1).strip();
                if (!v.equals(String.valueOf(FORMAT_VERSION))) {
                    throw new InvalidDataException(
                            "the chat set has format version "
                                    + v
                                    + "; this code reads "
                                    + FORMAT_VERSION);
                }
                versioned = true;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 4);
            if (f.length != 4 || !(f[0].equals("abuse") || f[0].equals("ok"))) {
                throw new InvalidDataException("malformed chat set line: " + line);
            }
            String t = unescape(f[3]);
            out.add(new ChatLine(f[0].equals("abuse"), f[1], f[2].equals("-") ? t : f[2], t));
        }
        if (!versioned) {
            throw new InvalidDataException("the chat set names no format version");
        }
        return out;
    }

    /**
     * Runs a moderator over one split's lines as world chat.
     *
     * @param moderator the moderator
     * @param split {@code dev} or {@code test}
     * @param wordList where the moderator's word list came from, for the report
     * @return the figures
     */
    public static ChatModerationEvaluation run(Moderator moderator, String split, String wordList) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Boolean> abusive = new LinkedHashMap<>();
        List<ChatLine> errors = new ArrayList<>();
        List<ChatLine> all = new ArrayList<>(lines());
        all.sort((a, b) -> Boolean.compare(b.abusive(), a.abusive()));
        for (ChatLine line : all) {
            if (!line.split().equals(split)) {
                continue;
            }
            boolean flagged = !moderator.check(line.text(), Channel.WORLD_CHAT).allowed();
            int[] c = counts.computeIfAbsent(line.category(), k -> new int[2]);
            abusive.put(line.category(), line.abusive());
            c[0]++;
            c[1] += flagged ? 1 : 0;
            if (flagged != line.abusive()) {
                errors.add(line);
            }
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((k, c) -> rows.add(new Row(k, abusive.get(k), c[0], c[1])));
        return new ChatModerationEvaluation(split, rows, errors, wordList);
    }

    /** Returns the share of abusive lines withheld. */
    public double recall() {
        return share(true);
    }

    /** Returns the share of ordinary lines withheld. */
    public double ordinaryFlagged() {
        return share(false);
    }

    private double share(boolean abusiveRows) {
        int lines = 0;
        int flagged = 0;
        for (Row r : rows) {
            if (r.abusive() == abusiveRows) {
                lines += r.lines();
                flagged += r.flagged();
            }
        }
        return lines == 0 ? 0 : (double) flagged / lines;
    }

    /** Returns the figures as a Markdown table. */
    public String toTable() {
        StringBuilder b = new StringBuilder();
        b.append("split ").append(split).append(", word list: ").append(wordList).append('\n');
        b.append("| category | kind | lines | withheld | share |\n|---|---|---:|---:|---:|\n");
        for (Row r : rows) {
            b.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %s | %d | %d | %.3f |%n",
                            r.category(),
                            r.abusive() ? "abusive" : "ordinary",
                            r.lines(),
                            r.flagged(),
                            r.rate()));
        }
        b.append(
                String.format(
                        Locale.ROOT,
                        "| **all abusive (recall)** | | %d | | **%.3f** |%n"
                                + "| **all ordinary (flagged)** | | %d | | **%.3f** |%n",
                        count(true),
                        recall(),
                        count(false),
                        ordinaryFlagged()));
        return b.toString();
    }

    private int count(boolean abusiveRows) {
        return rows.stream().filter(r -> r.abusive() == abusiveRows).mapToInt(Row::lines).sum();
    }

    private static String unescape(String s) {
        Matcher m = ESCAPE.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(
                    b,
                    Matcher.quoteReplacement(
                            String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(b);
        return b.toString();
    }
}
