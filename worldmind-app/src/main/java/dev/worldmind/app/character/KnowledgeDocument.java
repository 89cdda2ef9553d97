package dev.worldmind.app.character;

import java.util.Objects;

/**
 * One piece of what a character knows, about one subject (an exhibit, a product, a lesson).
 *
 * @param id unique within the character, e.g. {@code great-wave}; evaluation questions name it
 * @param title a short title, embedded with every passage of the document
 * @param text the text; blank lines separate paragraphs
 */
public record KnowledgeDocument(String id, String title, String text) {
    public KnowledgeDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
    }
}
