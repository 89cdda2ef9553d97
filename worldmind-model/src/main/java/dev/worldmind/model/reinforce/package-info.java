/**
 * Reinforcement learning: environments with Gymnasium's reset/step contract (CartPole-v1 and
 * Pendulum-v1 with Gymnasium's dynamics, NavGrid on a space's floor), vectorised environments, and
 * learners on DJL networks (REINFORCE with a baseline, PPO, DQN, DDPG/TD3) with checkpoints, reward
 * curves and policy artifacts. Depends on {@code core}, {@code data.world}, {@code
 * model.navigation} and DJL's API; environments, networks and learning runs hold mutable state and
 * are used from one thread, learners themselves are immutable configurations.
 */
package dev.worldmind.model.reinforce;
