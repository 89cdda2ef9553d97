package dev.worldmind.model.recommend;

/**
 * Solves one row's implicit-ALS normal equations against fixed factors {@code Y} (Hu, Koren &
 * Volinsky 2008): {@code (YᵀY + λI + Σ (c−1) y yᵀ) x = Σ c y} over the row's observed items, with
 * {@code YᵀY} computed once per sweep (the "gram") and λ given per row. Two ways: a few
 * conjugate-gradient steps warm-started from the current vector without forming the matrix (Takács
 * et al. 2011, as in the {@code implicit} library), or an exact Cholesky solve. Made for one sweep
 * (the fixed side: gram, factors, and every row's observed items and confidences) and holds scratch
 * space: one per thread.
 */
final class AlsSolver {
    private static final double TINY = 1e-20;

    private final int k;
    private final double[] gram;
    private final float[] y;
    private final int[] cols;
    private final float[] conf;
    private final double[] x;
    private final double[] r;
    private final double[] p;
    private final double[] ap;
    private final double[] a;

    /**
     * A solver for the rows of one sweep.
     *
     * @param k the factors
     * @param gram {@code YᵀY}
     * @param y the fixed factors, row-major
     * @param cols the observed items' rows in {@code y}, every row's after the one before
     * @param conf their confidences
     */
    AlsSolver(int k, double[] gram, float[] y, int[] cols, float[] conf) {
        this.k = k;
        this.gram = gram;
        this.y = y;
        this.cols = cols;
        this.conf = conf;
        x = new double[k];
        r = new double[k];
        p = new double[k];
        ap = new double[k];
        a = new double[k * k];
    }

    /** {@code FᵀF} of row-major factors {@code f} (n rows of k), as a row-major k x k matrix. */
    static double[] gram(float[] f, int k) {
        double[] g = new double[k * k];
        int n = f.length / k;
        for (int row = 0; row < n; row++) {
            int o = row * k;
            for (int i = 0; i < k; i++) {
                double fi = f[o + i];
                if (fi == 0) {
                    continue;
                }
                int gi = i * k;
                for (int j = i; j < k; j++) {
                    g[gi + j] += fi * f[o + j];
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                g[i * k + j] = g[j * k + i];
            }
        }
        return g;
    }

    /**
     * Improves {@code target[at..at+k)} with up to {@code steps} conjugate-gradient steps.
     *
     * @param lambda the row's regularisation
     * @param from the row's first entry of {@code cols}/{@code conf}
     * @param to one past its last
     * @param target where the row's vector is read from and written to
     * @param at its offset
     * @param steps how many CG steps at most
     */
    void conjugateGradient(double lambda, int from, int to, float[] target, int at, int steps) {
        for (int f = 0; f < k; f++) {
            x[f] = target[at + f];
        }
        // r = b - A x, with A x = gram x + sum (c-1)(y.x) y and b = sum c y
        multiply(gram, lambda, x, r);
        for (int f = 0; f < k; f++) {
            r[f] = -r[f];
        }
        for (int e = from; e < to; e++) {
            int o = cols[e] * k;
            double c = conf[e];
            double yx = 0;
            for (int f = 0; f < k; f++) {
                yx += y[o + f] * x[f];
            }
            double s = c - (c - 1) * yx;
            for (int f = 0; f < k; f++) {
                r[f] += s * y[o + f];
            }
        }
        System.arraycopy(r, 0, p, 0, k);
        double rsOld = dot(r, r);
        for (int it = 0; it < steps && rsOld > TINY; it++) {
            multiply(gram, lambda, p, ap);
            for (int e = from; e < to; e++) {
                int o = cols[e] * k;
                double yp = 0;
                for (int f = 0; f < k; f++) {
                    yp += y[o + f] * p[f];
                }
                double s = (conf[e] - 1) * yp;
                for (int f = 0; f < k; f++) {
                    ap[f] += s * y[o + f];
                }
            }
            double alpha = rsOld / dot(p, ap);
            for (int f = 0; f < k; f++) {
                x[f] += alpha * p[f];
                r[f] -= alpha * ap[f];
            }
            double rsNew = dot(r, r);
            double beta = rsNew / rsOld;
            for (int f = 0; f < k; f++) {
                p[f] = r[f] + beta * p[f];
            }
            rsOld = rsNew;
        }
        for (int f = 0; f < k; f++) {
            target[at + f] = (float) x[f];
        }
    }

    /** Solves the same system exactly (Cholesky) into {@code target[at..at+k)}. */
    void exact(double lambda, int from, int to, float[] target, int at) {
        System.arraycopy(gram, 0, a, 0, k * k);
        for (int i = 0; i < k; i++) {
            a[i * k + i] += lambda;
        }
        java.util.Arrays.fill(x, 0);
        for (int e = from; e < to; e++) {
            int o = cols[e] * k;
            double c = conf[e];
            for (int i = 0; i < k; i++) {
                double yi = y[o + i];
                x[i] += c * yi;
                double s = (c - 1) * yi;
                if (s == 0) {
                    continue;
                }
                for (int j = 0; j <= i; j++) {
                    a[i * k + j] += s * y[o + j];
                }
            }
        }
        choleskySolve(a, x, k);
        for (int f = 0; f < k; f++) {
            target[at + f] = (float) x[f];
        }
    }

    /**
     * Solves {@code A x = b} in place for a symmetric positive definite A of which only the lower
     * triangle is read; A is overwritten by its Cholesky factor and b by x.
     */
    static void choleskySolve(double[] a, double[] b, int k) {
        for (int j = 0; j < k; j++) {
            double d = a[j * k + j];
            for (int m = 0; m < j; m++) {
                d -= a[j * k + m] * a[j * k + m];
            }
            if (!(d > 0)) {
                throw new ArithmeticException("matrix is not positive definite (pivot " + j + ")");
            }
            d = Math.sqrt(d);
            a[j * k + j] = d;
            for (int i = j + 1; i < k; i++) {
                double s = a[i * k + j];
                for (int m = 0; m < j; m++) {
                    s -= a[i * k + m] * a[j * k + m];
                }
                a[i * k + j] = s / d;
            }
        }
        for (int i = 0; i < k; i++) {
            double s = b[i];
            for (int m = 0; m < i; m++) {
                s -= a[i * k + m] * b[m];
            }
            b[i] = s / a[i * k + i];
        }
        for (int i = k - 1; i >= 0; i--) {
            double s = b[i];
            for (int m = i + 1; m < k; m++) {
                s -= a[m * k + i] * b[m];
            }
            b[i] = s / a[i * k + i];
        }
    }

    /** {@code out = (m + λI) v}. */
    private void multiply(double[] m, double lambda, double[] v, double[] out) {
        for (int i = 0; i < k; i++) {
            double s = lambda * v[i];
            int o = i * k;
            for (int j = 0; j < k; j++) {
                s += m[o + j] * v[j];
            }
            out[i] = s;
        }
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }
}
