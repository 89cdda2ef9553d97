package dev.worldmind.model.registry;

/**
 * Built-in kind: text classifiers (sentiment, spam filter) used by the characters and the chat's
 * moderation.
 */
public final class TextClassifierKind implements ModelKind {
    @Override
    public String id() {
        return ModelManifest.TEXT_CLASSIFIER;
    }

    @Override
    public String description() {
        return "text classifiers (sentiment, spam filter) used by the characters and the chat's moderation";
    }
}
