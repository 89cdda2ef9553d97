/**
 * Accounts with their global roles and password hashes, and login sessions. Depends on core and the
 * database package; records are immutable and the stores are thread-safe (each call uses its own
 * pooled connection).
 */
package dev.worldmind.data.accounts;
