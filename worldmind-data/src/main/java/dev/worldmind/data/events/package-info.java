/**
 * The behaviour event log: what people do in the world (joins, chat, moves, item views, likes,
 * purchases), appended in batches from the server's hot path and queried or exported as CSV or JSON
 * Lines for analytics and training. Depends on core, Jackson and the database package; records are
 * immutable and {@code EventLog} and {@code EventWriter} are thread-safe.
 */
package dev.worldmind.data.events;
