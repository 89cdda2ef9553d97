/**
 * Reinforcement learning on Worldmind's own worlds: the environments by id (CartPole-v1,
 * Pendulum-v1 and NavGrid on each space of the default world), the learners by name, and the
 * museum's navigation policy that the guide walks by. Stateless and thread-safe.
 */
package dev.worldmind.app.reinforce;
