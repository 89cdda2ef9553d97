package dev.worldmind.spark;

import org.apache.spark.sql.SparkSession;

/** Starts Spark sessions configured for Worldmind. Stateless. */
final class SparkSessions {
    private SparkSessions() {}

    /**
     * Starts (or joins the JVM's running) Spark session.
     *
     * @param master {@code local[*]}, {@code local[N]} or a cluster URL
     * @param shufflePartitions Spark SQL's shuffle partitions (its default, 200, is far too many
     *     for one machine's few cores)
     * @return the session
     */
    static SparkSession start(String master, int shufflePartitions) {
        SparkSession.Builder b =
                SparkSession.builder()
                        .appName("worldmind")
                        .master(master)
                        .config("spark.ui.enabled", false)
                        .config("spark.sql.shuffle.partitions", shufflePartitions);
        if (master.startsWith("local")) {
            // Loopback only: a local session never needs to be reached from another host, and the
            // machine's name may not resolve.
            b.config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1");
        }
        SparkSession session = b.getOrCreate();
        session.sparkContext().setLogLevel("WARN");
        return session;
    }
}
