/**
 * Recommendation in the world: the seeded catalogue (products, exhibits, lessons, spaces,
 * characters), a simulated visitor history for a new installation, training and registering the
 * world's recommender, and serving it with item names and lesson order. Depends on the model and
 * data layers; the types here are immutable and thread-safe unless they say otherwise.
 */
package dev.worldmind.app.recommend;
