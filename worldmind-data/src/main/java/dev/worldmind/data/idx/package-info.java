/**
 * The IDX file format of MNIST-style datasets: strict reading (plain or gzipped) and writing.
 * Depends on core only; all types are immutable or stateless and thread-safe.
 */
package dev.worldmind.data.idx;
