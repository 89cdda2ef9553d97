package dev.worldmind.model.recommend;

/**
 * The settings that every matrix-factorisation algorithm's builder takes, written once: the latent
 * dimension, the seed of the initial factors and the threads (DJL's base-builder shape: each setter
 * returns the concrete builder). Not thread-safe.
 *
 * @param <B> the concrete builder
 */
abstract class FactorBuilder<B extends FactorBuilder<B>> {
    int factors = 64;
    long seed = 42;
    int threads;

    /**
     * Starts the settings.
     *
     * @param defaultThreads the threads unless {@link #optThreads} says otherwise
     */
    FactorBuilder(int defaultThreads) {
        threads = defaultThreads;
    }

    /** Returns this builder as its concrete type. */
    abstract B self();

    /** Sets the latent dimension (default 64). */
    public B optFactors(int value) {
        factors = value;
        return self();
    }

    /** Sets the seed of the initial factors (default 42). */
    public B optSeed(long value) {
        seed = value;
        return self();
    }

    /** Sets the number of threads (the default is the algorithm's: see its builder). */
    public B optThreads(int value) {
        threads = value;
        return self();
    }
}
