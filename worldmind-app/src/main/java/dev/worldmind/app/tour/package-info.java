/**
 * Guided tours: a space's exhibits in visiting order, the guide's walk from stop to stop on the
 * navigation grid (a learned policy with A* as fallback and yardstick), steering around avatars,
 * and what the guide says at each stop. Depends on the model layer's navigation and reinforcement
 * packages and the data layer's world records. Navigators and guides are not thread-safe (one per
 * walking character); tours are immutable.
 */
package dev.worldmind.app.tour;
