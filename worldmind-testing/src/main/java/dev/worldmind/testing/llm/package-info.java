/**
 * Stand-ins for the external LLM APIs that cannot run here: real HTTP servers on 127.0.0.1 that
 * speak OpenAI's chat-completions protocol (with SSE streaming) and Ollama's {@code /api/chat}
 * (with NDJSON streaming), answering from a script. Test scope only; depends on the JDK's HTTP
 * server and Jackson; the servers are thread-safe.
 */
package dev.worldmind.testing.llm;
