package dev.worldmind.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.parse_json;
import static org.apache.spark.sql.functions.schema_of_variant;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.variant_get;
import static org.apache.spark.sql.functions.when;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.events.EventKind;
import dev.worldmind.data.interaction.EventInteractions;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionWeights;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads interactions with Spark SQL from the behaviour event log as {@code worldmind events export}
 * writes it (CSV with the header {@code id,at,account_id,username,space,kind,payload}, or JSON
 * Lines of protocol events) or from interaction files (CSV {@code user,item,weight,timestamp}, the
 * time in epoch milliseconds or ISO-8601, empty for unknown). Events become interactions by exactly
 * the rules of {@link EventInteractions}, written as Spark column expressions. The format is told
 * from the file's first line. Stateless.
 */
public final class SparkInteractions {
    /** The interaction frame's columns: user, item (strings), weight (double), at (epoch ms). */
    public static final List<String> COLUMNS = List.of("user", "item", "weight", "at");

    static final String EVENT_CSV_HEADER = "id,at,account_id,username,space,kind,payload";
    static final String INTERACTION_CSV_HEADER = "user,item,weight,timestamp";

    private static final StructType EVENT_CSV =
            new StructType()
                    .add("id", DataTypes.StringType)
                    .add("at", DataTypes.StringType)
                    .add("account_id", DataTypes.StringType)
                    .add("username", DataTypes.StringType)
                    .add("space", DataTypes.StringType)
                    .add("kind", DataTypes.StringType)
                    .add("payload", DataTypes.StringType);
    // The payload object is read as its JSON text (Spark keeps an object as text for a string
    // field).
    private static final StructType EVENT_JSON =
            new StructType()
                    .add("id", DataTypes.LongType)
                    .add("at", DataTypes.StringType)
                    .add("accountId", DataTypes.LongType)
                    .add("username", DataTypes.StringType)
                    .add("space", DataTypes.StringType)
                    .add("kind", DataTypes.StringType)
                    .add("payload", DataTypes.StringType);
    private static final StructType INTERACTION_CSV =
            new StructType()
                    .add("user", DataTypes.StringType)
                    .add("item", DataTypes.StringType)
                    .add("weight", DataTypes.DoubleType)
                    .add("timestamp", DataTypes.StringType);

    /** The file formats read. */
    public enum Format {
        /** The event log exported as CSV. */
        EVENTS_CSV,
        /** The event log exported as JSON Lines. */
        EVENTS_JSONL,
        /** Interactions as CSV {@code user,item,weight,timestamp}. */
        INTERACTIONS_CSV
    }

    private SparkInteractions() {}

    /**
     * Tells a file's format from its first line.
     *
     * @param file the file
     * @return the format
     * @throws InvalidDataException if the file is missing, empty or in no known format
     */
    public static Format format(Path file) {
        String first;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = r.readLine();
            while (first != null && first.isBlank()) {
                first = r.readLine();
            }
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (first == null) {
            throw new InvalidDataException(
                    file
                            + " is empty: expected an event log export (CSV or JSON Lines) or an"
                            + " interaction CSV with the header "
                            + INTERACTION_CSV_HEADER);
        }
        String header = first.strip().replace("\uFEFF", "");
        if (header.equals(EVENT_CSV_HEADER)) {
            return Format.EVENTS_CSV;
        }
        if (header.equals(INTERACTION_CSV_HEADER)) {
            return Format.INTERACTIONS_CSV;
        }
        if (header.startsWith("{")) {
            return Format.EVENTS_JSONL;
        }
        throw new InvalidDataException(
                file
                        + " starts with '"
                        + (header.length() > 80 ? header.substring(0, 80) + "..." : header)
                        + "': expected the header "
                        + EVENT_CSV_HEADER
                        + " or "
                        + INTERACTION_CSV_HEADER
                        + ", or a JSON event per line");
    }

    /**
     * Reads a file's interactions as a frame of {@link #COLUMNS} (lazily: Spark reads it when the
     * frame is used).
     *
     * @param spark the session
     * @param file an event log export or an interaction CSV
     * @param weights how much each kind of event counts (unused for interaction files)
     * @return the interactions, in no particular order, not merged
     */
    public static Dataset<Row> read(SparkSession spark, Path file, InteractionWeights weights) {
        String path = file.toAbsolutePath().toString();
        return switch (format(file)) {
            case EVENTS_CSV -> fromEvents(csv(spark, EVENT_CSV).csv(path), weights);
            case EVENTS_JSONL ->
                    fromEvents(
                            spark.read().schema(EVENT_JSON).option("mode", "FAILFAST").json(path),
                            weights);
            case INTERACTIONS_CSV -> {
                Dataset<Row> rows = csv(spark, INTERACTION_CSV).csv(path);
                Column ts = col("timestamp");
                Column at =
                        when(ts.isNull(), lit(0L))
                                .when(ts.rlike("^-?[0-9]+$"), ts.cast("long"))
                                .otherwise(unix_millis(ts.cast("timestamp")));
                yield rows.select(
                        col("user"), col("item"), col("weight"), at.cast("long").as("at"));
            }
        };
    }

