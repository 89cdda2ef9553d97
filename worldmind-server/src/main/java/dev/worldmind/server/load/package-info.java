/**
 * The load tool: simulated clients that join a space, walk at a fixed rate and measure the latency
 * from a move to its arrival at observers. Depends on the server (for a throw-away instance) and
 * the JDK's HTTP/WebSocket client; a run is bounded in clients and time.
 */
package dev.worldmind.server.load;
