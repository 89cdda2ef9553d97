package dev.worldmind.model.registry;

/**
 * Built-in kind: recommenders: algorithm parameters and their training interactions, used by the
 * world's recommendations.
 */
public final class RecommenderModelKind implements ModelKind {
    @Override
    public String id() {
        return ModelManifest.RECOMMENDER;
    }

    @Override
    public String description() {
        return "recommenders: algorithm parameters and their training interactions, used by the world's recommendations";
    }
}
