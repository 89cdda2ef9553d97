package dev.worldmind.model.generate;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The Fréchet distance between two Gaussians (Dowson and Landau), which FID (Heusel et al.) applies
 * to a network's features of real and generated images:
 *
 * <pre>d² = |μ1 − μ2|² + tr(C1) + tr(C2) − 2 tr((C1 C2)^½)</pre>
 *
 * <p>The trace of the square root is computed without a general matrix square root: C1 C2 is
 * similar to the symmetric positive semi-definite C1^½ C2 C1^½, so {@code tr((C1 C2)^½)} is the sum
 * of the square roots of that matrix's eigenvalues (symmetric eigendecompositions from
 * commons-math; eigenvalues below zero by rounding count as zero). Stateless.
 */
public final class FrechetDistance {
    private FrechetDistance() {}

    /**
     * Computes the squared Fréchet distance (the quantity reported as FID).
     *
     * @param a one distribution's statistics
     * @param b the other's, of the same dimension
     * @return the distance, at least 0
     */
    public static double between(FeatureStatistics a, FeatureStatistics b) {
        if (a.dimension() != b.dimension()) {
            throw new IllegalArgumentException(
                    "dimensions differ: " + a.dimension() + " vs " + b.dimension());
        }
        double meanTerm = 0;
        for (int i = 0; i < a.dimension(); i++) {
            double diff = a.mean()[i] - b.mean()[i];
            meanTerm += diff * diff;
        }
        RealMatrix c1 = MatrixUtils.createRealMatrix(a.covariance());
        RealMatrix c2 = MatrixUtils.createRealMatrix(b.covariance());
        RealMatrix root1 = sqrtSymmetric(c1);
        RealMatrix inner = root1.multiply(c2).multiply(root1);
        double traceRoot = 0;
        for (double lambda : eigenvalues(symmetrise(inner))) {
            traceRoot += Math.sqrt(Math.max(lambda, 0));
        }
        double d = meanTerm + c1.getTrace() + c2.getTrace() - 2 * traceRoot;
        return Math.max(d, 0);
    }

    /** The square root of a symmetric positive semi-definite matrix. */
    static RealMatrix sqrtSymmetric(RealMatrix m) {
        EigenDecomposition e = new EigenDecomposition(symmetrise(m));
        double[] values = e.getRealEigenvalues();
        RealMatrix v = e.getV();
        double[] roots = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            roots[i] = Math.sqrt(Math.max(values[i], 0));
        }
        return v.multiply(MatrixUtils.createRealDiagonalMatrix(roots)).multiply(v.transpose());
    }

    private static double[] eigenvalues(RealMatrix symmetric) {
        return new EigenDecomposition(symmetric).getRealEigenvalues();
    }

    private static RealMatrix symmetrise(RealMatrix m) {
        return m.add(m.transpose()).scalarMultiply(0.5);
    }
}