    /**
     * Reads a file's interactions and brings them to the driver.
     *
     * @param spark the session
     * @param file an event log export or an interaction CSV
     * @param weights how much each kind of event counts
     * @return the interactions
     * @throws InvalidDataException if the file cannot be read or holds an invalid interaction
     */
    public static List<Interaction> collect(
            SparkSession spark, Path file, InteractionWeights weights) {
        try {
            return collect(read(spark, file, weights));
        } catch (InvalidDataException e) {
            throw e;
        } catch (Exception e) {
            // Spark wraps parse errors (FAILFAST, ANSI casts) in its own exceptions, some of them
            // checked (SparkException) though Java does not see them declared.
            throw new InvalidDataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Turns events into interactions, as {@link EventInteractions#of(Iterable, InteractionWeights)}
     * does: the user is the username; the item is {@code space:<space>} for a join, {@code
     * character:<id>} for a conversation and {@code <space>/<item>} (or {@code <item>} without a
     * space) for the other counted kinds, the ids taken from the payload only when they are JSON
     * strings that are not blank; events without a user or an item, and uncounted kinds, are
     * dropped.
     *
     * @param events a frame with columns at (ISO-8601 text), username, space, kind and payload
     *     (JSON text)
     * @param weights how much each kind counts
     * @return a frame of {@link #COLUMNS}
     */
    public static Dataset<Row> fromEvents(Dataset<Row> events, InteractionWeights weights) {
        Column kind = lower(col("kind"));
        Column weight = lit(null).cast("double");
        Column item = lit(null).cast("string");
        Column payload = parse_json(coalesce(col("payload"), lit("{}")));
        for (Map.Entry<EventKind, Double> w : weights.weights().entrySet()) {
            Column is = kind.equalTo(w.getKey().value());
            weight = when(is, lit(w.getValue())).otherwise(weight);
            Column thisItem =
                    switch (w.getKey()) {
                        case JOIN -> concat(lit(InteractionWeights.SPACE), col("space"));
                        case CONVERSATION ->
                                concat(
                                        lit(InteractionWeights.CHARACTER),
                                        text(payload, "character"));
                        default -> {
                            Column id = text(payload, "item");
                            yield when(col("space").isNull(), id)
                                    .otherwise(concat(col("space"), lit("/"), id));
                        }
                    };
            item = when(is, thisItem).otherwise(item);
        }
        return events.select(
                        col("username").as("user"),
                        item.as("item"),
                        weight.as("weight"),
                        unix_millis(col("at").cast("timestamp")).as("at"))
                .where(
                        col("user")
                                .isNotNull()
                                .and(col("item").isNotNull())
                                .and(col("weight").isNotNull()));
    }

    /** A payload field's text, or null unless it is a JSON string that is not blank. */
    private static Column text(Column payload, String field) {
        Column v = variant_get(payload, "$." + field, "variant");
        Column s = variant_get(payload, "$." + field, "string");
        // \p{javaWhitespace} is Character.isWhitespace, which String.isBlank uses.
        return when(
                schema_of_variant(v)
                        .equalTo("STRING")
                        .and(s.rlike("^\\p{javaWhitespace}*$").unary_$bang()),
                s);
    }

    /**
     * Brings an interaction frame to the driver.
     *
     * @param frame a frame of {@link #COLUMNS}
     * @return the interactions
     * @throws InvalidDataException for a blank id or a weight that is not positive
     */
    public static List<Interaction> collect(Dataset<Row> frame) {
        List<Interaction> out = new ArrayList<>();
        for (Row r :
                frame.select(COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new))
                        .collectAsList()) {
            if (r.isNullAt(2)) {
                throw new InvalidDataException(
                        "an interaction of "
                                + r.getString(0)
                                + " with "
                                + r.getString(1)
                                + " has no weight");
            }
            out.add(
                    new Interaction(
                            r.getString(0),
                            r.getString(1),
                            r.getDouble(2),
                            r.isNullAt(3) ? 0L : r.getLong(3)));
        }
        return out;
    }

    private static org.apache.spark.sql.DataFrameReader csv(SparkSession spark, StructType schema) {
        // The exporter quotes as RFC 4180 does (a quote inside is doubled), not with backslashes.
        return spark.read()
                .schema(schema)
                .option("header", true)
                .option("escape", "\"")
                .option("multiLine", true)
                .option("mode", "FAILFAST");
    }
}
