/**
 * The real-time protocol (docs/protocol.md): the WebSocket endpoint, message parsing and limits,
 * the live instances of each space, the 20 Hz tick with area-of-interest filtering, and moderation.
 * Depends on the data layer's stores and the server's security; everything public is thread-safe.
 */
package dev.worldmind.server.ws;
