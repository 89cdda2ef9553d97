package dev.worldmind.app.character;

import java.util.Objects;

/**
 * A question a visitor might ask a character, for measuring retrieval.
 *
 * @param question the question, as a visitor would put it
 * @param expectedDocumentId the knowledge document that answers it, or empty if the character's
 *     knowledge cannot answer it (then the right reply is "I don't know")
 */
public record RetrievalQuestion(String question, String expectedDocumentId) {
    public RetrievalQuestion {
        Objects.requireNonNull(question, "question");
        expectedDocumentId = expectedDocumentId == null ? "" : expectedDocumentId;
    }

    /** Returns whether the character's knowledge should answer this question. */
    public boolean answerable() {
        return !expectedDocumentId.isEmpty();
    }
}
