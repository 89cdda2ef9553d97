package dev.worldmind.model.onnx.internal;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.provenance.CodeVersion;
import dev.worldmind.model.onnx.OnnxFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Whole ONNX models: parse, assemble with Worldmind's header fields, read metadata. */
public final class ModelProtos {
    private ModelProtos() {}

    /**
     * Parses a serialised model.
     *
     * @param bytes the file's content
     * @param source the file, for messages
     * @return the model
     * @throws InvalidDataException if it is not an ONNX model
     */
    public static ModelProto parse(byte[] bytes, String source) {
        try {
            ModelProto m = ModelProto.parseFrom(bytes);
            if (!m.hasGraph() || m.getGraph().getNodeCount() == 0) {
                throw new InvalidDataException(source + " is not an ONNX model: it has no graph");
            }
            return m;
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidDataException(
                    source + " is not an ONNX model (corrupt or truncated): " + e.getMessage(), e);
        }
    }

    /**
     * Assembles a model in Worldmind's format around a graph.
     *
     * @param graph the graph
     * @param properties the {@code metadata_props}
     * @param description the model's doc string
     * @return the model
     */
    public static ModelProto model(
            GraphProto graph, Map<String, String> properties, String description) {
        ModelProto.Builder b =
                ModelProto.newBuilder()
                        .setIrVersion(OnnxFormat.IR_VERSION)
                        .setProducerName(OnnxFormat.PRODUCER)
                        .setProducerVersion(CodeVersion.worldmindVersion())
                        .setDomain("dev.worldmind")
                        .setDocString(description)
                        .addOpsetImport(
                                OperatorSetIdProto.newBuilder()
                                        .setDomain("")
                                        .setVersion(OnnxFormat.OPSET))
                        .setGraph(graph);
        properties.forEach(
                (k, v) ->
                        b.addMetadataProps(
                                StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return b.build();
    }

    /**
     * Returns a model's {@code metadata_props}.
     *
     * @param model the model
     */
    public static Map<String, String> properties(ModelProto model) {
        Map<String, String> p = new LinkedHashMap<>();
        for (StringStringEntryProto e : model.getMetadataPropsList()) {
            p.put(e.getKey(), e.getValue());
        }
        return p;
    }
}
