package dev.worldmind.model.train;

/** The optimisers training can use. */
public enum OptimizerKind {
    /** Adam (Kingma and Ba) with the usual betas 0.9 / 0.999. */
    ADAM,
    /** Stochastic gradient descent with Nesterov-free momentum 0.9. */
    SGD
}
