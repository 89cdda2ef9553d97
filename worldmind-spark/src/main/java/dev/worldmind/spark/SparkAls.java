package dev.worldmind.spark;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import dev.worldmind.model.recommend.ImplicitAls;
import dev.worldmind.model.recommend.ImplicitAlsRecommender;
import dev.worldmind.model.recommend.RecommenderAlgorithm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Implicit-feedback ALS trained by Spark MLlib ({@code implicitPrefs=true}) on a Spark session it
 * owns, local ({@code local[*]}) or on a cluster. The interaction matrix's user and item indices
 * are Spark's integer ids, so the learned factors line up with the matrix exactly; they are
 * collected into the in-process ALS's recommender ({@link ImplicitAls#fromFactors}; Spark uses the
 * same confidence and count-scaled regularisation), which scores, folds in and saves without Spark.
 * Only one Spark session runs per JVM: close this (it stops the session) before building another.
 * Fitting is thread-safe.
 */
public final class SparkAls implements RecommenderAlgorithm, AutoCloseable {
    /** The algorithm's name. */
    public static final String NAME = "spark-als";

    private static final StructType SCHEMA =
            new StructType()
                    .add("user", DataTypes.IntegerType, false)
                    .add("item", DataTypes.IntegerType, false)
                    .add("rating", DataTypes.FloatType, false);

    private final Builder config;
    private final SparkSession session;
    private final double sessionSeconds;

    private SparkAls(Builder config) {
        this.config = config;
        long start = System.nanoTime();
        this.session = SparkSessions.start(config.master, config.shufflePartitions);
        this.sessionSeconds = (System.nanoTime() - start) / 1e9;
    }

    /** Starts the settings; every one has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The session it trains on (to read data with {@link SparkInteractions} on the same one). */
    public SparkSession session() {
        return session;
    }

    /** How long starting the session took, in seconds. */
    public double sessionSeconds() {
        return sessionSeconds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("factors", config.factors);
        m.put("regularisation", config.regularisation);
        m.put("alpha", config.alpha);
        m.put("iterations", config.iterations);
        m.put("seed", config.seed);
        m.put("blocks", config.blocks);
        m.put("master", config.master);
        return m;
    }

    @Override
    public ImplicitAlsRecommender fit(InteractionMatrix train, ProgressMonitor progress) {
        if (train.size() == 0) {
            throw new InvalidDataException("cannot train " + NAME + " on no interactions");
        }
        List<Row> rows = new ArrayList<>(train.size());
        for (int u = 0; u < train.users(); u++) {
            SparseVector row = train.row(u);
            for (int j = 0; j < row.size(); j++) {
                rows.add(RowFactory.create(u, row.index(j), row.value(j)));
            }
        }
        Dataset<Row> ratings = session.createDataFrame(rows, SCHEMA);
        ALS als =
                new ALS()
                        .setImplicitPrefs(true)
                        .setRank(config.factors)
                        .setRegParam(config.regularisation)
                        .setAlpha(config.alpha)
                        .setMaxIter(config.iterations)
                        .setSeed(config.seed)
                        .setNumBlocks(config.blocks)
                        .setUserCol("user")
                        .setItemCol("item")
                        .setRatingCol("rating");
        progress.info(
                NAME
                        + ": training on "
                        + train.size()
                        + " interactions ("
                        + train.users()
                        + " users x "
                        + train.items()
                        + " items), "
                        + config());
        ALSModel model = als.fit(ratings);
        int k = config.factors;
        float[] users = factors(model.userFactors(), train.users(), k);
        float[] items = factors(model.itemFactors(), train.items(), k);
        ratings.unpersist();
        progress.info(NAME + ": trained " + config.iterations + " iterations");
        return ImplicitAls.fromFactors(k, users, items, config.alpha, config.regularisation);
    }

    /** Copies Spark's {@code (id, features)} rows into a row-major array indexed by id. */
    private static float[] factors(Dataset<Row> frame, int count, int k) {
        // Ids without any interaction (possible in a matrix built over given ids) keep zeros.
        float[] out = new float[count * k];
        for (Row r : frame.collectAsList()) {
            int id = r.getInt(0);
            List<Float> f = r.getList(1);
            if (id < 0 || id >= count || f.size() != k) {
                throw new IllegalStateException(
                        "Spark returned factors for id " + id + " of length " + f.size());
            }
            for (int x = 0; x < k; x++) {
                out[id * k + x] = f.get(x);
            }
        }
        return out;
    }

    /** Stops the Spark session. */
    @Override
    public void close() {
        session.stop();
    }

    /** The settings; not thread-safe. */
    public static final class Builder {
        private int factors = 32;
        private double regularisation = 0.1;
        private double alpha = 10;
        private int iterations = 10;
        private long seed = 42;
        private int blocks = 4;
        private String master = "local[*]";
        private int shufflePartitions = 4;

        private Builder() {}

        /** The number of factors (Spark's rank); default 32. */
        public Builder optFactors(int factors) {
            this.factors = factors;
            return this;
        }

        /** The regularisation per interaction (Spark's regParam); default 0.1. */
        public Builder optRegularisation(double regularisation) {
            this.regularisation = regularisation;
            return this;
        }

        /** The confidence scale, {@code c = 1 + alpha * weight}; default 10. */
        public Builder optAlpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /** The number of alternating sweeps (Spark's maxIter); default 10. */
        public Builder optIterations(int iterations) {
            this.iterations = iterations;
            return this;
        }

        /** The seed of the initial factors; default 42. */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * How many blocks users and items are each split into (Spark's numBlocks, its default 10);
         * default 4: on a few cores fewer blocks mean less shuffling.
         */
        public Builder optBlocks(int blocks) {
            this.blocks = blocks;
            return this;
        }

        /** The Spark master: {@code local[*]} (default), {@code local[N]} or a cluster URL. */
        public Builder optMaster(String master) {
            this.master = master;
            return this;
        }

        /** Spark SQL's shuffle partitions ({@code spark.sql.shuffle.partitions}); default 4. */
        public Builder optShufflePartitions(int shufflePartitions) {
            this.shufflePartitions = shufflePartitions;
            return this;
        }

        /**
         * Checks the settings and starts the Spark session.
         *
         * @return the algorithm, owning the session
         */
        public SparkAls build() {
            if (factors < 1 || iterations < 1 || blocks < 1 || shufflePartitions < 1) {
                throw new IllegalArgumentException(
                        "factors, iterations, blocks and shuffle partitions are at least 1");
            }
            if (!(regularisation >= 0) || !(alpha >= 0)) {
                throw new IllegalArgumentException(
                        "regularisation and alpha cannot be negative: "
                                + regularisation
                                + ", "
                                + alpha);
            }
            if (master == null || master.isBlank()) {
                throw new IllegalArgumentException("a Spark master is needed, e.g. local[*]");
            }
            return new SparkAls(this);
        }
    }
}
