package dev.worldmind.data.interaction;

import dev.worldmind.core.provenance.Provenance.DatasetRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * A seeded latent-factor generator of ratings: the acceptance dataset for recommendation, since no
 * public ratings dataset can be fetched here. The same {@link Config} always gives the same data
 * (on any JVM: only {@link Random}, whose algorithms are specified, and {@link Math#log}, {@link
 * Math#exp} are used), and its true affinities are exposed, so an "oracle" ranking can show how
 * much signal there is to find.
 *
 * <p>The model, with one {@code java.util.Random r = new Random(seed)} drawn in exactly this order
 * ({@code N()} is {@code r.nextGaussian()}, {@code V()} is {@code r.nextDouble()}):
 *
 * <ol>
 *   <li>Popularity: a random order of the items, by Fisher-Yates ({@code for k = I-1 down to 1:
 *       swap perm[k] with perm[r.nextInt(k+1)]}, starting from {@code perm = 0..I-1}); item {@code
 *       perm[k]} has popularity rank {@code k} and bias {@code b_i = -s * ln(1 + rank_i)}, so
 *       without taste the items would be drawn with Zipf probabilities {@code ∝ (1 + rank)^-s}.
 *   <li>Item factors: for each item {@code i}, then each of {@code d} coordinates: {@code y_if =
 *       N()}.
 *   <li>Taste clusters: for each of {@code C} clusters, each coordinate: {@code m_cf = N()}.
 *   <li>Then for each user {@code u} in turn:
 *       <ol>
 *         <li>cluster {@code c_u = r.nextInt(C)}; factors {@code x_uf = (m_{c_u f} + σ_u N()) /
 *             sqrt(d)} for each coordinate;
 *         <li>count {@code n_u = clamp(round(exp(μ + σ_n N())), minCount, min(maxCount, I))}
 *             (log-normal);
 *         <li>affinity {@code a_ui = <x_u, y_i> / τ + b_i} for every item;
 *         <li>Gumbel-top-k: for each item in index order, key {@code k_i = a_ui - ln(-ln V())}; the
 *             user's items are the {@code n_u} items with the largest keys, in decreasing key order
 *             (ties: lower index first). This is exactly drawing {@code n_u} items one after
 *             another without replacement, each with probability {@code ∝ exp(a_ui)} among those
 *             left, and that is their order in time;
 *         <li>rating from the item's rank {@code q} (0 = best) by affinity {@code a_ui} among the
 *             user's {@code n_u} items (ties: the earlier drawn first), as the fraction {@code q /
 *             n_u}: below 0.2 gives 5, below 0.5 gives 4, below 0.75 gives 3, below 0.9 gives 2,
 *             else 1;
 *         <li>times: the first item at {@code start + 1000 * floor(V() * spanSeconds)} ms, each
 *             next one {@code 1000 * max(1, round(-gapSeconds * ln(1 - V())))} ms later
 *             (exponential gaps, strictly increasing).
 *       </ol>
 * </ol>
 *
 * <p>Users are {@code u0000}, {@code u0001}, ... and items {@code i0000}, ... (zero-padded to the
 * width of the largest index, so sorting the ids keeps index order and {@link InteractionMatrix}
 * numbers user {@code u0042} as 42). The interactions are listed by user, then time. Immutable and
 * thread-safe.
 */
public final class SyntheticInteractions {
    private final Config config;
    private final LatentFactorSample sample;

    /**
     * The generator's settings (symbols as in {@link SyntheticInteractions}).
     *
     * @param users {@code U}, the number of users (at least 1)
     * @param items {@code I}, the number of items (at least {@code minCount})
     * @param dimension {@code d}, the latent dimension (at least 1)
     * @param clusters {@code C}, the number of taste clusters (at least 1)
     * @param userSpread {@code σ_u}, how far users scatter around their cluster's centre (>= 0)
     * @param temperature {@code τ}, divides the taste term: lower means sharper tastes (> 0)
     * @param popularityExponent {@code s}, the Zipf exponent of the item bias (>= 0)
     * @param logCountMean {@code μ}, the mean of the log of a user's interaction count
     * @param logCountSigma {@code σ_n}, its standard deviation (>= 0)
     * @param minCount the fewest interactions a user has (at least 1)
     * @param maxCount the most interactions a user has (at least {@code minCount})
     * @param start the earliest possible time, epoch ms
     * @param spanSeconds the window in which users start, in seconds (at least 1)
     * @param gapSeconds the mean gap between a user's interactions, in seconds (> 0)
     * @param seed the seed
     */
    public record Config(
            int users,
            int items,
            int dimension,
            int clusters,
            double userSpread,
            double temperature,
            double popularityExponent,
            double logCountMean,
            double logCountSigma,
            int minCount,
            int maxCount,
            long start,
            long spanSeconds,
            double gapSeconds,
            long seed) {
        public Config {
            check(users >= 1, "users must be at least 1: " + users);
            check(minCount >= 1, "minCount must be at least 1: " + minCount);
            check(items >= minCount, "items must be at least minCount: " + items);
            check(maxCount >= minCount, "maxCount must be at least minCount: " + maxCount);
            check(dimension >= 1, "dimension must be at least 1: " + dimension);
            check(clusters >= 1, "clusters must be at least 1: " + clusters);
            check(userSpread >= 0, "userSpread must be >= 0: " + userSpread);
            check(temperature > 0, "temperature must be > 0: " + temperature);
            check(popularityExponent >= 0, "popularityExponent must be >= 0");
            check(Double.isFinite(logCountMean), "logCountMean must be finite");
            check(logCountSigma >= 0, "logCountSigma must be >= 0: " + logCountSigma);
            check(spanSeconds >= 1, "spanSeconds must be at least 1: " + spanSeconds);
            check(gapSeconds > 0, "gapSeconds must be > 0: " + gapSeconds);
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }

        /**
         * The acceptance dataset: 6,000 users, 3,000 items, d 16, 12 clusters, σ_u 0.5, τ 0.4, s
         * 1.0, μ 3.4, σ_n 1 (286,577 interactions, a mean of about 48 per user), counts 5 to 1,000,
         * users starting during 2024 with gaps of a day on average, seed 42.
         */
        public static Config defaults() {
            return new Config(
                    6000,
                    3000,
                    16,
                    12,
                    0.5,
                    0.4,
                    1.0,
                    3.4,
                    1.0,
                    5,
                    1000,
                    Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(),
                    366L * 86400,
                    86400,
                    42);
        }

        /**
         * A small dataset for tests: 500 users, 400 items, d 8, 4 clusters, μ 2.8 (a mean of about
         * 27 per user, 7 % of the items, about as dense as MovieLens 100K), counts 5 to 100,
         * otherwise as {@link #defaults()}.
         */
        public static Config small() {
            Config d = defaults();
            return new Config(
                    500,
                    400,
                    8,
                    4,
                    d.userSpread,
                    d.temperature,
                    d.popularityExponent,
                    2.8,
                    1.0,
                    5,
                    100,
                    d.start,
                    d.spanSeconds,
                    d.gapSeconds,
                    d.seed);
        }

        /**
         * A second regime, shaped like a small public movie-ratings catalogue (610 users rating
         * 9,700 films, about 100,000 ratings, the most-rated film rated by about half the users):
         * 600 users, 10,000 items, d 16, 12 clusters, μ 4.3 and σ_n 1.3 (a median of about 75 and a
         * mean of about 165 items per user), counts 20 to 2,700, otherwise as {@link #defaults()}.
         * It gives 101,514 interactions on 9,320 of the items (1.8 % dense), users with a median of
         * 74 items; the most popular item is drawn by half the users, the median item by 6, and 11
         * % of the items by one user only. Few users, many items and long histories: the opposite
         * of {@link #defaults()}, so a default that holds on both is not fitted to one shape.
         */
        public static Config movies() {
            Config d = defaults();
            return new Config(
                    600,
                    10_000,
                    16,
                    12,
                    d.userSpread,
                    d.temperature,
                    d.popularityExponent,
                    4.3,
                    1.3,
                    20,
                    2700,
                    d.start,
                    d.spanSeconds,
                    d.gapSeconds,
                    d.seed);
        }

        /** The names {@link #preset(String)} knows. */
        public static final List<String> PRESETS = List.of("default", "small", "movies");

        /**
         * A preset by name.
         *
         * @param name {@code default}, {@code small} or {@code movies}
         * @return its settings
         * @throws IllegalArgumentException naming the presets, for any other name
         */
        public static Config preset(String name) {
            return switch (name) {
                case "default" -> defaults();
                case "small" -> small();
                case "movies" -> movies();
                default ->
                        throw new IllegalArgumentException(
                                "no synthetic preset '" + name + "'; there are " + PRESETS);
            };
        }

        /**
         * The same settings with another seed.
         *
         * @param newSeed the seed
         * @return the new settings
         */
        public Config withSeed(long newSeed) {
            return new Config(
                    users,
                    items,
                    dimension,
                    clusters,
                    userSpread,
                    temperature,
                    popularityExponent,
                    logCountMean,
                    logCountSigma,
                    minCount,
                    maxCount,
                    start,
                    spanSeconds,
                    gapSeconds,
                    newSeed);
        }
    }

    private SyntheticInteractions(Config c) {
        this.config = c;
        this.sample = LatentFactorSample.draw(c);
    }

    /**
     * Generates a dataset.
     *
     * @param config the settings
     * @return the dataset
     */
    public static SyntheticInteractions generate(Config config) {
        return new SyntheticInteractions(config);
    }

    /** The settings this dataset was generated with. */
    public Config config() {
        return config;
    }

    /** The interactions (ratings 1 to 5), by user, then time. */
    public List<Interaction> interactions() {
        return sample.interactions();
    }

    /** The user ids, by index. */
    public List<String> userIds() {
        return sample.userIds();
    }

    /** The item ids, by index. */
    public List<String> itemIds() {
        return sample.itemIds();
    }

    /**
     * The true affinity {@code a_ui} of a user for every item: an oracle's scores.
     *
     * @param user the user's index
     * @return the affinity of each item, by index
     */
    public double[] affinities(int user) {
        return sample.affinities(user);
    }

    /** The taste cluster of user {@code u}. */
    public int cluster(int u) {
        return sample.cluster(u);
    }

    /** The popularity rank (0 = most popular a priori) of item {@code i}. */
    public int popularityRank(int i) {
        return sample.popularityRank(i);
    }

    /**
     * The dataset's name and content hash for provenance: the SHA-256 of the interactions as {@code
     * user,item,weight,at} lines.
     */
    public DatasetRef ref() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        StringBuilder line = new StringBuilder();
        for (Interaction x : sample.interactions()) {
            line.setLength(0);
            line.append(x.user()).append(',').append(x.item()).append(',');
            line.append((long) x.weight()).append(',').append(x.at()).append('\n');
            sha.update(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return new DatasetRef(
                "synthetic-seed" + config.seed(),
                HexFormat.of().formatHex(sha.digest()),
                "synthetic latent-factor ratings: " + config);
    }

    @Override
    public String toString() {
        return "synthetic: "
                + config.users()
                + " users x "
                + config.items()
                + " items, "
                + sample.interactions().size()
                + " interactions (seed "
                + config.seed()
                + ")";
    }
}
