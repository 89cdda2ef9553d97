/**
 * Linear models fitted without DJL: a binary logistic regression with the two solvers Worldmind
 * needs (L-BFGS on dense rows, AdaGrad on hashed sparse features) and the L-BFGS minimiser itself.
 * Depends on the JDK and the data layer's sparse vector only; fitted models are immutable and
 * thread-safe.
 */
package dev.worldmind.model.linear;
