/**
 * Recommendation: ranking quality of top-N lists (precision, recall, NDCG, hit rate and MAP at k,
 * catalogue coverage and novelty), computed over users and items numbered from 0. Depends on
 * nothing but the JDK; every type here is immutable and thread-safe.
 */
package dev.worldmind.model.recommend;
