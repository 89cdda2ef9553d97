/**
 * The REST API (docs/protocol.md): accounts, avatars, spaces, moderation and the admin tools, with
 * the session/CSRF checks and the mapping of failures to HTTP statuses. Depends on the data layer's
 * stores and the server's security; route objects are stateless and thread-safe.
 */
package dev.worldmind.server.http;
