/**
 * The datasets Worldmind knows by name, with their checksums and sources. Depends on the store,
 * image, text and mail packages; everything here is immutable and thread-safe.
 */
package dev.worldmind.data.catalog;
