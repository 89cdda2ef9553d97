package dev.worldmind.model.recommend;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.worldmind.core.InvalidDataException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Inverts a symmetric positive definite matrix, row-major, for {@link EaseWeights}: by the DJL
 * engine's LAPACK ({@link #onEngine}) or in plain Java ({@link #sweep}). May overwrite its input.
 */
@FunctionalInterface
interface SymmetricInverse {
    /**
     * @param a the matrix, row-major; its contents may be destroyed (or hold the result)
     * @param n its order
     * @return the inverse, row-major
     * @throws InvalidDataException if it is not positive definite
     */
    double[] of(double[] a, int n);

    /** Free physical memory, as the operating system reports it (0 if it does not). */
    static long nativeBytesFree() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getFreeMemorySize();
        }
        return 0;
    }

    /** The engine whose dense inverse was measured: libtorch's LAPACK. */
    String ENGINE = "PyTorch";

    /**
     * Whether DJL's PyTorch engine is there to ask for a dense inverse. Not any engine: another one
     * (ONNX Runtime, the tokenizers' engine, on a class path without PyTorch, as Spark's is) has no
     * {@code inverse}; without PyTorch the sweep does the work.
     */
    static boolean engineAvailable() {
        try {
            return Engine.getAllEngines().contains(ENGINE) && Engine.getEngine(ENGINE) != null;
        } catch (RuntimeException e) {
            // listed but its native library cannot load: the sweep does the work
            return false;
        }
    }

    /**
     * The inverse of a symmetric positive definite matrix in plain Java, by the sweep operator
     * (Goodnight, 1979): sweeping every pivot turns the matrix into minus its inverse and keeps it
     * symmetric, so only the lower triangle is worked on (half of Gauss-Jordan's work), held as one
     * array per row: the JIT compiles the row updates of that layout twice as fast as the same
     * loops over the flat matrix (4.9 s against 10.1 s at 2,996 items, bench/ease-fit). No pivoting
     * is needed: each pivot is a positive Schur complement. The row updates of each step run in
     * parallel. EJML's concurrent Cholesky inverse measured slower than this (21.4 s against 9.8 s
     * on the same 2,996 x 2,996 matrix, load 10 on 2 cores), so it is not used.
     *
     * @param a the matrix, row-major; receives the inverse
     * @param n its order
     * @return {@code a}
     * @throws InvalidDataException if the matrix is not positive definite
     */
    static double[] sweep(double[] a, int n) {
        double[][] lower = new double[n][];
        for (int i = 0; i < n; i++) {
            lower[i] = Arrays.copyOfRange(a, i * n, i * n + i + 1);
        }
        double[] column = new double[n];
        for (int k = 0; k < n; k++) {
            double pivot = lower[k][k];
            if (!(pivot > 0) || Double.isInfinite(pivot)) {
                throw new InvalidDataException(
                        Ease.NAME + ": the Gram matrix is not positive definite at " + k);
            }
            for (int j = 0; j < n; j++) {
                column[j] = j <= k ? lower[k][j] : lower[j][k];
            }
            final int kk = k;
            IntStream.range(0, n)
                    .parallel()
                    .forEach(
                            i -> {
                                double f = column[i] / pivot;
                                if (i == kk || f == 0) {
                                    return;
                                }
                                double[] row = lower[i];
                                for (int j = 0; j <= i; j++) {
                                    row[j] -= f * column[j];
                                }
                            });
            for (int j = 0; j < k; j++) {
                lower[k][j] = column[j] / pivot;
            }
            for (int j = k + 1; j < n; j++) {
                lower[j][k] = column[j] / pivot;
            }
            lower[k][k] = -1 / pivot;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i * n + j] = -lower[i][j];
                a[j * n + i] = -lower[i][j];
            }
        }
        return a;
    }

    /**
     * The inverse by DJL's PyTorch engine (libtorch's LAPACK), the matrix off the heap while it
     * works.
     *
     * @param a the matrix, row-major; receives the result
     * @param n its order
     * @param single whether to invert in float32 instead of float64
     * @return {@code a}, now the inverse
     */
    static double[] onEngine(double[] a, int n, boolean single) {
        try (NDManager manager = Engine.getEngine(ENGINE).newBaseManager()) {
            NDArray g;
            if (single) {
                // narrowed here, so the engine never holds a float64 copy
                ByteBuffer buffer =
                        ByteBuffer.allocateDirect(4 * n * n).order(ByteOrder.nativeOrder());
                FloatBuffer floats = buffer.asFloatBuffer();
                for (int k = 0; k < a.length; k++) {
                    floats.put(k, (float) a[k]);
                }
                g = manager.create(buffer, new Shape(n, n), DataType.FLOAT32);
            } else {
                g = manager.create(a, new Shape(n, n));
            }
            NDArray p = g.inverse();
            g.close();
            if (single) {
                FloatBuffer f = p.toByteBuffer().asFloatBuffer();
                for (int k = 0; k < a.length; k++) {
                    a[k] = f.get(k);
                }
            } else {
                p.toByteBuffer().asDoubleBuffer().get(a);
            }
            return a;
        }
    }
}
