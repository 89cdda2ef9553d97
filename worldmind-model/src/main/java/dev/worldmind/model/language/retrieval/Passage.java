package dev.worldmind.model.language.retrieval;

import java.util.Objects;

/**
 * A short piece of a knowledge document, small enough to embed whole (MiniLM reads 128 word
 * pieces).
 *
 * @param id unique within an index, e.g. {@code starry-night#2}
 * @param documentId the document it was cut from
 * @param title the document's title, embedded with the text to give the passage its context
 * @param text the passage text
 */
public record Passage(String id, String documentId, String title, String text) {
    public Passage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("passage " + id + " has no text");
        }
    }

    /** Returns the text that is embedded for search: the title, then the passage. */
    public String embeddingText() {
        return title.isBlank() ? text : title + ". " + text;
    }
}
