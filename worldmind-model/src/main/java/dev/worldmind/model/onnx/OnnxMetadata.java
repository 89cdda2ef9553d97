package dev.worldmind.model.onnx;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.UnsupportedFormatVersionException;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.data.image.Normalization;
import dev.worldmind.model.vision.ArchitectureSpec;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Worldmind ONNX file says about itself in its {@code metadata_props}: enough to use it
 * without the registry (classes, input, normalisation) and to trace it back (source model, code
 * version, the source's provenance). Every key starts with {@code worldmind.}; values are plain
 * text or JSON.
 *
 * @param formatVersion the {@link OnnxFormat#FORMAT_VERSION} the file was written in
 * @param modelRef the registered model it was made from, {@code name:version}, or empty
 * @param architecture the network and its input shape
 * @param classes the class names, in output order
 * @param normalization the normalisation the graph applies to its input
 * @param codeVersion the Worldmind source revision that wrote the file
 * @param compression how the weights were compressed ({@code int8}), or empty for fp32
 * @param provenance the source model's provenance, if it had one
 * @param details further facts as JSON text by key, e.g. {@code quantization}
 */
public record OnnxMetadata(
        int formatVersion,
        String modelRef,
        ArchitectureSpec architecture,
        List<String> classes,
        Normalization normalization,
        String codeVersion,
        String compression,
        Optional<Provenance> provenance,
        Map<String, String> details) {

    private static final String PREFIX = "worldmind.";
    private static final String FORMAT = PREFIX + "format_version";
    private static final String MODEL = PREFIX + "model_ref";
    private static final String ARCHITECTURE = PREFIX + "architecture";
    private static final String CLASSES = PREFIX + "classes";
    private static final String NORMALIZATION = PREFIX + "normalization";
    private static final String CODE = PREFIX + "code_version";
    private static final String COMPRESSION = PREFIX + "compression";
    private static final String PROVENANCE = PREFIX + "provenance";
    private static final String DETAIL = PREFIX + "detail.";

    public OnnxMetadata {
        Objects.requireNonNull(modelRef, "modelRef");
        Objects.requireNonNull(architecture, "architecture");
        classes = List.copyOf(classes);
        if (classes.size() != architecture.classes()) {
            throw new IllegalArgumentException(
                    architecture.classes() + " outputs but " + classes.size() + " class names");
        }
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(codeVersion, "codeVersion");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(provenance, "provenance");
        details = Map.copyOf(details);
    }

    /**
     * Describes an fp32 export in the current format.
     *
     * @param modelRef the registered source model, or empty
     * @param architecture the network
     * @param classes the class names
     * @param normalization the input normalisation
     * @param codeVersion the Worldmind revision exporting it
     * @param provenance the source model's provenance, if any
     * @return the metadata
     */
    public static OnnxMetadata of(
            String modelRef,
            ArchitectureSpec architecture,
            List<String> classes,
            Normalization normalization,
            String codeVersion,
            Optional<Provenance> provenance) {
        return new OnnxMetadata(
                OnnxFormat.FORMAT_VERSION,
                modelRef,
                architecture,
                classes,
                normalization,
                codeVersion,
                "",
                provenance,
                Map.of());
    }

    /**
     * Returns this metadata for a compressed copy of the model.
     *
     * @param how the compression, e.g. {@code int8}
     * @param moreDetails facts to add (JSON text by key)
     * @return the new metadata
     */
    public OnnxMetadata compressed(String how, Map<String, String> moreDetails) {
        Map<String, String> d = new LinkedHashMap<>(details);
        d.putAll(moreDetails);
        return new OnnxMetadata(
                formatVersion,
                modelRef,
                architecture,
                classes,
                normalization,
                codeVersion,
                how,
                provenance,
                d);
    }

    /** Returns the {@code metadata_props} entries, in a stable order. */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(FORMAT, Integer.toString(formatVersion));
        p.put(MODEL, modelRef);
        p.put(ARCHITECTURE, Json.writeCompact(architecture));
        p.put(CLASSES, Json.writeCompact(classes));
        p.put(NORMALIZATION, Json.writeCompact(normalization));
        p.put(CODE, codeVersion);
        p.put(COMPRESSION, compression);
        provenance.ifPresent(v -> p.put(PROVENANCE, Json.writeCompact(v)));
        details.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> p.put(DETAIL + e.getKey(), e.getValue()));
        return p;
    }

    /**
     * Reads the metadata of a file.
     *
     * @param properties its {@code metadata_props}
     * @param source the file, for messages
     * @return the metadata
     * @throws InvalidDataException if it is not a Worldmind ONNX file or its metadata is damaged
     * @throws UnsupportedFormatVersionException if it was written in another format version
     */
    public static OnnxMetadata fromProperties(Map<String, String> properties, String source) {
        String format = properties.get(FORMAT);
        if (format == null) {
            throw new InvalidDataException(
                    source + " is not a Worldmind ONNX model: it has no " + FORMAT + " metadata");
        }
        int version;
        try {
            version = Integer.parseInt(format.strip());
        } catch (NumberFormatException e) {
            throw new InvalidDataException(source + " has a damaged " + FORMAT + ": " + format, e);
        }
        if (version != OnnxFormat.FORMAT_VERSION) {
            throw new UnsupportedFormatVersionException(
                    "ONNX model " + source, version, OnnxFormat.FORMAT_VERSION);
        }
        try {
            Map<String, String> details = new LinkedHashMap<>();
            properties.forEach(
                    (k, v) -> {
                        if (k.startsWith(DETAIL)) {
                            details.put(k.substring(DETAIL.length()), v);
                        }
                    });
            String prov = properties.get(PROVENANCE);
            return new OnnxMetadata(
                    version,
                    properties.getOrDefault(MODEL, ""),
                    Json.mapper()
                            .readValue(
                                    required(properties, ARCHITECTURE, source),
                                    ArchitectureSpec.class),
                    Json.mapper()
                            .readValue(
                                    required(properties, CLASSES, source),
                                    new TypeReference<List<String>>() {}),
                    Json.mapper()
                            .readValue(
                                    required(properties, NORMALIZATION, source),
                                    Normalization.class),
                    properties.getOrDefault(CODE, "unknown"),
                    properties.getOrDefault(COMPRESSION, ""),
                    prov == null
                            ? Optional.empty()
                            : Optional.of(Json.mapper().readValue(prov, Provenance.class)),
                    details);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidDataException(
                    source + " has damaged worldmind metadata: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> p, String key, String source) {
        String v = p.get(key);
        if (v == null) {
            throw new InvalidDataException(source + " lacks the " + key + " metadata");
        }
        return v;
    }
}
