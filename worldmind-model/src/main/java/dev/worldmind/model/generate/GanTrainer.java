package dev.worldmind.model.generate;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import dev.worldmind.data.image.ImageSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Trains a DCGAN generator against a discriminator with the non-saturating loss (Goodfellow et
 * al.): the discriminator minimises {@code softplus(-D(x)) + softplus(D(G(z)))}, the generator
 * {@code softplus(-D(G(z)))}. Each step first updates the generator through the current
 * discriminator, then the discriminator on real images and the same (detached) generated batch.
 * Weights, noise and shuffling all come from the configuration's seed, so a run repeats on the same
 * engine and thread count. Not thread-safe.
 */
public final class GanTrainer {
    private final GanConfig config;
    private final GanListener listener;

    /**
     * Creates a trainer.
     *
     * @param config how to train
     * @param listener hears the progress
     */
    public GanTrainer(GanConfig config, GanListener listener) {
        this.config = config;
        this.listener = listener;
    }

    /** The generator shape this configuration trains for a dataset's classes. */
    public GeneratorSpec spec(List<String> classes) {
        return new GeneratorSpec(
                config.latentSize(),
                config.width(),
                classes,
                config.conditional(),
                dev.worldmind.model.vision.ImageShape.MNIST);
    }

    /**
     * Trains a generator in place.
     *
     * @param generator the generator, e.g. {@link Generator#create} of {@link #spec}
     * @param train 28 x 28 gray training images with labels
     * @param score measures the generator before training and after every epoch (FID), or null
     * @return the run's history
     */
    public GanHistory fit(Generator generator, ImageSet train, ToDoubleFunction<Generator> score) {
        long started = System.nanoTime();
        GeneratorSpec spec = generator.spec();
        ImageSet data =
                config.limitImages() > 0 && config.limitImages() < train.size()
                        ? train.head(config.limitImages())
                        : train;
        int batch = config.batchSize();
        int batches = data.size() / batch;
        if (batches < 1) {
            throw new IllegalArgumentException(
                    "need at least one batch of " + batch + " images, got " + data.size());
        }
        double initial = score == null ? Double.NaN : score.applyAsDouble(generator);
        List<GanEpoch> history = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
        try (Model critic = Model.newInstance("discriminator");
                Trainer gTrainer = trainer(generator.model(), new Shape(1, spec.inputSize()))) {
            critic.setBlock(GanNetworks.discriminator(spec));
            try (Trainer dTrainer =
                    trainer(critic, new Shape(1, spec.discriminatorChannels(), 28, 28))) {
                GanNetworks.initialise(critic.getBlock(), config.seed() + 1);
                Block gBlock = generator.model().getBlock();
                Block dBlock = critic.getBlock();
                int[] order = new int[data.size()];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                int size = spec.shape().size();
                float[] real = new float[batch * size];
                float[] noise = new float[batch * spec.latentSize()];
                int[] realLabels = new int[batch];
                int[] fakeLabels = new int[batch];
                int classes = Math.max(spec.classes().size(), 1);
                for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                    long epochStart = System.nanoTime();
                    shuffle(order, random);
                    double dSum = 0;
                    double gSum = 0;
                    for (int b = 0; b < batches; b++) {
                        for (int i = 0; i < batch; i++) {
                            int index = order[b * batch + i];
                            data.copyImage(index, real, i * size);
                            realLabels[i] = spec.conditional() ? data.label(index) : 0;
                            fakeLabels[i] = spec.conditional() ? random.nextInt(classes) : 0;
                        }
                        for (int i = 0; i < real.length; i++) {
                            real[i] = real[i] * 2 - 1;
                        }
                        GanNetworks.gaussians(random, noise);
                        float[] losses =
                                step(
                                        gTrainer,
                                        dTrainer,
                                        gBlock,
                                        dBlock,
                                        spec,
                                        real,
                                        realLabels,
                                        noise,
                                        fakeLabels);
                        gSum += losses[0];
                        dSum += losses[1];
                        listener.onBatch(epoch, b + 1, batches);
                    }
                    double seconds = (System.nanoTime() - epochStart) / 1e9;
                    double fid = score == null ? Double.NaN : score.applyAsDouble(generator);
                    GanEpoch stats =
                            new GanEpoch(
                                    epoch,
                                    dSum / batches,
                                    gSum / batches,
                                    batches * (double) batch / seconds,
                                    seconds,
                                    fid);
                    history.add(stats);
                    listener.onEpoch(stats);
                }
            }
        }
        return new GanHistory(initial, history, (System.nanoTime() - started) / 1e9);
    }

    /** One generator update then one discriminator update; returns {G loss, D loss}. */
    private static float[] step(
            Trainer gTrainer,
            Trainer dTrainer,
            Block gBlock,
            Block dBlock,
            GeneratorSpec spec,
            float[] real,
            int[] realLabels,
            float[] noise,
            int[] fakeLabels) {
        int n = realLabels.length;
        try (NDManager m = gTrainer.getManager().newSubManager()) {
            NDArray z = GanNetworks.generatorInput(m, spec, noise, fakeLabels);
            NDArray fake;
            float gLoss;
            // Gradients add up across collectors until cleared: clear both networks' first (the
            // generator's loss flows back through the discriminator).
            zeroGradients(gBlock);
            zeroGradients(dBlock);
            try (GradientCollector tape =
                    dev.worldmind.model.train.GradientTapes.forTraining(
                            gTrainer::newGradientCollector)) {
                fake = gTrainer.forward(new NDList(z)).singletonOrThrow();
                NDArray judged =
                        dTrainer.forward(
                                        new NDList(
                                                GanNetworks.discriminatorInput(
                                                        m, spec, fake, fakeLabels)))
                                .singletonOrThrow();
                NDArray loss = Activation.softPlus(judged.neg()).mean();
                tape.backward(loss);
                gLoss = loss.getFloat();
            }
            gTrainer.step();
            zeroGradients(dBlock);
            // PyTorch's engine has no stopGradient: a copy through Java cuts the graph.
            NDArray detached = m.create(fake.toFloatArray(), fake.getShape());
            NDArray realImages = m.create(real, new Shape(n, 1, 28, 28));
            float dLoss;
            try (GradientCollector tape =
                    dev.worldmind.model.train.GradientTapes.forTraining(
                            dTrainer::newGradientCollector)) {
                NDArray onReal =
                        dTrainer.forward(
                                        new NDList(
                                                GanNetworks.discriminatorInput(
                                                        m, spec, realImages, realLabels)))
                                .singletonOrThrow();
                NDArray onFake =
                        dTrainer.forward(
                                        new NDList(
                                                GanNetworks.discriminatorInput(
                                                        m, spec, detached, fakeLabels)))
                                .singletonOrThrow();
                NDArray loss =
                        Activation.softPlus(onReal.neg())
                                .mean()
                                .add(Activation.softPlus(onFake).mean());
                tape.backward(loss);
                dLoss = loss.getFloat();
            }
            dTrainer.step();
            return new float[] {gLoss, dLoss};
        }
    }

    private Trainer trainer(Model model, Shape input) {
        Optimizer adam =
                Optimizer.adam()
                        .optLearningRateTracker(Tracker.fixed(config.learningRate()))
                        .optBeta1(config.beta1())
                        .build();
        // The configured loss is never used: the step computes both objectives itself.
        Trainer trainer =
                model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(adam));
        trainer.initialize(input); // keeps weights already set; registers them for updates
        return trainer;
    }

    private static void zeroGradients(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            if (a.hasGradient()) {
                NDArray g = a.getGradient();
                g.subi(g);
            }
        }
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
