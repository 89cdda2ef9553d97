package dev.worldmind.model.language.dialogue;

import java.util.List;
import java.util.Objects;

/**
 * What a character is asked to answer.
 *
 * @param systemPrompt who the character is and how it must answer: persona, style, retrieved
 *     passages, emotional state and rules
 * @param history the recent conversation with this user, oldest first
 * @param userMessage what the user just said
 */
public record DialogueRequest(String systemPrompt, List<DialogueTurn> history, String userMessage) {
    public DialogueRequest {
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        history = List.copyOf(history);
        if (userMessage == null || userMessage.isBlank()) {
            throw new IllegalArgumentException("a dialogue request needs a user message");
        }
    }
}
