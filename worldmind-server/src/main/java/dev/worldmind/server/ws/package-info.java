/**
 * The real-time protocol (docs/protocol.md): the WebSocket endpoint, message parsing and limits,
 * the live instances of each space, the 20 Hz tick with area-of-interest filtering, moderation, and
 * the AI characters' desk (talk and streamed replies) and the museum guide's tours (planned on
 * their own threads, never on the tick), and the tick's watchdog. Depends on the data layer's
 * stores, the app layer's character host and the server's security; everything public is
 * thread-safe.
 */
package dev.worldmind.server.ws;
