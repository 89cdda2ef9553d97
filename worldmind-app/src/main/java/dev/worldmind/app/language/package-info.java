/**
 * The language features put together: training and evaluating the sentiment and moderation models,
 * assembling what the world's characters need, and the embedding benchmark. Depends on the model
 * and data layers; the types here are immutable or say otherwise.
 */
package dev.worldmind.app.language;
