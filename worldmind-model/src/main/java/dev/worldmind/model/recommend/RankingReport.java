package dev.worldmind.model.recommend;

import java.util.Locale;

/**
 * How good top-k lists are, averaged over the users that have held-out items (full ranking: every
 * item a user has not seen in training competes).
 *
 * @param k the list length
 * @param users how many users were scored
 * @param precision the mean share of the k recommended items that are relevant
 * @param recall the mean share of a user's relevant items found in the k
 * @param ndcg the mean normalised discounted cumulative gain (binary relevance, log2 discount; the
 *     ideal list puts min(relevant, k) hits first)
 * @param hitRate the share of users with at least one relevant item in their k
 * @param map the mean average precision at k (precision at each hit's rank, summed, over
 *     min(relevant, k))
 * @param coverage the share of the catalogue recommended to anyone
 * @param novelty the mean self-information of recommended items, {@code -log2(share of training
 *     users who had the item)}; higher means less popular, more surprising items
 */
public record RankingReport(
        int k,
        int users,
        double precision,
        double recall,
        double ndcg,
        double hitRate,
        double map,
        double coverage,
        double novelty) {
    public RankingReport {
        if (k < 1) {
            throw new IllegalArgumentException("k is at least 1: " + k);
        }
        if (users < 0) {
            throw new IllegalArgumentException("users cannot be negative: " + users);
        }
    }

    /** Returns one table row: k, users, then every metric with four decimals. */
    public String toRow() {
        return String.format(
                Locale.ROOT,
                "k=%d users=%d precision %.4f recall %.4f ndcg %.4f hr %.4f map %.4f coverage %.4f"
                        + " novelty %.2f",
                k,
                users,
                precision,
                recall,
                ndcg,
                hitRate,
                map,
                coverage,
                novelty);
    }
}
