/**
 * Accounts, sessions and rights: Argon2id passwords and the password policy (common-password list),
 * opaque session tokens and scoped API tokens stored hashed, idle and absolute expiry, rotation at
 * login, login and registration throttling, the ranked moderation policy both doors ask, and the
 * signal that tells open sockets when rights change. Depends on the data layer's account stores and
 * catalogue; all types are thread-safe.
 */
package dev.worldmind.server.security;
