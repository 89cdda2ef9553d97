/**
 * Accounts and sessions: Argon2id passwords, opaque session tokens stored hashed, idle and absolute
 * expiry, rotation at login and login throttling. Depends on the data layer's account stores; all
 * types are thread-safe.
 */
package dev.worldmind.server.security;
