/**
 * The world server: HTTP, WebSocket and the 3D client (to come with the world issue). It will
 * depend on the application layer only and choose HTTP status codes for the exceptions below it.
 */
package dev.worldmind.server;
