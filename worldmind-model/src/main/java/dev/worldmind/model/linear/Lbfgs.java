package dev.worldmind.model.linear;

/**
 * Limited-memory BFGS for smooth objectives of a few thousand parameters: full-batch and
 * deterministic, so a fit depends on nothing but its data and starting point. Backtracking line
 * search with the Armijo condition; stops when the gradient or the relative improvement is tiny.
 */
public final class Lbfgs {
    /** An objective: fills {@code gradient} at {@code x} and returns the value there. */
    @FunctionalInterface
    public interface Objective {
        /**
         * Evaluates the objective.
         *
         * @param x the point
         * @param gradient filled with the gradient at x
         * @return the value at x
         */
        double evaluate(double[] x, double[] gradient);
    }

    private static final int MEMORY = 10;

    private Lbfgs() {}

    /**
     * Minimises an objective, starting from and overwriting {@code x}.
     *
     * @param objective the objective
     * @param x the starting point; holds the minimiser on return
     * @param maxIterations the most iterations to run
     * @param tolerance stop when the relative improvement of one step falls below this
     * @return the final value
     */
    public static double minimize(
            Objective objective, double[] x, int maxIterations, double tolerance) {
        int n = x.length;
        double[][] s = new double[MEMORY][n];
        double[][] y = new double[MEMORY][n];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        double[] g = new double[n];
        double[] gNext = new double[n];
        double[] d = new double[n];
        double[] xNext = new double[n];
        double f = objective.evaluate(x, g);
        int stored = 0;
        int head = 0;
        for (int iter = 0; iter < maxIterations; iter++) {
            if (norm(g) < 1e-8) {
                break;
            }
            // Two-loop recursion: d = -H g.
            System.arraycopy(g, 0, d, 0, n);
            for (int k = 0; k < stored; k++) {
                int j = Math.floorMod(head - 1 - k, MEMORY);
                alpha[j] = rho[j] * dot(s[j], d);
                axpy(-alpha[j], y[j], d);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, MEMORY);
                scale(d, dot(s[last], y[last]) / dot(y[last], y[last]));
            } else {
                scale(d, 1 / Math.max(1, norm(g)));
            }
            for (int k = stored - 1; k >= 0; k--) {
                int j = Math.floorMod(head - 1 - k, MEMORY);
                double beta = rho[j] * dot(y[j], d);
                axpy(alpha[j] - beta, s[j], d);
            }
            scale(d, -1);
            double slope = dot(g, d);
            if (slope >= 0) { // not a descent direction: restart from steepest descent
                stored = 0;
                System.arraycopy(g, 0, d, 0, n);
                scale(d, -1 / Math.max(1, norm(g)));
                slope = dot(g, d);
            }
            double step = 1;
            double fNext;
            int tries = 0;
            while (true) {
                for (int i = 0; i < n; i++) {
                    xNext[i] = x[i] + step * d[i];
                }
                fNext = objective.evaluate(xNext, gNext);
                if (fNext <= f + 1e-4 * step * slope || ++tries > 30) {
                    break;
                }
                step *= 0.5;
            }
            if (tries > 30) {
                break;
            }
            double[] sNew = s[head];
            double[] yNew = y[head];
            for (int i = 0; i < n; i++) {
                sNew[i] = xNext[i] - x[i];
                yNew[i] = gNext[i] - g[i];
            }
            double sy = dot(sNew, yNew);
            if (sy > 1e-12) {
                rho[head] = 1 / sy;
                head = (head + 1) % MEMORY;
                stored = Math.min(stored + 1, MEMORY);
            }
            System.arraycopy(xNext, 0, x, 0, n);
            System.arraycopy(gNext, 0, g, 0, n);
            double improvement = (f - fNext) / Math.max(Math.abs(f), 1e-12);
            f = fNext;
            if (improvement < tolerance) {
                break;
            }
        }
        return f;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double[] a, double factor) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= factor;
        }
    }
}
