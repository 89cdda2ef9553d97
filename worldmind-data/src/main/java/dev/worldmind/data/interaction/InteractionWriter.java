package dev.worldmind.data.interaction;

import dev.worldmind.core.InvalidDataException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

/**
 * Writes interactions in the {@link InteractionFormat#CSV} format that {@link InteractionReader}
 * reads back unchanged: the header {@code user,item,weight,timestamp}, then one line per
 * interaction. Ids with a comma, a quote or surrounding spaces are quoted; the weight is written
 * exactly (an integral one without a fraction); the time is an ISO-8601 instant ({@code
 * 2024-03-01T12:00:00Z}, with milliseconds when it has them), or empty when it is 0 (unknown), so
 * it can never be mistaken for seconds. Stateless.
 */
public final class InteractionWriter {
    /** The header line. */
    public static final String HEADER = "user,item,weight,timestamp";

    private InteractionWriter() {}

    /**
     * Writes a file, replacing it.
     *
     * @param file the file (gzip-compressed if its name ends in {@code .gz})
     * @param interactions the interactions, written in this order
     * @throws InvalidDataException if the file cannot be written or an id holds a line break
     */
    public static void write(Path file, Iterable<Interaction> interactions) {
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream out =
                        file.getFileName().toString().endsWith(".gz")
                                ? new GZIPOutputStream(raw, 1 << 16)
                                : raw;
                Writer w =
                        new BufferedWriter(
                                new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            write(w, interactions);
        } catch (IOException e) {
            throw new InvalidDataException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes interactions as text.
     *
     * @param out where to write (not closed)
     * @param interactions the interactions, written in this order
     * @throws IOException if writing fails
     * @throws InvalidDataException if an id holds a line break
     */
    public static void write(Writer out, Iterable<Interaction> interactions) throws IOException {
        out.write(HEADER);
        out.write('\n');
        StringBuilder line = new StringBuilder(64);
        for (Interaction x : interactions) {
            line.setLength(0);
            id(line, x.user()).append(',');
            id(line, x.item()).append(',');
            weight(line, x.weight()).append(',');
            if (Math.abs(x.at()) >= Timestamps.SECONDS_BELOW) {
                line.append(x.at());
            } else if (x.at() != 0) {
                line.append(Instant.ofEpochMilli(x.at()));
            }
            line.append('\n');
            out.append(line);
        }
    }

    private static StringBuilder id(StringBuilder line, String id) {
        if (id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
            throw new InvalidDataException(
                    "an id with a line break cannot be written as CSV: " + id.strip());
        }
        boolean quote =
                id.indexOf(',') >= 0
                        || id.indexOf('"') >= 0
                        || !id.equals(id.strip())
                        || id.startsWith("\uFEFF");
        return quote
                ? line.append('"').append(id.replace("\"", "\"\"")).append('"')
                : line.append(id);
    }

    private static StringBuilder weight(StringBuilder line, double weight) {
        if (weight == Math.rint(weight) && Math.abs(weight) < 1e15) {
            return line.append((long) weight);
        }
        return line.append(weight); // Double.toString: the shortest text that reads back exactly
    }
}
