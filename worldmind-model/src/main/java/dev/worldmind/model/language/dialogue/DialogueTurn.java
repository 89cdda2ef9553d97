package dev.worldmind.model.language.dialogue;

import dev.worldmind.data.conversation.Speaker;
import java.util.Objects;

/**
 * One earlier turn of a conversation, as the LLM sees it.
 *
 * @param speaker who said it: the user or the character
 * @param text what was said
 */
public record DialogueTurn(Speaker speaker, String text) {
    public DialogueTurn {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
    }
}
