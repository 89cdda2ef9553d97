/**
 * Recommendation training scaled out with Apache Spark: implicit-feedback ALS from Spark MLlib on a
 * session this module owns, behaviour event logs and interaction files read with Spark SQL, and a
 * side-by-side bench against the in-process algorithms. Depends on {@code model.recommend} and
 * {@code data.interaction}; the only module that loads Spark. Trained recommenders are immutable
 * and thread-safe; a {@link dev.worldmind.spark.SparkAls} owns its session and is closed after use.
 */
package dev.worldmind.spark;
