package dev.worldmind.model.language.dialogue;

import dev.worldmind.core.InvalidDataException;
import java.util.Locale;

/** Which LLM answers for the characters; configuration uses the lowercase name. */
public enum ProviderKind {
    /** No LLM: the embedded responder answers everything (the default, works offline). */
    NONE,
    /** An OpenAI-compatible chat-completions server: vLLM, llama.cpp server, LM Studio, hosted. */
    OPENAI,
    /** An Ollama server's {@code /api/chat}. */
    OLLAMA;

    /** Returns the lowercase name used in configuration, e.g. {@code "ollama"}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds a kind by its name.
     *
     * @param value {@code none}, {@code openai} or {@code ollama}, any case
     * @return the kind
     * @throws InvalidDataException for any other name
     */
    public static ProviderKind fromValue(String value) {
        for (ProviderKind k : values()) {
            if (k.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return k;
            }
        }
        throw new InvalidDataException(
                "unknown dialogue provider '" + value + "': use none, openai or ollama");
    }
}
