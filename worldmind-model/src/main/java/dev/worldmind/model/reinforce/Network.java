package dev.worldmind.model.reinforce;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import dev.worldmind.core.WorldmindException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A small fully connected network on DJL with its own Adam optimiser, for policies, values and Q
 * functions. Weights start orthogonal (Saxe et al., as Stable-Baselines3 does) from a Java seed, so
 * a run is reproducible whatever the engine's random state. The learner computes its own loss:
 * {@link #collector()} opens a gradient tape, {@link #step()} applies the gradients. Owns a DJL
 * model: close it. Not thread-safe.
 */
public final class Network implements AutoCloseable {
    private final NetworkSpec spec;
    private final Model model;
    private final Trainer trainer;
    private final ParameterStore store;
    private volatile double learningRateScale = 1;

    private Network(NetworkSpec spec, Model model, Trainer trainer) {
        this.spec = spec;
        this.model = model;
        this.trainer = trainer;
        this.store = new ParameterStore(model.getNDManager(), false);
    }

    /**
     * Creates a trainable network.
     *
     * @param spec its shape
     * @param learningRate Adam's step size
     * @param outputGain the last layer's initial scale (0.01 for a policy head, 1 for values)
     * @param seed the initial weights' seed
     * @return the network
     */
    public static Network create(
            NetworkSpec spec, double learningRate, double outputGain, long seed) {
        Model model = Model.newInstance("network");
        model.setBlock(block(spec));
        Network[] self = new Network[1];
        Tracker rate = update -> (float) (learningRate * self[0].learningRateScale);
        Optimizer adam = Optimizer.adam().optLearningRateTracker(rate).optEpsilon(1e-5f).build();
        // The trainer's loss is never used: learners compute their own objectives.
        Trainer trainer =
                model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(adam));
        trainer.initialize(new Shape(1, spec.inputs()));
        Network net = new Network(spec, model, trainer);
        self[0] = net;
        net.initialise(outputGain, seed);
        return net;
    }

    /**
     * Loads a network saved by {@link #save} for acting only (no optimiser).
     *
     * @param spec its shape
     * @param dir the folder
     * @param name the file's name
     * @return the network
     */
    public static Network load(NetworkSpec spec, Path dir, String name) {
        Model model = Model.newInstance(name);
        model.setBlock(block(spec));
        try {
            model.load(dir, name);
        } catch (IOException | ai.djl.MalformedModelException e) {
            model.close();
            throw new WorldmindException(
                    "cannot load network " + name + " from " + dir + ": " + e, e);
        }
        return new Network(spec, model, null);
    }

    /** The network's shape. */
    public NetworkSpec spec() {
        return spec;
    }

    /** The manager that owns the network's arrays; create per-batch managers under it. */
    public NDManager manager() {
        return model.getNDManager();
    }

    /**
     * Runs the network, recording gradients when a collector is open.
     *
     * @param input a batch, shape (n, inputs)
     * @return the outputs, shape (n, outputs)
     */
    public NDArray forward(NDArray input) {
        return model.getBlock()
                .forward(store, new NDList(input), trainer != null)
                .singletonOrThrow();
    }

    /**
     * Runs the network on plain arrays without gradients.
     *
     * @param inputs the batch, one row per input
     * @return one row of outputs per input
     */
    public float[][] predict(float[][] inputs) {
        try (NDManager m = manager().newSubManager()) {
            NDArray x = m.create(inputs);
            NDArray y = model.getBlock().forward(store, new NDList(x), false).singletonOrThrow();
            float[] flat = y.toFloatArray();
            int out = spec.outputs();
            float[][] rows = new float[inputs.length][out];
            for (int i = 0; i < inputs.length; i++) {
                System.arraycopy(flat, i * out, rows[i], 0, out);
            }
            return rows;
        }
    }

    /**
     * Opens a gradient tape (one at a time in the PyTorch engine); backward the loss in it, then
     * call {@link #step()}.
     */
    public GradientCollector collector() {
        Trainer t = trainer();
        return dev.worldmind.model.train.GradientTapes.forTraining(t::newGradientCollector);
    }

    /**
     * Applies this network's gradients (accumulated since its last step) and clears them. Gradients
     * add up across collectors until then: a loss that also flows into another network (an actor's
     * loss through a critic) leaves that network's gradients to be cleared with {@link
     * #zeroGradients()}.
     */
    public void step() {
        trainer().step();
    }

    /** Clears this network's accumulated gradients without applying them. */
    public void zeroGradients() {
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            NDArray a = p.getValue().getArray();
            if (a.hasGradient()) {
                NDArray g = a.getGradient();
                g.subi(g);
            }
        }
    }

    /**
     * Scales the learning rate from now on, e.g. to anneal it linearly over a run.
     *
     * @param scale the factor on the rate given at creation, in [0, 1]
     */
    public void scaleLearningRate(double scale) {
        learningRateScale = scale;
    }

    /**
     * Moves this network's weights towards another's: {@code w = tau * other + (1 - tau) * w} (tau
     * 1 copies).
     *
     * @param other a network of the same shape
     * @param tau how far to move, in (0, 1]
     */
    public void follow(Network other, double tau) {
        if (!other.spec.equals(spec)) {
            throw new IllegalArgumentException("networks differ: " + spec + " vs " + other.spec);
        }
        var mine = model.getBlock().getParameters();
        var theirs = other.model.getBlock().getParameters();
        for (int i = 0; i < mine.size(); i++) {
            NDArray w = mine.valueAt(i).getArray();
            NDArray o = theirs.valueAt(i).getArray();
            if (tau >= 1) {
                w.set(o.toFloatArray());
            } else {
                try (NDArray kept = w.mul((float) (1 - tau));
                        NDArray mixed = o.mul((float) tau).addi(kept)) {
                    w.set(mixed.toFloatArray());
                }
            }
        }
    }

    /**
     * Saves the weights as {@code <name>-0000.params}.
     *
     * @param dir the folder
     * @param name the file's name
     */
    public void save(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            model.save(dir, name);
        } catch (IOException e) {
            throw new WorldmindException(
                    "cannot save network " + name + " in " + dir + ": " + e, e);
        }
    }

    @Override
    public void close() {
        if (trainer != null) {
            trainer.close();
        }
        model.close();
    }

    private Trainer trainer() {
        if (trainer == null) {
            throw new IllegalStateException("this network was loaded for acting only");
        }
        return trainer;
    }

    private void initialise(double outputGain, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        var params = model.getBlock().getParameters();
        int linear = 0;
        int layers = spec.hidden().size() + 1;
        for (Pair<String, Parameter> p : params) {
            NDArray a = p.getValue().getArray();
            if (p.getValue().getType() == Parameter.Type.BIAS) {
                a.set(new float[(int) a.size()]);
                continue;
            }
            linear++;
            long[] shape = a.getShape().getShape(); // (out, in)
            double gain = linear == layers ? outputGain : Math.sqrt(2);
            a.set(orthogonal((int) shape[0], (int) shape[1], gain, random));
        }
    }

    /** A rows × cols matrix with orthonormal rows or columns (whichever are fewer), scaled. */
    static float[] orthogonal(int rows, int cols, double gain, SplittableRandom random) {
        boolean transpose = rows < cols;
        int n = transpose ? cols : rows; // the long side
        int k = transpose ? rows : cols; // vectors to orthonormalise, each of length n
        double[][] v = new double[k][n];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < n; j++) {
                v[i][j] = gaussian(random);
            }
            for (int p = 0; p < i; p++) {
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += v[i][j] * v[p][j];
                }
                for (int j = 0; j < n; j++) {
                    v[i][j] -= dot * v[p][j];
                }
            }
            double norm = 0;
            for (int j = 0; j < n; j++) {
                norm += v[i][j] * v[i][j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < n; j++) {
                v[i][j] /= norm;
            }
        }
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double x = transpose ? v[r][c] : v[c][r];
                out[r * cols + c] = (float) (gain * x);
            }
        }
        return out;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double w = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
    }

    private static SequentialBlock block(NetworkSpec spec) {
        SequentialBlock b = new SequentialBlock();
        for (int width : spec.hidden()) {
            b.add(Linear.builder().setUnits(width).build());
            b.add(spec.activation().equals("tanh") ? Activation::tanh : Activation::relu);
        }
        b.add(Linear.builder().setUnits(spec.outputs()).build());
        if (spec.head().equals("tanh")) {
            b.add(Activation::tanh);
        }
        return b;
    }
}
