package dev.worldmind.model.registry;

/**
 * Built-in kind: recommenders: algorithm parameters and their training interactions, used by the
 * world's recommendations.
 */
public final class RecommenderModelKind extends DeclaredModelKind {
    /** The kind, as {@code ServiceLoader} makes it. */
    public RecommenderModelKind() {
        super(
                ModelManifest.RECOMMENDER,
                "recommenders: algorithm parameters and their training interactions, used by the world's recommendations",
                false);
    }
}
