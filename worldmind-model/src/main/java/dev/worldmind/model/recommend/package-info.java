/**
 * Recommendation: algorithms that learn from an {@code InteractionMatrix} and score every item for
 * a user (known, or new and described only by their history: fold-in), item-to-item similarity,
 * top-N ranking with seen items left out, their saved parameters, and ranking quality (precision,
 * recall, NDCG, hit rate and MAP at k, catalogue coverage and novelty). Depends on {@code core},
 * {@code data.interaction} and, for content-based scoring, {@code model.language}'s embedders;
 * trained recommenders are immutable and thread-safe.
 */
package dev.worldmind.model.recommend;
