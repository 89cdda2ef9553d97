/**
 * Character dialogue with a generative LLM: a streaming, cancellable {@link
 * dev.worldmind.model.language.dialogue.ChatProvider} contract with LangChain4j providers for
 * OpenAI-compatible servers and Ollama, and {@link
 * dev.worldmind.model.language.dialogue.FallbackChat}, which bounds an LLM by time and falls back
 * to an embedded answer. Depends on LangChain4j and the data layer; providers and the fallback
 * wrapper are thread-safe, the records immutable.
 */
package dev.worldmind.model.language.dialogue;
