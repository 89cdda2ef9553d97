/**
 * Reinforcement learning: environments with Gymnasium's reset/step contract (observation and action
 * spaces, seeding, termination and truncation) and their exact dynamics, so results compare with
 * published ones. Depends on {@code core} only; an environment holds mutable state and is not
 * thread-safe (run one per thread).
 */
package dev.worldmind.model.reinforce;
