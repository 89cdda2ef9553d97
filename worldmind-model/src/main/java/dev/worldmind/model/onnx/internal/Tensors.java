package dev.worldmind.model.onnx.internal;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import com.google.protobuf.ByteString;
import dev.worldmind.core.InvalidDataException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Initializer tensors to and from Java arrays; ONNX stores raw data little-endian. */
public final class Tensors {
    private Tensors() {}

    /**
     * Makes a float tensor.
     *
     * @param name its name in the graph
     * @param values the values, row-major
     * @param dims its shape (none for a scalar)
     * @return the tensor
     */
    public static TensorProto floats(String name, float[] values, long... dims) {
        checkSize(name, values.length, dims);
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return tensor(name, DataType.FLOAT, ByteString.copyFrom(b.array()), dims);
    }

    /**
     * Makes an int8 tensor.
     *
     * @param name its name in the graph
     * @param values the values, row-major
     * @param dims its shape (none for a scalar)
     * @return the tensor
     */
    public static TensorProto int8(String name, byte[] values, long... dims) {
        checkSize(name, values.length, dims);
        return tensor(name, DataType.INT8, ByteString.copyFrom(values), dims);
    }

    /**
     * Makes a uint8 tensor.
     *
     * @param name its name in the graph
     * @param values the values as unsigned bytes, row-major
     * @param dims its shape (none for a scalar)
     * @return the tensor
     */
    public static TensorProto uint8(String name, byte[] values, long... dims) {
        checkSize(name, values.length, dims);
        return tensor(name, DataType.UINT8, ByteString.copyFrom(values), dims);
    }

    /**
     * Reads a float tensor, raw or in {@code float_data}.
     *
     * @param t the tensor
     * @return its values, row-major
     */
    public static float[] toFloats(TensorProto t) {
        if (t.getDataType() != DataType.FLOAT_VALUE) {
            throw new InvalidDataException(
                    "tensor " + t.getName() + " is not float but type " + t.getDataType());
        }
        if (!t.getRawData().isEmpty()) {
            float[] out = new float[t.getRawData().size() / 4];
            t.getRawData()
                    .asReadOnlyByteBuffer()
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer()
                    .get(out);
            return out;
        }
        float[] out = new float[t.getFloatDataCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.getFloatData(i);
        }
        return out;
    }

    /**
     * Returns a tensor's shape.
     *
     * @param t the tensor
     */
    public static long[] dims(TensorProto t) {
        long[] d = new long[t.getDimsCount()];
        for (int i = 0; i < d.length; i++) {
            d[i] = t.getDims(i);
        }
        return d;
    }

    private static TensorProto tensor(String name, DataType type, ByteString raw, long... dims) {
        TensorProto.Builder b =
                TensorProto.newBuilder().setName(name).setDataType(type.getNumber());
        for (long d : dims) {
            b.addDims(d);
        }
        return b.setRawData(raw).build();
    }

    private static void checkSize(String name, int length, long... dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        if (n != length) {
            throw new IllegalArgumentException(
                    name + ": " + length + " values do not fill shape of " + n);
        }
    }
}
