/**
 * The load tools: simulated clients that join a space, walk at a fixed rate and measure the latency
 * from a move to its arrival at observers; simulated visitors that talk to the AI characters and
 * time each reply; and the model-serving bench. Depends on the server (for a throw-away instance)
 * and the JDK's HTTP/WebSocket client; a run is bounded in clients and time. The tools' public
 * types are used from one thread; their simulated clients are thread-safe.
 */
package dev.worldmind.server.load;
