package dev.worldmind.model.registry;

/**
 * Built-in kind: text classifiers (sentiment, spam filter) used by the characters and the chat's
 * moderation.
 */
public final class TextClassifierKind extends DeclaredModelKind {
    /** The kind, as {@code ServiceLoader} makes it. */
    public TextClassifierKind() {
        super(
                ModelManifest.TEXT_CLASSIFIER,
                "text classifiers (sentiment, spam filter) used by the characters and the chat's moderation",
                false);
    }
}
