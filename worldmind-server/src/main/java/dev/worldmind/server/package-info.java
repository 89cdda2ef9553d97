/**
 * The world server: wires configuration, database, security, REST API, WebSocket protocol and the
 * web client into one {@link dev.worldmind.server.WorldServer}. Depends on every lower layer; the
 * server is thread-safe and owns its resources until closed.
 */
package dev.worldmind.server;
