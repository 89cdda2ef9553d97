package dev.worldmind.model.onnx.internal;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ONNX graph under construction or rewrite: nodes in topological order, initializers by name,
 * and fresh value names that never clash with existing ones. Not thread-safe.
 */
public final class GraphBuilder {
    private final String name;
    private final List<ValueInfoProto> inputs = new ArrayList<>();
    private final List<ValueInfoProto> outputs = new ArrayList<>();
    private final List<NodeProto> nodes = new ArrayList<>();
    private final Map<String, TensorProto> initializers = new LinkedHashMap<>();
    private final Set<String> names = new HashSet<>();
    private final Map<String, Integer> counters = new LinkedHashMap<>();

    /**
     * Starts an empty graph.
     *
     * @param name the graph's name
     */
    public GraphBuilder(String name) {
        this.name = name;
    }

    /**
     * Starts a rewrite of an existing graph.
     *
     * @param graph the graph
     * @return a builder holding its inputs, outputs, nodes and initializers
     */
    public static GraphBuilder of(GraphProto graph) {
        GraphBuilder b = new GraphBuilder(graph.getName());
        graph.getInputList().forEach(b::addInput);
        graph.getOutputList().forEach(b::addOutput);
        graph.getInitializerList().forEach(b::addInitializer);
        graph.getNodeList().forEach(b::addNode);
        return b;
    }

    /**
     * Returns a value name with this prefix not used yet, and reserves it.
     *
     * @param prefix e.g. {@code conv}
     */
    public String fresh(String prefix) {
        while (true) {
            int n = counters.merge(prefix, 1, Integer::sum) - 1;
            String candidate = prefix + "_" + n;
            if (names.add(candidate)) {
                return candidate;
            }
        }
    }

    /**
     * Adds a node with one fresh output named after its operator.
     *
     * @param opType the ONNX operator, e.g. {@code Conv}
     * @param inputs its input value names
     * @param attributes its attributes
     * @return the output's name
     */
    public String add(String opType, List<String> inputs, AttributeProto... attributes) {
        String out = fresh(opType.toLowerCase(java.util.Locale.ROOT));
        add(opType, inputs, out, attributes);
        return out;
    }

    /**
     * Adds a node with a given output name.
     *
     * @param opType the ONNX operator
     * @param inputs its input value names
     * @param output its output's name
     * @param attributes its attributes
     */
    public void add(
            String opType, List<String> inputs, String output, AttributeProto... attributes) {
        names.add(output);
        addNode(
                NodeProto.newBuilder()
                        .setOpType(opType)
                        .setName(output)
                        .addAllInput(inputs)
                        .addOutput(output)
                        .addAllAttribute(List.of(attributes))
                        .build());
    }

    /**
     * Appends an existing node.
     *
     * @param node the node
     */
    public void addNode(NodeProto node) {
        names.addAll(node.getOutputList());
        names.add(node.getName());
        nodes.add(node);
    }

    /**
     * Adds a constant tensor under a fresh name derived from its own.
     *
     * @param prefix the name prefix
     * @param tensor the tensor (its name is replaced)
     * @return the initializer's name
     */
    public String constant(String prefix, TensorProto tensor) {
        String n = fresh(prefix);
        addInitializer(tensor.toBuilder().setName(n).build());
        return n;
    }

    /**
     * Adds or replaces an initializer under its own name.
     *
     * @param tensor the tensor
     */
    public void addInitializer(TensorProto tensor) {
        names.add(tensor.getName());
        initializers.put(tensor.getName(), tensor);
    }

    /**
     * Adds a graph input.
     *
     * @param value its name and type
     */
    public void addInput(ValueInfoProto value) {
        names.add(value.getName());
        inputs.add(value);
    }

    /**
     * Adds a graph output.
     *
     * @param value its name and type
     */
    public void addOutput(ValueInfoProto value) {
        outputs.add(value);
    }

    /** Returns the nodes, in order; the list may be modified. */
    public List<NodeProto> nodes() {
        return nodes;
    }

    /** Returns the initializers by name; the map may be modified. */
    public Map<String, TensorProto> initializers() {
        return initializers;
    }

    /** Returns the graph outputs; the list may be modified. */
    public List<ValueInfoProto> outputs() {
        return outputs;
    }

    /** Drops initializers no node reads any more. */
    public void pruneInitializers() {
        Set<String> read = new HashSet<>();
        nodes.forEach(n -> read.addAll(n.getInputList()));
        initializers.keySet().retainAll(read);
    }

    /**
     * Counts how often each value is read, by nodes or as a graph output.
     *
     * @return value name to number of readers
     */
    public Map<String, Integer> readers() {
        Map<String, Integer> count = new HashMap<>();
        for (NodeProto n : nodes) {
            n.getInputList().forEach(i -> count.merge(i, 1, Integer::sum));
        }
        outputs.forEach(o -> count.merge(o.getName(), 1, Integer::sum));
        return count;
    }

    /**
     * Returns the node that writes each value.
     *
     * @return value name to node
     */
    public Map<String, NodeProto> producers() {
        Map<String, NodeProto> p = new HashMap<>();
        for (NodeProto n : nodes) {
            n.getOutputList().forEach(o -> p.put(o, n));
        }
        return p;
    }

    /** Returns the graph. */
    public GraphProto build() {
        return GraphProto.newBuilder()
                .setName(name)
                .addAllInput(inputs)
                .addAllOutput(outputs)
                .addAllNode(nodes)
                .addAllInitializer(initializers.values())
                .build();
    }

    /**
     * Describes a float tensor value; a negative dimension is symbolic and named {@code batch}.
     *
     * @param name the value's name
     * @param dims its shape, or none for an unknown shape
     * @return the value info
     */
    public static ValueInfoProto floatValue(String name, long... dims) {
        TypeProto.Tensor.Builder t =
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE);
        if (dims.length > 0) {
            TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
            for (long d : dims) {
                shape.addDim(
                        d < 0
                                ? TensorShapeProto.Dimension.newBuilder().setDimParam("batch")
                                : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
            }
            t.setShape(shape);
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder().setTensorType(t))
                .build();
    }

    /**
     * Reads an integer attribute of a node.
     *
     * @param node the node
     * @param name the attribute
     * @param otherwise the value when it is absent (the operator's default)
     */
    public static long intAttr(NodeProto node, String name, long otherwise) {
        for (AttributeProto a : node.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a.getI();
            }
        }
        return otherwise;
    }

    /**
     * Reads a float attribute of a node.
     *
     * @param node the node
     * @param name the attribute
     * @param otherwise the value when it is absent (the operator's default)
     */
    public static float floatAttr(NodeProto node, String name, float otherwise) {
        for (AttributeProto a : node.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a.getF();
            }
        }
        return otherwise;
    }

    /**
     * An integer attribute.
     *
     * @param name the attribute
     * @param value its value
     */
    public static AttributeProto attr(String name, long value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeType.INT)
                .setI(value)
                .build();
    }

    /**
     * A float attribute.
     *
     * @param name the attribute
     * @param value its value
     */
    public static AttributeProto attr(String name, float value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeType.FLOAT)
                .setF(value)
                .build();
    }

    /**
     * An integer-list attribute.
     *
     * @param name the attribute
     * @param values its values
     */
    public static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder b =
                AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
        for (long v : values) {
            b.addInts(v);
        }
        return b.build();
    }
}
