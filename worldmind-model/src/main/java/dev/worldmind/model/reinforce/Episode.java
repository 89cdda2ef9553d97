package dev.worldmind.model.reinforce;

/**
 * A finished episode during training.
 *
 * @param endStep the run's environment-step count when it ended
 * @param reward its total reward
 * @param length how many steps it lasted
 * @param terminated whether it ended in the task's own terms rather than by the time limit
 */
public record Episode(long endStep, double reward, int length, boolean terminated) {}
