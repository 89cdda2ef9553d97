package dev.worldmind.model.recommend;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.UnsupportedFormatVersionException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A trained recommender's parameters: its algorithm's name and named arrays (factors, similarity
 * rows, popularity counts...) and settings. Saved as one binary file, {@code WMRP} then format
 * {@value #FORMAT_VERSION}; an unknown version fails clearly. Immutable once built.
 */
public final class Parameters {
    /** The version of the file layout written by {@link #write}. */
    public static final int FORMAT_VERSION = 1;

    private static final int MAGIC = 0x574d5250; // "WMRP"
    private static final byte FLOATS = 1;
    private static final byte INTS = 2;
    private static final byte TEXT = 3;
    private static final byte NUMBER = 4;

    private final String algorithm;
    private final Map<String, Object> values;

    private Parameters(String algorithm, Map<String, Object> values) {
        this.algorithm = algorithm;
        this.values = values;
    }

    /**
     * Starts the parameters of one algorithm.
     *
     * @param algorithm the algorithm's name
     * @return a builder
     */
    public static Builder builder(String algorithm) {
        return new Builder(algorithm);
    }

    /** The algorithm's name. */
    public String algorithm() {
        return algorithm;
    }

    /** The names stored, in the order they were added. */
    public Set<String> names() {
        return values.keySet();
    }

    /**
     * The values whose names start with a prefix, the prefix cut off, as another algorithm's
     * parameters (how a blend keeps its components).
     *
     * @param prefix the names' prefix, e.g. {@code "c0."}
     * @param algorithm the algorithm those values belong to
     * @return the parameters
     */
    public Parameters section(String prefix, String algorithm) {
        Map<String, Object> part = new LinkedHashMap<>();
        values.forEach(
                (name, value) -> {
                    if (name.startsWith(prefix)) {
                        part.put(name.substring(prefix.length()), value);
                    }
                });
        return new Parameters(algorithm, part);
    }

    /** A float array (a copy). */
    public float[] floats(String name) {
        return get(name, float[].class).clone();
    }

    /** An int array (a copy). */
    public int[] ints(String name) {
        return get(name, int[].class).clone();
    }

    /** A text value. */
    public String text(String name) {
        return get(name, String.class);
    }

    /** A number. */
    public double number(String name) {
        return get(name, Double.class);
    }

    private <T> T get(String name, Class<T> type) {
        Object value = values.get(name);
        if (value == null) {
            throw new InvalidDataException(
                    algorithm
                            + " parameters have no '"
                            + name
                            + "' (have "
                            + values.keySet()
                            + ")");
        }
        if (!type.isInstance(value)) {
            throw new InvalidDataException(
                    algorithm + " parameter '" + name + "' is not a " + type.getSimpleName());
        }
        return type.cast(value);
    }

    /**
     * Writes the file.
     *
     * @param file where to write
     */
    public void write(Path file) {
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeUTF(algorithm);
            out.writeInt(values.size());
            for (Map.Entry<String, Object> e : values.entrySet()) {
                out.writeUTF(e.getKey());
                Object value = e.getValue();
                if (value instanceof float[] f) {
                    out.writeByte(FLOATS);
                    out.writeInt(f.length);
                    for (float v : f) {
                        out.writeFloat(v);
                    }
                } else if (value instanceof int[] i) {
                    out.writeByte(INTS);
                    out.writeInt(i.length);
                    for (int v : i) {
                        out.writeInt(v);
                    }
                } else if (value instanceof String s) {
                    out.writeByte(TEXT);
                    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                } else {
                    out.writeByte(NUMBER);
                    out.writeDouble((Double) value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write recommender parameters to " + file, e);
        }
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @param file the file
     * @return the parameters
     * @throws InvalidDataException if the file is not a parameters file or is cut short
     * @throws UnsupportedFormatVersionException if it was written in an unknown format
     */
    public static Parameters read(Path file) {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            if (in.readInt() != MAGIC) {
                throw new InvalidDataException(file + " is not a recommender parameters file");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new UnsupportedFormatVersionException(
                        "recommender parameters " + file, version, FORMAT_VERSION);
            }
            Builder b = new Builder(in.readUTF());
            int count = in.readInt();
            for (int k = 0; k < count; k++) {
                String name = in.readUTF();
                byte type = in.readByte();
                switch (type) {
                    case FLOATS -> {
                        float[] f = new float[length(in, file)];
                        for (int i = 0; i < f.length; i++) {
                            f[i] = in.readFloat();
                        }
                        b.put(name, f);
                    }
                    case INTS -> {
                        int[] v = new int[length(in, file)];
                        for (int i = 0; i < v.length; i++) {
                            v[i] = in.readInt();
                        }
                        b.put(name, v);
                    }
                    case TEXT ->
                            b.put(
                                    name,
                                    new String(
                                            in.readNBytes(length(in, file)),
                                            StandardCharsets.UTF_8));
                    case NUMBER -> b.put(name, in.readDouble());
                    default ->
                            throw new InvalidDataException(
                                    file + ": parameter '" + name + "' has unknown type " + type);
                }
            }
            return b.build();
        } catch (EOFException e) {
            throw new InvalidDataException(file + " is cut short", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recommender parameters from " + file, e);
        }
    }

    private static int length(DataInputStream in, Path file) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > Integer.MAX_VALUE - 16) {
            throw new InvalidDataException(file + " has a corrupt array length " + n);
        }
        return n;
    }

    /** Collects named values; not thread-safe. */
    public static final class Builder {
        private final String algorithm;
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder(String algorithm) {
            if (algorithm == null || algorithm.isBlank()) {
                throw new IllegalArgumentException("parameters need an algorithm name");
            }
            this.algorithm = algorithm;
        }

        /**
         * Adds every value of other parameters under a prefix (see {@link #section}).
         *
         * @param prefix put before each name, e.g. {@code "c0."}
         * @param other the parameters to add
         * @return this builder
         */
        public Builder putAll(String prefix, Parameters other) {
            other.values.forEach(
                    (name, value) ->
                            add(
                                    prefix + name,
                                    value instanceof float[] f
                                            ? f.clone()
                                            : value instanceof int[] i ? i.clone() : value));
            return this;
        }

        /** Adds a float array (copied). */
        public Builder put(String name, float[] value) {
            return add(name, value.clone());
        }

        /** Adds an int array (copied). */
        public Builder put(String name, int[] value) {
            return add(name, value.clone());
        }

        /** Adds a text value. */
        public Builder put(String name, String value) {
            return add(name, value);
        }

        /** Adds a number. */
        public Builder put(String name, double value) {
            return add(name, value);
        }

        private Builder add(String name, Object value) {
            if (values.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("parameter '" + name + "' added twice");
            }
            return this;
        }

        /** Returns the parameters. */
        public Parameters build() {
            return new Parameters(algorithm, new LinkedHashMap<>(values));
        }
    }
}
