/**
 * What each person said to each AI character and what the character answered: the per-user memory
 * that makes a character remember someone across visits and server restarts. Depends on core and
 * the database package; records are immutable and the store is thread-safe (each call uses its own
 * pooled connection).
 */
package dev.worldmind.data.conversation;
